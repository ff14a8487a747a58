/// An abstention with a human-readable detail (never containing the key).
public struct AbstentionFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: AbstentionReason
    public var detail: String

    public init(_ reason: AbstentionReason, _ detail: String) {
        self.reason = reason
        self.detail = detail
    }

    public var description: String { "\(reason) (\(detail))" }
}
