#if canImport(Glibc)
import Glibc
#endif
import Synchronization

private let interruptRequested = Atomic<Bool>(false)

/// SIGINT/SIGTERM as a flag, so long-running commands (`asym serve`, `asym record`) can stop cleanly:
/// flush recordings, print summaries.
public enum FeedInterrupt {
    /// Installs handlers for SIGINT and SIGTERM that only set the flag (async-signal-safe).
    public static func install() {
        signal(SIGINT) { _ in interruptRequested.store(true, ordering: .relaxed) }
        signal(SIGTERM) { _ in interruptRequested.store(true, ordering: .relaxed) }
    }

    /// Whether a signal arrived since ``install()``.
    public static var isRequested: Bool { interruptRequested.load(ordering: .relaxed) }
}
