/// A client order id (Bybit `orderLinkId`, Binance `newClientOrderId`, OKX `clOrdId`): a 24-bit run epoch
/// and a 40-bit sequence packed in one `UInt64`, sent as exactly 11 base-62 characters `[0-9A-Za-z]`.
///
/// 11 characters fit every venue (OKX allows at most 32 alphanumerics, PROTOCOLS.md G5), fit a small
/// `String` without a heap allocation, and — fixed width over an ASCII-ordered alphabet — sort as text in
/// the order they were issued. See `ClientOrderIDGenerator` for why they are unique across restarts.
public struct ClientOrderID: Hashable, Comparable, Sendable, BitwiseCopyable, CustomStringConvertible {
    /// Epoch in the top 24 bits, sequence in the low 40.
    public var rawValue: UInt64

    /// Characters in `text`.
    public static let textLength = 11
    /// Sequences per epoch.
    public static let sequenceLimit: UInt64 = 1 << 40
    /// Epochs (engine runs) before the space is spent.
    public static let epochLimit: UInt32 = 1 << 24

    @inlinable public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// The id `sequence` of run `epoch`.
    public init(epoch: UInt32, sequence: UInt64) {
        precondition(epoch < Self.epochLimit && sequence < Self.sequenceLimit, "client order id out of range")
        rawValue = UInt64(epoch) << 40 | sequence
    }

    /// The run that issued the id.
    @inlinable public var epoch: UInt32 { UInt32(truncatingIfNeeded: rawValue >> 40) }
    /// The id's place in its run, from 1.
    @inlinable public var sequence: UInt64 { rawValue & (Self.sequenceLimit - 1) }

    @inlinable public static func < (lhs: ClientOrderID, rhs: ClientOrderID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The 11 ASCII bytes of the id, most significant digit first, without building a `String`.
    @inlinable
    public func forEachASCII(_ body: (UInt8) -> Void) {
        var divisor: UInt64 = 839_299_365_868_340_224  // 62^10
        for _ in 0..<Self.textLength {
            body(Self.digit((rawValue / divisor) % 62))
            divisor /= 62
        }
    }

    /// The id as sent to the venue; a small string (≤ 15 bytes), so building it does not allocate.
    public var text: String {
        var result = ""
        forEachASCII { result.unicodeScalars.append(Unicode.Scalar($0)) }
        return result
    }

    public var description: String { text }

    /// Parses the 11-character form; nil for anything else.
    public init?(text: some StringProtocol) {
        var value: UInt64 = 0
        var count = 0
        for byte in text.utf8 {
            guard let digit = Self.value(of: byte) else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 62)
            let (sum, carry) = shifted.addingReportingOverflow(UInt64(digit))
            guard !overflow, !carry else { return nil }
            value = sum
            count += 1
        }
        guard count == Self.textLength else { return nil }
        rawValue = value
    }

    @inlinable
    static func digit(_ value: UInt64) -> UInt8 {
        // 0-9, A-Z, a-z: ASCII order, so fixed-width text sorts like the number.
        switch value {
        case 0..<10: UInt8(truncatingIfNeeded: value) &+ 48
        case 10..<36: UInt8(truncatingIfNeeded: value) &+ 55
        default: UInt8(truncatingIfNeeded: value) &+ 61
        }
    }

    static func value(of byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: byte - 48
        case 65...90: byte - 55
        case 97...122: byte - 61
        default: nil
        }
    }
}
