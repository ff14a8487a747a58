import COpenSSL
#if canImport(Glibc)
import Glibc
#endif

/// A freshly generated self-signed TLS certificate (EC P-256, SHA-256) for loopback peers.
///
/// Used by `asym serve --tls` and the tests; valid for `127.0.0.1` and `localhost`.
public struct SelfSignedCertificate: Sendable {
    /// The certificate, PEM-encoded.
    public let certificatePEM: String
    /// The private key, PEM-encoded (PKCS#8, unencrypted).
    public let privateKeyPEM: String

    /// Generates a new key pair and certificate.
    public static func generate(commonName: String = "127.0.0.1", validDays: Int = 2) throws(CryptoError)
        -> SelfSignedCertificate
    {
        let capacity = 8192
        var certificate = [CChar](repeating: 0, count: capacity)
        var key = [CChar](repeating: 0, count: capacity)
        var error = [CChar](repeating: 0, count: 512)
        let status = COpenSSL_self_signed(
            commonName, Int32(validDays), &certificate, capacity, &key, capacity, &error, error.count)
        guard status == 0 else {
            throw .certificateFailed(String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        func text(_ buffer: [CChar]) -> String {
            String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return SelfSignedCertificate(certificatePEM: text(certificate), privateKeyPEM: text(key))
    }

    /// Writes the certificate and the key (mode 0600) to the given paths.
    public func write(certificateTo certificatePath: String, privateKeyTo privateKeyPath: String) throws(Errno) {
        try Self.write(certificatePEM, to: certificatePath, mode: 0o644)
        try Self.write(privateKeyPEM, to: privateKeyPath, mode: 0o600)
    }

    private static func write(_ text: String, to path: String, mode: mode_t) throws(Errno) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw Errno.current }
        defer { close(descriptor) }
        var text = text
        let failure: Errno? = text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                // Safety: writes read from the string's contiguous UTF-8 storage within bounds.
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return Errno.current
                }
                offset += written
            }
            return nil
        }
        if let failure { throw failure }
    }
}
