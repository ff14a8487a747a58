public import AsymCore
public import AsymRisk

/// Where the consensus publishes its `AdvisoryBias` and the engine thread reads it, without waiting.
///
/// The consensus side (one writer: the instrument's `ConsensusService`) calls `publish` or `withdraw`; the engine
/// thread calls `view(at:)` while building an `OrderIntent`. The read is a `SeqlockCell` read: O(1), no lock,
/// no allocation, no system call, and a writer stalled mid-write never delays it (`asym bench bias-read`).
public final class AdvisoryBiasCell: Sendable {
    /// The instrument this cell is for.
    public let instrument: InstrumentID
    @usableFromInline let cell: SeqlockCell<PublishedAdvisory>

    /// An empty cell: `view(at:)` is absent until the first `publish`.
    public init(instrument: InstrumentID) {
        self.instrument = instrument
        cell = SeqlockCell(PublishedAdvisory(present: false, bias: AdvisoryBias(
            instrument: instrument, direction: .long, strength: 0, confidence: 0, agreeingModels: 0,
            createdAt: 0, expiresAt: 0)))
    }

    /// Publishes `bias`, replacing whatever was there. Consensus side; one writer at a time.
    public func publish(_ bias: AdvisoryBias) {
        precondition(bias.instrument == instrument, "bias published to another instrument's cell")
        cell.write(PublishedAdvisory(present: true, bias: bias))
    }

    /// Replaces the bias with "no consensus" (a round that reached none supersedes the previous bias).
    public func withdraw(at time: Int64) {
        cell.write(PublishedAdvisory(present: false, bias: AdvisoryBias(
            instrument: instrument, direction: .long, strength: 0, confidence: 0, agreeingModels: 0,
            createdAt: time, expiresAt: time)))
    }

    /// The bias as the risk gate sees it at `now`: absent when none is published or it has expired.
    ///
    /// Engine thread (or any thread). - Complexity: O(1); no allocation, lock or system call.
    @inlinable
    public func view(at now: Int64) -> AdvisoryView {
        let published = cell.read()
        guard published.present, published.bias.isFresh(at: now) else { return .absent }
        return published.bias.view
    }

    /// The current bias, fresh or not; nil when none is published.
    public var current: AdvisoryBias? {
        let published = cell.read()
        return published.present ? published.bias : nil
    }

    /// How many times a bias was published or withdrawn.
    public var publications: UInt64 { cell.writes }
}
