#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Keeps lws context creation and client TLS handshakes apart, process-wide.
///
/// lws 4.1 re-allocates its global OpenSSL ex-data index on every `lws_create_context` with
/// `LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT` (lws_context_init_ssl_library). A handshake whose SSL
/// object was tagged with the old index then cannot find its wsi in the verify callback and
/// fails verification — e.g. two feeds connecting while a third client is being created.
/// Creation waits for in-flight handshakes (bounded); handshakes wait out a creation (short).
enum WebSocketTLSGate {
    private struct State {
        var creating = false
        var handshakes = 0
    }

    private static let state = Mutex(State())

    /// Runs `create` (an `lws_create_context` call) once no client TLS handshake is in flight,
    /// or after `maxWait` regardless, so a stuck handshake cannot block creation forever.
    static func creatingContext<T>(maxWait: Duration = .seconds(10), _ create: () -> T) -> T {
        let deadline = ContinuousClock.now + maxWait
        while !state.withLock({ state -> Bool in
            guard !state.creating, state.handshakes == 0 || ContinuousClock.now >= deadline else { return false }
            state.creating = true
            return true
        }) {
            usleep(500)
        }
        defer { state.withLock { $0.creating = false } }
        return create()
    }

    /// Marks a client TLS handshake as started; waits while a context is being created.
    static func beginHandshake() {
        while !state.withLock({ state -> Bool in
            guard !state.creating else { return false }
            state.handshakes += 1
            return true
        }) {
            usleep(200)
        }
    }

    /// Marks a handshake begun with ``beginHandshake()`` as finished (established or failed).
    static func endHandshake() {
        state.withLock { $0.handshakes -= 1 }
    }
}
