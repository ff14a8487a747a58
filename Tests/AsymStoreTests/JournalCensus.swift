import AsymExecution
import AsymJournal
import AsymRisk

/// What a journal holds, counted straight from its records with `JournalReader`: the expectation a store is
/// checked against.
struct JournalCensus {
    var counts: [JournalRecordType: Int] = [:]
    var fillLots: Int64 = 0
    var fillFees = 0.0
    var lastSnapshot: PositionSnapshot?
    var denialsByReason: [String: Int] = [:]
    var orderIDs: Set<String> = []
    var lastSequence: UInt64 = 0

    init(directory: String) throws {
        try JournalReader(directory: directory).forEach { record in
            lastSequence = record.sequence
            guard let type = record.type else { return }
            counts[type, default: 0] += 1
            switch type {
            case .fill, .orderSubmitted, .orderStateChange:
                let event = record.load(as: ExecutionEvent.self)
                if event.kind != .unmatchedReport { orderIDs.insert(event.clientOrderID.text) }
                if event.kind == .fill {
                    fillLots += event.lots
                    fillFees += event.fee
                }
            case .positionSnapshot:
                lastSnapshot = record.load(as: PositionSnapshot.self)
            case .riskDenied:
                let reason = DenialReason(rawValue: record.load(as: RiskDecisionRecord.self).reason)
                denialsByReason[reason.map(\.description) ?? "invalid", default: 0] += 1
            default:
                break
            }
        }
    }

    func count(_ types: JournalRecordType...) -> Int { types.reduce(0) { $0 + counts[$1, default: 0] } }
}
