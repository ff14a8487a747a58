#if canImport(Glibc)
import Glibc
#endif
import CPlatform
import CWebSockets
import Synchronization

/// Owns the lws service loop: a named pthread calling `lws_service` until stopped, which then
/// destroys the context on that same thread (lws contexts are single-threaded).
final class WebSocketServiceThread: Sendable {
    // Sendable: `context` is an immutable address that other threads only pass to
    // `lws_cancel_service` (the one thread-safe lws call), and only under `contextGone`.
    // Everything else is atomic or locked.
    private nonisolated(unsafe) let context: OpaquePointer
    private let stopRequested = Atomic<Bool>(false)
    private let threadID = Atomic<UInt>(0)
    /// True once the service thread is about to destroy the context; guards `lws_cancel_service`
    /// from other threads so it can never touch a destroyed context.
    private let contextGone = Mutex(false)

    init(context: OpaquePointer) {
        self.context = context
    }

    /// True when called from the service thread itself (where blocking would deadlock).
    var isCurrent: Bool { threadID.load(ordering: .acquiring) == UInt(pthread_self()) }

    /// Starts the thread; `owner` (the object named by the context user pointer) is retained
    /// until `lws_context_destroy` has returned, so callbacks never see a dead owner.
    func start(name: String, owner: any AnyObject & Sendable) -> Result<Void, WebSocketError> {
        let payload = Unmanaged.passRetained(Payload(thread: self, owner: owner, name: name))
        var handle = pthread_t()
        let rc = pthread_create(&handle, nil, { raw in
            // Safety: `raw` is the +1 `Payload` passed below; this takes that reference over.
            let payload = Unmanaged<Payload>.fromOpaque(raw!).takeRetainedValue()
            payload.thread.run(name: payload.name)
            return nil
        }, payload.toOpaque())
        guard rc == 0 else {
            payload.release()
            return .failure(.threadStartFailed(Errno(rawValue: rc)))
        }
        // The thread publishes its own id (for `isCurrent`); only `stop` needs the handle.
        joinHandle.withLock { $0 = handle }
        return .success(())
    }

    private let joinHandle = Mutex<pthread_t?>(nil)

    private func run(name: String) {
        threadID.store(UInt(pthread_self()), ordering: .releasing)
        _ = CPlatform_set_thread_name(name)
        // OpenSSL writes with plain write(2) (lws only uses MSG_NOSIGNAL for cleartext), so a
        // TLS peer vanishing would raise SIGPIPE and kill the process. SIGPIPE is delivered to
        // the writing thread; blocking it here turns it into EPIPE without touching global
        // signal dispositions.
        var pipeOnly = sigset_t()
        sigemptyset(&pipeOnly)
        sigaddset(&pipeOnly, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeOnly, nil)
        while !stopRequested.load(ordering: .acquiring) {
            if lws_service(context, 0) < 0 {
                usleep(1000)  // lws is tearing down or hit a fatal poll error; don't spin.
            }
        }
        contextGone.withLock { $0 = true }
        lws_context_destroy(context)
    }

    /// Wakes the service loop from any thread (`lws_cancel_service`), raising
    /// `LWS_CALLBACK_EVENT_WAIT_CANCELLED` on the service thread. No-op once stopped.
    func wake() {
        contextGone.withLock { gone in
            if !gone { lws_cancel_service(context) }
        }
    }

    /// Stops the loop and destroys the context. Joins the thread, unless called on it (e.g. from
    /// an event handler), in which case the loop ends after the current callback returns.
    func stop() {
        guard !stopRequested.exchange(true, ordering: .acquiringAndReleasing) else { return }
        wake()
        guard let handle = joinHandle.withLock({ $0.take() }) else { return }
        if isCurrent {
            pthread_detach(handle)
        } else {
            pthread_join(handle, nil)
        }
    }

    /// What the new thread needs; keeps the owner alive for as long as the thread runs.
    private final class Payload: Sendable {
        let thread: WebSocketServiceThread
        let owner: any AnyObject & Sendable
        let name: String

        init(thread: WebSocketServiceThread, owner: any AnyObject & Sendable, name: String) {
            self.thread = thread
            self.owner = owner
            self.name = name
        }
    }
}
