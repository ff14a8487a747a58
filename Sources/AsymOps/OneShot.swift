import Foundation

/// A value set once by one thread and waited for by another: the hand-over between the server's task and the
/// blocking `start()`/`stop()` callers. Later `fulfil` calls are ignored.
final class OneShot<Value: Sendable>: @unchecked Sendable {
    // @unchecked Sendable: `value` is accessed only under `condition`.
    private let condition = NSCondition()
    private var value: Value?

    /// Sets the value unless one was set already; wakes the waiters.
    func fulfil(_ newValue: Value) {
        condition.lock()
        defer { condition.unlock() }
        guard value == nil else { return }
        value = newValue
        condition.broadcast()
    }

    /// Blocks until the value is set or `timeoutSeconds` pass; returns whether it was set.
    func wait(timeoutSeconds: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeoutSeconds)
        condition.lock()
        defer { condition.unlock() }
        while value == nil {
            if !condition.wait(until: deadline) { return value != nil }
        }
        return true
    }

    /// Blocks until the value is set.
    @discardableResult
    func wait() -> Value {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value!
    }
}
