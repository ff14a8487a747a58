public import AsymCore

/// Why instrument metadata could not be loaded from a venue's instrument response.
///
/// Field paths name the JSON location, e.g. `result.list[0].priceFilter.tickSize` or
/// `symbols[1].filters[LOT_SIZE].stepSize`, so a changed venue schema is found without a debugger.
public enum InstrumentLoadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The response file does not exist.
    case fileMissing(path: String)
    /// The response file exists but could not be read.
    case unreadable(path: String, errno: Int32)
    /// Binance's max leverage lives only in `GET /fapi/v1/leverageBracket`; its response file is missing.
    case leverageBracketsMissing(path: String)
    /// The text is not JSON, or not the shape of this endpoint's response (`source` names the response).
    case notJSON(source: String)
    /// The venue answered with an error instead of data (Bybit `retCode`, Binance `code`, OKX `code` ≠ 0).
    case venueError(venue: Venue, code: String, message: String)
    /// The response has no instrument with this symbol (`source` names the response).
    case symbolNotFound(venue: Venue, symbol: String, source: String)
    /// A required field is absent.
    case fieldMissing(venue: Venue, symbol: String, path: String)
    /// A field is present but is not an exact decimal (or integer) of the expected kind.
    case fieldMalformed(venue: Venue, symbol: String, path: String, value: String, reason: String)

    public var description: String {
        switch self {
        case .fileMissing(let path): "instrument file missing: \(path)"
        case .unreadable(let path, let errno): "instrument file unreadable (errno \(errno)): \(path)"
        case .leverageBracketsMissing(let path):
            "Binance max leverage is not in exchangeInfo: the GET /fapi/v1/leverageBracket response is required at \(path)"
        case .notJSON(let source): "not a JSON \(source) response"
        case .venueError(let venue, let code, let message): "\(venue) returned error \(code): \(message)"
        case .symbolNotFound(let venue, let symbol, let source): "\(venue): no \(symbol) in \(source)"
        case .fieldMissing(let venue, let symbol, let path): "\(venue) \(symbol): field \(path) is missing"
        case .fieldMalformed(let venue, let symbol, let path, let value, let reason):
            "\(venue) \(symbol): field \(path) = \"\(value)\" is malformed (\(reason))"
        }
    }
}
