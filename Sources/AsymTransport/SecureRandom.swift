import COpenSSL

/// Cryptographically secure random bytes from OpenSSL's `RAND_bytes`.
public enum SecureRandom {
    /// Fills `buffer` with random bytes.
    public static func fill(_ buffer: UnsafeMutableRawBufferPointer) throws(CryptoError) {
        // Safety: OpenSSL writes exactly `buffer.count` bytes into memory we own for the call.
        guard COpenSSL_random_bytes(buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), buffer.count) == 0 else {
            throw .randomUnavailable
        }
    }

    /// `count` random bytes.
    public static func bytes(count: Int) throws(CryptoError) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: count)
        let failed = result.withUnsafeMutableBytes { buffer in
            COpenSSL_random_bytes(buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), buffer.count) != 0
        }
        if failed { throw .randomUnavailable }
        return result
    }

    /// A random 64-bit value.
    public static func uint64() throws(CryptoError) -> UInt64 {
        var value: UInt64 = 0
        try Swift.withUnsafeMutableBytes(of: &value) { (buffer) throws(CryptoError) in try fill(buffer) }
        return value
    }
}
