import CPlatform
#if canImport(Glibc)
import Glibc
#endif

/// A dedicated OS thread with a name visible in `top -H` and `perf`, optionally pinned to a core.
///
/// asym's long-lived loops (feed, engine, journal) each get one; they are never cooperative tasks,
/// because a spinning loop must not occupy a Swift concurrency thread.
public final class NamedThread: @unchecked Sendable {
    // @unchecked Sendable: `handle` is written once before `start` returns and read only by `join`.
    private var handle: pthread_t?
    private let name: String
    private let body: @Sendable () -> Void
    private let core: Int?

    /// Creates (but does not start) a thread named `name` (≤ 15 bytes are kept by Linux).
    public init(name: String, pinnedToCore core: Int? = nil, body: @escaping @Sendable () -> Void) {
        self.name = name
        self.core = core
        self.body = body
    }

    /// Starts the thread.
    public func start() {
        let box = Unmanaged.passRetained(self)
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { context in
            // Safety: `context` is the retained `NamedThread` passed below; released exactly once here.
            let this = Unmanaged<NamedThread>.fromOpaque(context!).takeRetainedValue()
            _ = CPlatform_set_thread_name(this.name)
            if let core = this.core { NamedThread.pinCurrentThread(to: core) }
            this.body()
            return nil
        }, box.toOpaque())
        precondition(status == 0, "pthread_create failed: \(status)")
        handle = thread
    }

    /// Waits for the thread to finish.
    public func join() {
        guard let handle else { return }
        pthread_join(handle, nil)
        self.handle = nil
    }

    /// Pins the calling thread to `core`; returns false if the kernel refused.
    @discardableResult
    public static func pinCurrentThread(to core: Int) -> Bool {
        CPlatform_pin_thread(Int32(core)) == 0
    }
}
