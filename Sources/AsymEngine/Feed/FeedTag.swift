public import AsymCore

/// The 32-bit tag a feed stores with each ring frame: venue, stream kind and symbol index, so the
/// engine picks the codec and sequencer without looking at the bytes.
///
/// Layout: bits 24–31 venue raw value + 1 (0 = none), bits 16–23 ``FeedStreamKind``, bits 0–15 the
/// symbol's index in the feed configuration (`0xFFFF` = unknown).
public struct FeedTag: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The packed value stored in the ring.
    public let rawValue: UInt32

    /// Symbol index meaning "not attributed to a configured symbol".
    public static let unknownSymbol = 0xFFFF

    /// Wraps a tag read from the ring.
    @inlinable
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Packs a venue, a kind and a symbol index (`0..<0xFFFF`, or ``unknownSymbol``).
    @inlinable
    public init(venue: Venue, kind: FeedStreamKind, symbolIndex: Int) {
        precondition(symbolIndex >= 0 && symbolIndex <= Self.unknownSymbol, "symbol index out of range")
        rawValue = UInt32(venue.rawValue + 1) << 24 | UInt32(kind.rawValue) << 16 | UInt32(symbolIndex)
    }

    /// The venue, or nil for an untagged frame.
    @inlinable
    public var venue: Venue? {
        let raw = rawValue >> 24
        return raw == 0 ? nil : Venue(rawValue: UInt8(raw - 1))
    }

    /// The stream kind (unknown values read as `.unclassified`).
    @inlinable
    public var kind: FeedStreamKind { FeedStreamKind(rawValue: UInt8((rawValue >> 16) & 0xFF)) ?? .unclassified }

    /// The symbol's index in the feed configuration, or ``unknownSymbol``.
    @inlinable
    public var symbolIndex: Int { Int(rawValue & 0xFFFF) }

    /// `bybit/book/0`.
    public var description: String {
        "\(venue.map(String.init(describing:)) ?? "none")/\(kind)/\(symbolIndex == Self.unknownSymbol ? "?" : String(symbolIndex))"
    }
}
