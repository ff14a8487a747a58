public import AsymCore

/// Feeds a journal's recorded publications into an `AdvisoryBiasCell` as replay time passes: each takes effect
/// at its recorded `publishedAt`, exactly as the engine saw it live.
public struct RecordedBiasFeed: Sendable {
    private let publications: [PublishedBiasRecord]
    private var next = 0

    /// The publications of `cell`'s instrument, ordered by publication time.
    public init(_ recorded: RecordedVotes, instrument: InstrumentID) {
        publications = recorded.publications.filter { $0.instrument == instrument }.sorted { $0.publishedAt < $1.publishedAt }
    }

    /// Publishes into `cell` every recorded publication up to `time`; returns how many.
    @discardableResult
    public mutating func advance(to time: Int64, cell: AdvisoryBiasCell) -> Int {
        var published = 0
        while next < publications.count, publications[next].publishedAt <= time {
            let record = publications[next]
            if let bias = record.bias { cell.publish(bias) } else { cell.withdraw(at: record.roundTime) }
            next += 1
            published += 1
        }
        return published
    }
}
