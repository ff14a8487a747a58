/// Standard (RFC 4648 §4, padded) base64 encoding.
public enum Base64Encoding {
    @usableFromInline
    internal static let alphabet: StaticString = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

    /// Base64 text of `bytes`.
    ///
    /// - Complexity: O(n); allocates the returned string.
    public static func encode(_ bytes: UnsafeRawBufferPointer) -> String {
        let length = (bytes.count + 2) / 3 * 4
        return String(unsafeUninitializedCapacity: length) { output in
            alphabet.withUTF8Buffer { table in
                var written = 0
                var index = 0
                while index + 3 <= bytes.count {
                    let triple = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
                    for shift in stride(from: 18, through: 0, by: -6) {
                        output[written] = table[Int((triple >> UInt32(shift)) & 0x3F)]
                        written += 1
                    }
                    index += 3
                }
                let remaining = bytes.count - index
                if remaining > 0 {
                    var triple = UInt32(bytes[index]) << 16
                    if remaining == 2 { triple |= UInt32(bytes[index + 1]) << 8 }
                    output[written] = table[Int((triple >> 18) & 0x3F)]
                    output[written + 1] = table[Int((triple >> 12) & 0x3F)]
                    output[written + 2] = remaining == 2 ? table[Int((triple >> 6) & 0x3F)] : UInt8(ascii: "=")
                    output[written + 3] = UInt8(ascii: "=")
                    written += 4
                }
                return written
            }
        }
    }

    /// Base64 text of `bytes`.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        Array(bytes).withUnsafeBytes { encode($0) }
    }
}
