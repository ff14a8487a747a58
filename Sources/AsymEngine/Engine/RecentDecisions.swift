public import AsymRisk

/// The last few risk decisions of a session, newest last, in a fixed ring (no allocation after `init`): what
/// the status screen and `/status` show as "latest signals with their verdicts".
public struct RecentDecisions: Sendable {
    public static let capacity = 8
    private var ring: [RiskDecisionRecord]
    private var written = 0

    public init() {
        ring = Array(repeating: RiskDecisionRecord(), count: Self.capacity)
    }

    mutating func append(_ record: RiskDecisionRecord) {
        ring[written % Self.capacity] = record
        written &+= 1
    }

    /// Visits the decisions kept, oldest first, without building an array.
    public func forEach(_ body: (RiskDecisionRecord) -> Void) {
        let kept = min(written, Self.capacity)
        for offset in 0..<kept { body(ring[(written - kept + offset) % Self.capacity]) }
    }
}
