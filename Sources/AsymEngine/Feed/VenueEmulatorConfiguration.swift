public import AsymCore

/// Settings for a ``VenueEmulator``.
public struct VenueEmulatorConfiguration: Sendable {
    /// The venue whose protocol is spoken (and whose wire format the recording is in).
    public var venue: Venue
    /// A recording in hftbacktest collector format (plain, or gzip when the name ends in `.gz`).
    public var recordingPath: String
    /// The interface to listen on; loopback by default.
    public var host: String
    /// The port; `0` picks an ephemeral one (see ``VenueEmulator/port``).
    public var port: UInt16
    /// Replay speed.
    public var pacing: VenueEmulatorPacing
    /// Faults to inject.
    public var faults: FeedFaultPlan
    /// Interval of server-sent WebSocket ping frames: Binance sends them (every 3 min, G6); nil sends none.
    public var pingInterval: Duration?
    /// Whether replay advances only while some client is subscribed, so a client (re)connecting
    /// misses nothing but what a real venue would also have streamed while it was away: the gap is
    /// covered by the fresh snapshot it gets. Pacing restarts from the frame it resumes at.
    public var waitsForSubscribers: Bool
    /// Added to this machine's clock in the venue's server-time answers: a venue whose clock is off, for the
    /// engine's start check.
    public var clockOffset: Duration = .zero

    /// A configuration replaying in real time on an ephemeral loopback port, with the venue's heartbeat.
    public init(venue: Venue, recordingPath: String, host: String = "127.0.0.1", port: UInt16 = 0,
                pacing: VenueEmulatorPacing = .speed(1), faults: FeedFaultPlan = .none,
                pingInterval: Duration? = nil, waitsForSubscribers: Bool = true) {
        self.venue = venue
        self.recordingPath = recordingPath
        self.host = host
        self.port = port
        self.pacing = pacing
        self.faults = faults
        self.pingInterval = pingInterval ?? (venue == .binance ? .seconds(180) : nil)
        self.waitsForSubscribers = waitsForSubscribers
    }
}
