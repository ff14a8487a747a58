/// A 32-byte SHA-256 (or HMAC-SHA256) digest held inline, with no heap storage.
public struct SHA256Digest: Hashable, Sendable, CustomStringConvertible {
    /// The digest size in bytes.
    public static var byteCount: Int { 32 }

    @usableFromInline
    internal var storage: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    @inlinable
    public init() {}

    /// Calls `body` with the 32 digest bytes.
    @inlinable
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        // Safety: a tuple of four UInt64 is 32 contiguous bytes; the pointer does not escape `body`.
        try Swift.withUnsafeBytes(of: storage, body)
    }

    @inlinable
    internal mutating func withUnsafeMutableBytes<Result>(
        _ body: (UnsafeMutableRawBufferPointer) throws -> Result
    ) rethrows -> Result {
        // Safety: as above; exclusive access is guaranteed by `mutating`.
        try Swift.withUnsafeMutableBytes(of: &storage, body)
    }

    /// The digest bytes as an array.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// Lower-case hexadecimal text, as Bybit and Binance expect in signatures.
    public var hexEncoded: String { withUnsafeBytes { HexEncoding.encode($0) } }

    /// Standard base64 text, as OKX expects in signatures.
    public var base64Encoded: String { withUnsafeBytes { Base64Encoding.encode($0) } }

    public static func == (lhs: SHA256Digest, rhs: SHA256Digest) -> Bool {
        lhs.storage.0 == rhs.storage.0 && lhs.storage.1 == rhs.storage.1
            && lhs.storage.2 == rhs.storage.2 && lhs.storage.3 == rhs.storage.3
    }

    public func hash(into hasher: inout Hasher) {
        withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    public var description: String { hexEncoded }
}
