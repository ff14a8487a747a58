import Synchronization

/// What an operator can ask of a running engine besides the kill switch (which is its own atomic): pause
/// (REDUCING) and resume. Requests are one atomic store; the engine thread takes them between frames.
public enum OperatorCommand: UInt8, Sendable {
    case none = 0
    /// REDUCING on every venue: only exits and cancels pass.
    case pause
    /// Back to ACTIVE where the gate allows (not while the kill switch is pulled).
    case resume
}

/// The pending operator command, handed from any thread to the engine thread.
final class OperatorMailbox: Sendable {
    private let pending = Atomic<UInt8>(0)

    func post(_ command: OperatorCommand) { pending.store(command.rawValue, ordering: .releasing) }

    /// The command posted since the last take, if any.
    func take() -> OperatorCommand {
        guard pending.load(ordering: .relaxed) != 0 else { return .none }
        return OperatorCommand(rawValue: pending.exchange(0, ordering: .acquiringAndReleasing)) ?? .none
    }
}
