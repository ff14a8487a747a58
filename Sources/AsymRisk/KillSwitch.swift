import Synchronization

/// The kill switch, shared between the engine thread and whoever can pull it: the control API, a
/// SIGUSR1 handler, a watched file, the CLI.
///
/// Pulling it is one atomic store; the gate reads it (one relaxed load) on every check, moves to
/// HALTED and raises its cancel-all request. Releasing it does not resume trading: an operator must.
public final class KillSwitch: Sendable {
    private let engaged = Atomic<Bool>(false)

    public init() {}

    /// Pulls the switch (any thread, async-signal-safe: one atomic store).
    public func engage() { engaged.store(true, ordering: .releasing) }

    /// Releases the switch; trading stays halted until `RiskGate.resume()`.
    public func release() { engaged.store(false, ordering: .releasing) }

    /// Whether the switch is pulled.
    public var isEngaged: Bool { engaged.load(ordering: .acquiring) }
}
