/// Lower-case hexadecimal encoding of bytes.
public enum HexEncoding {
    @usableFromInline
    internal static let digits: StaticString = "0123456789abcdef"

    /// Hex text of `bytes`.
    ///
    /// - Complexity: O(n); allocates the returned string.
    public static func encode(_ bytes: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { output in
            encode(bytes, into: UnsafeMutableRawBufferPointer(output))
        }
    }

    /// Hex text of `bytes`.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let array = Array(bytes)
        return array.withUnsafeBytes { encode($0) }
    }

    /// Writes the hex text of `bytes` into `output` without allocating; returns the bytes written.
    ///
    /// `output` must hold at least `2 * bytes.count` bytes.
    @discardableResult
    public static func encode(_ bytes: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int {
        precondition(output.count >= bytes.count * 2, "hex output buffer too small")
        digits.withUTF8Buffer { table in
            for (index, byte) in bytes.enumerated() {
                output[index * 2] = table[Int(byte >> 4)]
                output[index * 2 + 1] = table[Int(byte & 0x0F)]
            }
        }
        return bytes.count * 2
    }
}
