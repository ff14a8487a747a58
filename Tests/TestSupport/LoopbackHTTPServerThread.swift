#if canImport(Glibc)
import Glibc
#endif

/// A joinable POSIX thread running one closure; the server needs `pthread_join` so `stop()` can wait for its threads.
///
/// `Sendable` because it only holds a `@Sendable` closure, which is what makes handing it to another thread sound.
final class LoopbackHTTPServerThread: Sendable {
    private let body: @Sendable () -> Void

    private init(body: @escaping @Sendable () -> Void) { self.body = body }

    /// Starts `body` on a new thread; `nil` if `pthread_create` fails.
    static func spawn(_ body: @escaping @Sendable () -> Void) -> pthread_t? {
        let context = Unmanaged.passRetained(LoopbackHTTPServerThread(body: body)).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { context in
            // Safety: `context` is the retained box passed below; taking the retained value balances passRetained.
            let box = Unmanaged<LoopbackHTTPServerThread>.fromOpaque(context!).takeRetainedValue()
            box.body()
            return nil
        }, context)
        guard status == 0 else {
            // Safety: the thread never started, so the retain is still ours to balance.
            Unmanaged<LoopbackHTTPServerThread>.fromOpaque(context).release()
            return nil
        }
        return thread
    }
}
