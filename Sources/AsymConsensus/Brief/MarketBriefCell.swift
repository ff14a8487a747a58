public import AsymCore

/// Where the engine thread publishes the latest `MarketBrief` for the consensus to read.
///
/// The engine thread is the one writer: `publish` is a `SeqlockCell` write (no lock, no allocation, never waits
/// for a reader). The consensus reads with `latest`, any time, from any thread.
public final class MarketBriefCell: Sendable {
    /// The instrument the briefs describe.
    public let instrument: InstrumentID
    let cell: SeqlockCell<MarketBrief>

    /// An empty cell: `latest` is nil until the first `publish`.
    public init(instrument: InstrumentID) {
        self.instrument = instrument
        cell = SeqlockCell(MarketBrief(time: 0, instrument: instrument, price: 0))
    }

    /// Publishes `brief`. Engine thread (one writer). - Complexity: O(1), no allocation.
    public func publish(_ brief: MarketBrief) {
        precondition(brief.instrument == instrument, "brief published to another instrument's cell")
        cell.write(brief)
    }

    /// The latest brief, or nil before the first `publish`.
    public var latest: MarketBrief? { cell.hasValue ? cell.read() : nil }
}
