/// Removes a secret from bytes before they are journalled or logged: every occurrence becomes `[REDACTED]`.
///
/// The key is only ever put in the `Authorization` header, which is itself journalled as `Bearer [REDACTED]`;
/// this pass is the second line of defence, for an endpoint that echoes the key back in a body or an error.
struct Redactor: Sendable {
    static let placeholder = Array("[REDACTED]".utf8)
    private let secret: [UInt8]

    /// A redactor for `key`, or one that changes nothing when there is no key.
    init(key: APIKey?) {
        secret = key.map { Array($0.secret.utf8) } ?? []
    }

    /// `bytes` with every occurrence of the secret replaced.
    /// - Complexity: O(bytes × secret length) in the worst case; bodies are kilobytes.
    func redact(_ bytes: [UInt8]) -> [UInt8] {
        guard !secret.isEmpty, bytes.count >= secret.count else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        let last = bytes.count - secret.count
        while index < bytes.count {
            if index <= last, bytes[index] == secret[0], bytes[index..<index + secret.count].elementsEqual(secret) {
                output += Self.placeholder
                index += secret.count
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    /// `text` with every occurrence of the secret replaced.
    func redact(_ text: String) -> String {
        guard !secret.isEmpty else { return text }
        return String(decoding: redact(Array(text.utf8)), as: UTF8.self)
    }
}
