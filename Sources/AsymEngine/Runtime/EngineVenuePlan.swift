public import AsymCore

/// One venue a running engine trades: its symbols and where its frames come from.
public struct EngineVenuePlan: Sendable {
    /// Where a venue's frames come from.
    public enum Source: Sendable, Equatable {
        /// The venue's public WebSocket (or a loopback emulator of it): `base` overrides the production endpoint.
        case webSocket(baseURL: String?)
        /// A recording (hftbacktest collector format, plain or gzip), read by a feed thread as fast as the engine
        /// takes it; the engine clock is each line's recorded receive time.
        case recording(path: String)
    }

    public var venue: Venue
    /// Venue symbols; nil ⇒ the catalog's defaults for the venue.
    public var symbols: [String]?
    public var source: Source

    public init(venue: Venue, symbols: [String]? = nil, source: Source) {
        self.venue = venue
        self.symbols = symbols
        self.source = source
    }
}
