import Dispatch
import Synchronization

/// A value set once by one thread and waited for by others, blocking (`wait()`) or suspending (`value`): the
/// hand-over between a server's own thread and the callers of its `start`/`stop`. Later `fulfil` calls are
/// ignored.
public final class OneShot<Value: Sendable>: Sendable {
    private struct State: Sendable {
        var value: Value?
        /// Threads blocked in `wait`, each owed one semaphore signal by `fulfil`.
        var blockedWaiters = 0
        var suspendedWaiters: [CheckedContinuation<Value, Never>] = []
    }

    private let state = Mutex(State())
    private let wakeUp = DispatchSemaphore(value: 0)

    public init() {}

    /// Sets the value unless one was set already; wakes every waiter.
    public func fulfil(_ newValue: Value) {
        let woken = state.withLock { state -> (blocked: Int, suspended: [CheckedContinuation<Value, Never>])? in
            guard state.value == nil else { return nil }
            state.value = newValue
            defer {
                state.blockedWaiters = 0
                state.suspendedWaiters = []
            }
            return (state.blockedWaiters, state.suspendedWaiters)
        }
        guard let woken else { return }
        for _ in 0..<woken.blocked { wakeUp.signal() }
        for waiter in woken.suspended { waiter.resume(returning: newValue) }
    }

    /// Blocks the calling thread until the value is set.
    @discardableResult
    public func wait() -> Value {
        if let value = enterWait() { return value }
        while true {
            wakeUp.wait()
            // Only `fulfil` signals (a signal it owed a waiter that timed out may wake this one): the value is set.
            if let value = state.withLock({ $0.value }) { return value }
        }
    }

    /// Blocks until the value is set or `timeoutSeconds` pass; returns whether it was set.
    public func wait(timeoutSeconds: Double) -> Bool {
        let deadline = DispatchTime.now() + timeoutSeconds
        if enterWait() != nil { return true }
        while true {
            if wakeUp.wait(timeout: deadline) == .timedOut {
                return state.withLock { state in
                    if state.value != nil { return true }  // its signal stays behind, harmless once set
                    state.blockedWaiters -= 1
                    return false
                }
            }
            if state.withLock({ $0.value }) != nil { return true }
        }
    }

    /// Suspends the calling task (not its thread) until the value is set.
    public var value: Value {
        get async {
            await withCheckedContinuation { continuation in
                let ready = state.withLock { state -> Value? in
                    if let value = state.value { return value }
                    state.suspendedWaiters.append(continuation)
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        }
    }

    /// The value if set; otherwise registers the caller as a blocked waiter.
    private func enterWait() -> Value? {
        state.withLock { state in
            if let value = state.value { return value }
            state.blockedWaiters += 1
            return nil
        }
    }
}
