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

    /// The decisions kept, oldest first.
    public var all: [RiskDecisionRecord] {
        let kept = min(written, Self.capacity)
        return (0..<kept).map { ring[(written - kept + $0) % Self.capacity] }
    }
}
