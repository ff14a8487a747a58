public import AsymConsensus
public import AsymJournal

/// Everything an `EngineRuntime` needs: the venues, the trading session's parameters, where to journal, and how
/// the engine thread runs.
public struct EngineConfiguration: Sendable {
    public var venues: [EngineVenuePlan]
    /// Session parameters shared by every venue's session (each gets its own journal).
    public var session: TradingSessionConfiguration
    /// Journals go to `<journalDirectory>/<venue>` (one journal, one writer thread per venue: a venue is one
    /// account, and instrument ids are per venue); nil journals nothing.
    public var journalDirectory: String?
    /// Group-commit interval of the journals, ns.
    public var journalCommitInterval: Int64 = 2_000_000
    /// Journal writer: io_uring, or plain `write`+`fdatasync` where io_uring is unavailable.
    public var journalBackend: JournalBackend = .uring
    /// Core the engine thread is pinned to, if any.
    public var engineCore: Int?
    /// After this many empty polls the engine thread sleeps `idleSleepMicroseconds` between polls; 0 never
    /// sleeps (busy-spin, for co-located deployments with an isolated core).
    public var idleSleepMicroseconds: Int = 50
    public var spinsBeforeSleep = 2_000
    /// Frames per lane per poll before the engine thread turns to the next lane (fairness between venues).
    public var framesPerPoll = 256
    /// Feed ring: slots of 64 KiB each per venue.
    public var ringSlots = 1024
    /// How often the engine thread publishes its status snapshot, ns.
    public var statusInterval: Int64 = 100_000_000
    /// Frames per lane before the engine thread starts counting the frame path's allocations (`VenueStatus`):
    /// the first frames may still size buffers that then stay.
    public var allocationWarmUpFrames: Int64 = 5_000
    /// Feed heartbeats and reconnects (tests and the demo shorten them).
    public var feedConnectTimeout: Duration = .seconds(10)
    /// The most this machine's clock may be off a WebSocket venue's server time at start, ns: the venues reject
    /// signed requests stamped more than 1 s ahead of them (PROTOCOLS.md), and a skewed clock also skews every
    /// latency and time-window feature. Checked in `EngineRuntime.start`; a venue that cannot be reached is not.
    public var maximumClockSkew: Int64 = Self.defaultMaximumClockSkew
    /// 1 s.
    public static let defaultMaximumClockSkew: Int64 = 1_000_000_000

    /// The engine clock: receive times as they are (live), or stretched around the start for sources that
    /// replay recorded time faster than real time (the demo). Recordings read directly need no stretching:
    /// their recorded receive times are the clock.
    public var clock = EngineClock()

    /// The AI consensus beside the engine (nil: none; the gate then sees every bias as absent). Runs with live
    /// sources: a recording resumed from its journal must not depend on answers that would differ on a re-run.
    public var consensus: ConsensusConfiguration?

    public init(venues: [EngineVenuePlan], session: TradingSessionConfiguration) {
        self.venues = venues
        self.session = session
    }
}
