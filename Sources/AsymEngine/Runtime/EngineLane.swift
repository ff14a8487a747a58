import AsymCore
import AsymRing

/// One venue of a running engine, seen from the engine loop: pumped once per poll (one existential call per
/// batch of up to `limit` frames; the frames themselves go through the lane's specialised generic code).
protocol EngineLane: AnyObject {
    var venue: Venue { get }
    /// Connects the venue's feed (blocking up to the connect timeout) and starts its threads.
    func startFeed() throws
    /// Stops the feed threads; frames already in the ring stay there for `pump`.
    func stopFeed()
    /// Engine thread: processes up to `limit` frames; returns how many.
    func pump(limit: Int) -> Int
    /// Engine thread: publishes each instrument's market brief for the AI consensus (no allocation, never waits).
    func publishBriefs(now: Int64)
    /// Engine thread: applies an operator command to the session's gate.
    func apply(_ command: OperatorCommand)
    /// Engine thread: rewrites `status` with the lane's status now, reusing its storage (no allocation once its
    /// arrays have their size and no reader shares them).
    func updateStatus(_ status: inout VenueStatus, now: Int64)
    /// Whether the source has nothing more to give (a recording fully read and drained).
    var isExhausted: Bool { get }
    /// Engine thread, after the feed stopped: the session's final counters.
    func summary() -> TradingSessionSummary
    /// Why the lane cannot go on (a resumed replay that diverged from its journal, an unreadable recording).
    var failure: String? { get }
    /// After the engine thread stopped: closing records (a finished recording's final checkpoint).
    func finish()
}
