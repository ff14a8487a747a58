public import AsymCore

/// Why a venue frame could not be decoded.
///
/// Every malformed, truncated or oversized input ends here, never in a trap: codecs run on
/// untrusted network bytes. Cases carry only plain values so throwing allocates nothing.
public enum DecodeError: Error, Equatable, Sendable {
    /// The frame ended in the middle of a value.
    case unexpectedEnd
    /// A byte that the JSON grammar (or the venue format) does not allow at `offset`.
    case unexpectedByte(UInt8, offset: Int)
    /// Objects and arrays nest deeper than the reader's limit.
    case nestingTooDeep
    /// The frame is larger than the codec's configured maximum.
    case frameTooLarge(Int)
    /// An integer does not fit, or a number has a fraction or exponent where an integer is required.
    case invalidNumber(offset: Int)
    /// A price or size string is not an exact decimal at the instrument's scale.
    case invalidDecimal(DecimalParseError, offset: Int)
    /// A field the message kind needs is absent.
    case missingField(StaticString)
    /// A field has a value outside the venue's documented set (e.g. a side that is neither buy nor sell).
    case invalidValue(offset: Int)
    /// More book levels on one side than the batch holds.
    case tooManyLevels
    /// More trades than the batch holds.
    case tooManyTrades
    /// A Binance REST depth snapshot carries no symbol: decode it with
    /// `BinanceCodec.decodeDepthSnapshot(_:instrument:into:)`.
    case instrumentRequired
    /// An OKX checksum does not match the book it was computed over.
    case checksumMismatch(expected: Int32, computed: Int32)

    public static func == (lhs: DecodeError, rhs: DecodeError) -> Bool {
        switch (lhs, rhs) {
        case (.unexpectedEnd, .unexpectedEnd), (.nestingTooDeep, .nestingTooDeep),
            (.tooManyLevels, .tooManyLevels), (.tooManyTrades, .tooManyTrades),
            (.instrumentRequired, .instrumentRequired):
            true
        case let (.unexpectedByte(a, x), .unexpectedByte(b, y)): a == b && x == y
        case let (.frameTooLarge(a), .frameTooLarge(b)): a == b
        case let (.invalidNumber(a), .invalidNumber(b)): a == b
        case let (.invalidDecimal(a, x), .invalidDecimal(b, y)): a == b && x == y
        case let (.missingField(a), .missingField(b)): a.description == b.description
        case let (.invalidValue(a), .invalidValue(b)): a == b
        case let (.checksumMismatch(a, x), .checksumMismatch(b, y)): a == b && x == y
        default: false
        }
    }
}
