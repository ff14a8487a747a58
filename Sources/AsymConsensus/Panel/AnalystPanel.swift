/// Where a round's votes come from: the analysts over HTTP (`HTTPAnalystPanel`), or a journal's recorded votes
/// (`RecordedVotes`) for deterministic replays and backtests.
public protocol AnalystPanel: Sendable {
    /// One model ID per analyst, in panel order.
    var models: [String] { get }
    /// Asks analyst `analyst` about `round`. Never throws: failures are abstentions.
    func ask(analyst: Int, round: RoundRequest) async -> AnalystAnswer
}
