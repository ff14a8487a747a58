import Synchronization

/// The consensus's counters, readable from any thread (metrics, `asym` status) as a `snapshot`.
///
/// Updated by the service a few times per round, never by the engine thread, so a mutex costs nothing here.
public final class ConsensusCounters: Sendable {
    private let state: Mutex<ConsensusCounterSnapshot>

    init(panelSize: Int) {
        state = Mutex(ConsensusCounterSnapshot(panelSize: panelSize))
    }

    /// A copy of every counter.
    public var snapshot: ConsensusCounterSnapshot { state.withLock { $0 } }

    func update(_ body: (inout ConsensusCounterSnapshot) -> Void) { state.withLock { body(&$0) } }
}
