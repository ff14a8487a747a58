public import AsymCore
public import AsymJournal

/// The votes and biases a journal recorded, for replays and backtests that must not call the API.
///
/// As an `AnalystPanel` it answers each round with the recorded vote of that analyst, so a `ConsensusService`
/// replaying the same briefs re-runs the vote and the feedback loop deterministically with no HTTP at all. Its
/// recorded publications can also be fed straight into an `AdvisoryBiasCell` at their recorded times
/// (`RecordedBiasFeed`), for backtests that need only the bias.
public struct RecordedVotes: AnalystPanel {
    /// How a replayed round finds its recorded votes.
    public enum Matching: Sendable {
        /// The round with the same start time (a replay on the recorded clock).
        case roundTime
        /// The n-th recorded round of the instrument answers the n-th replayed round.
        case ordinal
    }

    public let models: [String]
    public let matching: Matching
    /// Every recorded vote, in journal order.
    public let votes: [AIVoteRecord]
    /// Every recorded publication (bias or withdrawal), in journal order.
    public let publications: [PublishedBiasRecord]
    /// Per instrument: the recorded round times in order, and each round's votes by analyst.
    private let rounds: [InstrumentID: [Int64]]
    private let votesByRound: [RoundKey: [Int: AIVoteRecord]]

    private struct RoundKey: Hashable {
        var instrument: InstrumentID
        var roundTime: Int64
    }

    /// Votes and publications already read.
    public init(models: [String], votes: [AIVoteRecord], publications: [PublishedBiasRecord], matching: Matching = .roundTime) {
        self.models = models
        self.matching = matching
        self.votes = votes
        self.publications = publications
        var rounds: [InstrumentID: [Int64]] = [:]
        var byRound: [RoundKey: [Int: AIVoteRecord]] = [:]
        for vote in votes {
            let key = RoundKey(instrument: vote.instrument, roundTime: vote.roundTime)
            if byRound[key] == nil { rounds[vote.instrument, default: []].append(vote.roundTime) }
            byRound[key, default: [:]][Int(vote.analyst)] = vote
        }
        self.rounds = rounds
        votesByRound = byRound
    }

    /// Reads every `aiVote` and `publishedBias` record of the journal in `directory`.
    ///
    /// - Throws: the reader's `JournalError`s; a journal damaged in the middle stops the read there (the reader's
    ///   `.stop` policy), so a replay never silently skips rounds.
    public init(journalDirectory directory: String, models: [String], matching: Matching = .roundTime)
        throws(JournalError)
    {
        var votes: [AIVoteRecord] = []
        var publications: [PublishedBiasRecord] = []
        try JournalReader(directory: directory).forEach { record in
            switch record.type {
            case .aiVote? where record.payload.count == MemoryLayout<AIVoteRecord>.size:
                votes.append(record.load(as: AIVoteRecord.self))
            case .publishedBias? where record.payload.count == MemoryLayout<PublishedBiasRecord>.size:
                publications.append(record.load(as: PublishedBiasRecord.self))
            default:
                break
            }
        }
        self.init(models: models, votes: votes, publications: publications, matching: matching)
    }

    /// The recorded round times of `instrument`, in order.
    public func roundTimes(of instrument: InstrumentID) -> [Int64] { rounds[instrument] ?? [] }

    /// The recorded published biases (withdrawals excluded) of `instrument`, in order.
    public func biases(of instrument: InstrumentID) -> [AdvisoryBias] {
        publications.filter { $0.instrument == instrument }.compactMap(\.bias)
    }

    public func ask(analyst: Int, round: RoundRequest) async -> AnalystAnswer {
        let roundTime: Int64?
        switch matching {
        case .roundTime:
            roundTime = round.roundTime
        case .ordinal:
            let times = roundTimes(of: round.instrument)
            roundTime = round.ordinal >= 1 && round.ordinal <= times.count ? times[round.ordinal - 1] : nil
        }
        guard let roundTime, let record = votesByRound[RoundKey(instrument: round.instrument, roundTime: roundTime)]?[analyst]
        else {
            return AnalystAnswer(analyst: analyst, result: .failure(AbstentionFailure(.notRecorded, "no recorded vote")))
        }
        let vote = record.vote
        if let reply = vote.reply {
            return AnalystAnswer(analyst: analyst, result: .success(reply), tokens: Int(record.tokens), elapsed: record.elapsed)
        }
        let reason = vote.abstention ?? .notRecorded
        return AnalystAnswer(analyst: analyst, result: .failure(AbstentionFailure(reason, "recorded abstention")),
                             tokens: Int(record.tokens), elapsed: record.elapsed)
    }
}
