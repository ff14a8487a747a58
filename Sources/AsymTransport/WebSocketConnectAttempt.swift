import Dispatch
import Synchronization

/// One blocking `connect` call: the caller waits on it, the service thread completes it.
/// If the caller times out first it abandons the attempt, and the service thread then closes
/// a connection that completes late instead of handing it to nobody.
final class WebSocketConnectAttempt: Sendable {
    let url: WebSocketURL
    let headers: [(name: String, value: String)]
    private let done = DispatchSemaphore(value: 0)
    private let state = Mutex<State>(.pending)

    private enum State {
        case pending
        case finished(Result<Void, WebSocketError>)
        case abandoned
    }

    init(url: WebSocketURL, headers: [(name: String, value: String)]) {
        self.url = url
        self.headers = headers
    }

    /// Service thread: records the outcome. Returns `false` if the caller already gave up.
    func finish(_ result: Result<Void, WebSocketError>) -> Bool {
        let delivered = state.withLock { state -> Bool in
            guard case .pending = state else { return false }
            state = .finished(result)
            return true
        }
        if delivered { done.signal() }
        return delivered
    }

    /// Caller: waits up to `timeout` for the outcome.
    func wait(timeout: Duration) -> Result<Void, WebSocketError> {
        let (seconds, attoseconds) = timeout.components
        let nanoseconds = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        _ = done.wait(timeout: .now() + .nanoseconds(Int(clamping: nanoseconds)))
        return state.withLock { state in
            switch state {
            case .finished(let result):
                return result
            case .pending, .abandoned:
                state = .abandoned
                return .failure(.timedOut)
            }
        }
    }
}
