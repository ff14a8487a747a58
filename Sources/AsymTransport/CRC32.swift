import COpenSSL

/// CRC-32 (IEEE 802.3, as in zlib and OKX's book checksum), through zlib's `crc32`.
public enum CRC32 {
    /// Continues `crc` over `bytes`; start with 0.
    @inlinable
    public static func checksum(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
        _checksum(bytes, crc)
    }

    @usableFromInline
    internal static func _checksum(_ bytes: UnsafeRawBufferPointer, _ crc: UInt32) -> UInt32 {
        // Safety: the bytes are only read during the call.
        COpenSSL_crc32(crc, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count)
    }

    /// The CRC-32 of `bytes`.
    public static func checksum(_ bytes: some Collection<UInt8>) -> UInt32 {
        Array(bytes).withUnsafeBytes { checksum($0) }
    }
}
