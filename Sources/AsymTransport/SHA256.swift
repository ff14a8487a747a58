import COpenSSL

/// SHA-256 (FIPS 180-4) through OpenSSL's `EVP_Digest`.
public enum SHA256 {
    /// The SHA-256 of `bytes`.
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> SHA256Digest {
        var digest = SHA256Digest()
        let status = digest.withUnsafeMutableBytes { output in
            // Safety: `output` is 32 bytes; `bytes` is only read during the call.
            COpenSSL_sha256(
                bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count,
                output.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        precondition(status == 0, "SHA-256 failed inside OpenSSL")
        return digest
    }

    /// The SHA-256 of `bytes`.
    public static func hash(_ bytes: some Collection<UInt8>) -> SHA256Digest {
        Array(bytes).withUnsafeBytes { hash($0) }
    }
}
