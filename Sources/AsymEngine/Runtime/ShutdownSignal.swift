import Foundation
import Synchronization

/// Set by the SIGINT/SIGTERM handler: one atomic store, async-signal-safe.
private let shutdownRequested = Atomic<Bool>(false)

/// SIGINT and SIGTERM as a clean-shutdown request the run loop polls: the engine stops its feeds, drains its
/// rings and closes its journals (flushed and fsynced) before the process exits. A second signal is not needed
/// and not special; SIGKILL loses nothing durable (the journal is the truth).
public enum ShutdownSignal {
    /// Installs the handlers (process-wide).
    public static func install() {
        signal(SIGINT) { _ in shutdownRequested.store(true, ordering: .releasing) }
        signal(SIGTERM) { _ in shutdownRequested.store(true, ordering: .releasing) }
    }

    /// Whether a shutdown was requested.
    public static var isRequested: Bool { shutdownRequested.load(ordering: .acquiring) }
}
