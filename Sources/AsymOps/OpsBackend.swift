/// What the ops server needs from the running engine: read-only snapshots and three commands.
///
/// The server calls these from its own thread (never the engine thread), once per HTTP request. Implementations read
/// the engine's atomic counters and snapshots and return plain values; the commands are one atomic store each
/// (the kill switch, a requested trading state), which the engine thread applies on its next risk check.
public protocol OpsBackend: Sendable {
    /// The live status served as JSON by `GET /status`.
    func status() -> OpsStatus
    /// The counters, gauges and histograms served by `GET /metrics`.
    func metrics() -> OpsMetricsSnapshot
    /// `POST /kill`: pull the kill switch, so trading goes HALTED and every open order is cancelled.
    func kill()
    /// `POST /pause`: go REDUCING, so only exposure-reducing orders (exits, cancels) pass the gate.
    func pause()
    /// `POST /resume`: return to ACTIVE (the gate still refuses while a breaker or the kill switch holds).
    func resume()
}
