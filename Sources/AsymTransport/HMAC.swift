import COpenSSL

/// HMAC-SHA256 (RFC 2104) with the key absorbed once, for signing many venue requests.
///
/// Bybit and Binance sign hex digests, OKX base64 ones (see `SHA256Digest`). The SHA-256 states
/// after the padded key (RFC 2104 §2) are computed once with OpenSSL's `SHA256_Update`; each message
/// then costs two struct copies and the hashing, with no allocation.
/// Not thread-safe: give each signing thread its own instance.
public final class HMAC {
    // Safety: owned exclusively by this instance and freed in deinit.
    private let context: OpaquePointer

    /// Creates a signer for `key`.
    public init(key: some Collection<UInt8>) throws(CryptoError) {
        let created: OpaquePointer? = Array(key).withUnsafeBufferPointer { keyBytes in
            // Safety: OpenSSL copies the key during the call.
            COpenSSL_hmac_create(keyBytes.baseAddress, keyBytes.count)
        }
        guard let created else { throw .hmacSetupFailed }
        context = created
    }

    /// Creates a signer for the UTF-8 bytes of `key`.
    public convenience init(key: String) throws(CryptoError) {
        try self.init(key: Array(key.utf8))
    }

    deinit { COpenSSL_hmac_destroy(context) }

    /// The HMAC-SHA256 of `message`. Does not allocate.
    public func authenticate(_ message: UnsafeRawBufferPointer) -> SHA256Digest {
        var digest = SHA256Digest()
        let status = digest.withUnsafeMutableBytes { output in
            // Safety: `output` is exactly 32 bytes; `message` is only read during the call.
            COpenSSL_hmac_sha256(
                context, message.baseAddress?.assumingMemoryBound(to: UInt8.self), message.count,
                output.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        // SHA256_Update/Final on a valid context cannot fail; a failure is a broken OpenSSL.
        precondition(status == 0, "HMAC-SHA256 failed inside OpenSSL")
        return digest
    }

    /// The HMAC-SHA256 of `message`'s bytes.
    public func authenticate(_ message: some Collection<UInt8>) -> SHA256Digest {
        if let digest = message.withContiguousStorageIfAvailable({ authenticate(UnsafeRawBufferPointer($0)) }) {
            return digest
        }
        return Array(message).withUnsafeBytes { authenticate($0) }
    }

    /// The HMAC-SHA256 of the UTF-8 bytes of `message` — the exact bytes that will be sent.
    public func authenticate(_ message: String) -> SHA256Digest {
        var message = message
        return message.withUTF8 { authenticate(UnsafeRawBufferPointer($0)) }
    }
}
