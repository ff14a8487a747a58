import Foundation

/// A thread-safe, append-only log of events recorded on a service thread, with bounded waits
/// for tests (never hangs: every wait has a deadline).
public final class WebSocketEventLog<Element: Sendable>: @unchecked Sendable {
    // @unchecked Sendable: `elements` is only touched while holding `condition`.
    private let condition = NSCondition()
    private var elements: [Element] = []

    /// Creates an empty log.
    public init() {}

    /// Records one event and wakes waiters.
    public func append(_ element: Element) {
        condition.lock()
        elements.append(element)
        condition.broadcast()
        condition.unlock()
    }

    /// A snapshot of everything recorded so far.
    public var all: [Element] {
        condition.lock()
        defer { condition.unlock() }
        return elements
    }

    /// Waits until `predicate` holds for the log, or `timeout` seconds pass; returns whether it held.
    @discardableResult
    public func wait(timeout: Double = 10, until predicate: ([Element]) -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while !predicate(elements) {
            if !condition.wait(until: deadline) { return predicate(elements) }
        }
        return true
    }

    /// Waits for the first event (from index `after` on) matching `matches`; nil on timeout.
    public func first(after start: Int = 0, timeout: Double = 10, where matches: (Element) -> Bool) -> Element? {
        var found: Element?
        wait(timeout: timeout) { elements in
            found = elements.dropFirst(start).first(where: matches)
            return found != nil
        }
        return found
    }
}
