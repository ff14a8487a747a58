public import AsymCore
import AsymJournal

/// The AI consensus for one instrument: asks the analyst panel about the latest brief on a cadence (and again when
/// the regime changes), counts the votes, publishes the bias the hot path reads, journals everything through the
/// outbox and learns which analysts to trust.
///
/// **Rounds.** A round reads the brief the engine published (`MarketBriefCell`), builds the two prompt messages
/// from the shipped template, asks every analyst concurrently (each on its own connection with its own timeout,
/// see `ChatCompletionsClient`), and turns each answer into a vote or a counted abstention. The vote
/// (`ConsensusDecision.count`) needs `quorum` agreeing analysts (default 2 of 3) whose feedback weights also sum
/// to the quorum; the bias it publishes expires after `biasLifetime`. A round without consensus withdraws the
/// previous bias (unless `withdrawOnNoConsensus` is off).
///
/// **Schedule.** `run()` polls every `regimePollInterval`: the first round as soon as a brief exists, then every
/// `cadence` (default 30 min, as in the original agent), plus an extra round when the brief's regime differs from
/// the last round's, at least `minimumRoundSpacing` after it.
///
/// **Feedback.** Each BUY/SELL is scored after `feedbackHorizon` against the brief's price then (`FeedbackLedger`);
/// an analyst whose rolling accuracy drops below `accuracyThreshold` votes with reduced weight and confidence.
///
/// **Isolation.** The service is an actor on Swift's cooperative pool; HTTP runs on the client's own queues; the
/// engine thread only writes the brief cell, reads the bias cell and drains the outbox, none of which waits.
public actor ConsensusService {
    public nonisolated let instrument: InstrumentID
    public nonisolated let symbol: String
    public nonisolated let configuration: ConsensusConfiguration
    /// Counters, readable from any thread.
    public nonisolated let counters: ConsensusCounters

    private let panel: any AnalystPanel
    private let template: PromptTemplate
    private let briefs: MarketBriefCell
    private let biasCell: AdvisoryBiasCell
    private let outbox: ConsensusOutbox?
    private let clock: any ConsensusClock
    private let log: ConsensusLog
    private var feedback: FeedbackLedger
    private var ordinal = 0
    private var roundRunning = false
    private var lastRoundAt: Int64?
    private var lastRoundRegime: MarketRegime?
    private var nextScheduledRound: Int64?

    /// A service for `instrument` (named `symbol` in prompts) reading `briefs` and publishing into `bias`.
    ///
    /// - Parameters:
    ///   - panel: the analysts (`HTTPAnalystPanel`) or recorded votes (`RecordedVotes`); one per configured model.
    ///   - template: the prompt; by default the file at `promptTemplatePath`, else the shipped one.
    ///   - outbox: where journal records go (nil: not journalled, e.g. in a replay).
    /// - Throws: `.invalidConfiguration` when the configuration does not validate, the panel's size differs from
    ///   the configured models, or the cells belong to another instrument.
    public init(instrument: InstrumentID, symbol: String, configuration: ConsensusConfiguration, panel: any AnalystPanel,
                template: PromptTemplate? = nil, briefs: MarketBriefCell, bias: AdvisoryBiasCell,
                outbox: ConsensusOutbox?, clock: any ConsensusClock = SystemConsensusClock(),
                log: ConsensusLog = .none) throws(ConsensusError) {
        try configuration.validate()
        guard panel.models.count == configuration.models.count else {
            throw .invalidConfiguration("the panel has \(panel.models.count) analysts, the configuration \(configuration.models.count)")
        }
        guard briefs.instrument == instrument, bias.instrument == instrument else {
            throw .invalidConfiguration("brief and bias cells must belong to the service's instrument")
        }
        self.instrument = instrument
        self.symbol = symbol
        self.configuration = configuration
        self.panel = panel
        if let template {
            self.template = template
        } else if let path = configuration.promptTemplatePath {
            self.template = try PromptTemplate.load(path: path)
        } else {
            self.template = try PromptTemplate.shipped()
        }
        self.briefs = briefs
        biasCell = bias
        self.outbox = outbox
        self.clock = clock
        self.log = log
        feedback = FeedbackLedger(configuration: configuration)
        counters = ConsensusCounters(panelSize: configuration.models.count)
    }

    /// What the feedback loop knows about each analyst.
    public func standings() -> [AnalystStanding] { feedback.standings() }

    /// Runs rounds on the schedule until the task is cancelled.
    public func run() async {
        while !Task.isCancelled {
            _ = await tick()
            do {
                try await clock.sleep(nanoseconds: configuration.regimePollInterval)
            } catch {
                return
            }
        }
    }

    /// One step of `run()`: scores due feedback, then runs a round if one is due (scheduled or regime change).
    /// Returns the round's report, or nil when none ran.
    public func tick() async -> ConsensusRoundReport? {
        guard let brief = briefs.latest else { return nil }
        let now = clock.now()
        scoreFeedback(now: now, price: brief.price)
        if let next = nextScheduledRound, now < next {
            guard brief.regimeKnown, let previous = lastRoundRegime, previous != brief.regime,
                  let last = lastRoundAt, now - last >= configuration.minimumRoundSpacing
            else { return nil }
            return await runRound(trigger: .regimeChange(from: previous, to: brief.regime))
        }
        return await runRound(trigger: .scheduled)
    }

    /// Runs one round now. Returns nil (counted as skipped) when no brief has been published or a round is
    /// already running.
    public func runRound(trigger: RoundTrigger = .manual) async -> ConsensusRoundReport? {
        guard !roundRunning, let brief = briefs.latest else {
            counters.update { $0.roundsSkipped += 1 }
            return nil
        }
        roundRunning = true
        defer { roundRunning = false }
        let roundTime = clock.now()
        scoreFeedback(now: roundTime, price: brief.price)
        ordinal += 1
        lastRoundAt = roundTime
        nextScheduledRound = roundTime + configuration.cadence
        if brief.regimeKnown { lastRoundRegime = brief.regime }
        let request = RoundRequest(
            ordinal: ordinal, roundTime: roundTime, instrument: instrument, symbol: symbol, brief: brief,
            messages: template.messages(symbol: symbol, brief: brief, horizon: configuration.feedbackHorizon))

        let panel = self.panel
        let answers = await withTaskGroup(of: AnalystAnswer.self, returning: [AnalystAnswer].self) { group in
            for analyst in configuration.models.indices {
                group.addTask { await panel.ask(analyst: analyst, round: request) }
            }
            var answers: [AnalystAnswer] = []
            for await answer in group { answers.append(answer) }
            return answers.sorted { $0.analyst < $1.analyst }
        }

        let droppedBefore = outbox?.droppedRecords ?? 0
        var votes: [AnalystVote] = []
        var details: [Int: AbstentionFailure] = [:]
        for answer in answers {
            let analyst = answer.analyst
            journalAttempts(answer, roundTime: roundTime)
            let vote: AnalystVote
            switch answer.result {
            case .success(let reply):
                vote = AnalystVote(analyst: analyst, reply: reply, abstention: nil, weight: feedback.weight(analyst),
                                   confidenceScale: feedback.confidenceScale(analyst))
            case .failure(let failure):
                vote = .abstained(analyst, failure.reason)
                details[analyst] = failure
            }
            votes.append(vote)
            outbox?.post(AIVoteRecord(roundTime: roundTime, briefTime: brief.time, briefPrice: brief.price,
                                      instrument: instrument, vote: vote, tokens: answer.tokens,
                                      attempts: answer.attempts.count, elapsed: answer.elapsed),
                         type: .aiVote, time: clock.now())
            count(answer, vote: vote)
        }

        let decision = ConsensusDecision.count(votes, quorum: configuration.quorum, panelSize: configuration.models.count)
        var bias: AdvisoryBias?
        if decision.outcome == .bias, let direction = decision.direction {
            let published = AdvisoryBias(
                instrument: instrument, direction: direction, strength: decision.strength, confidence: decision.confidence,
                agreeingModels: decision.agreeingModels, createdAt: roundTime,
                expiresAt: roundTime + configuration.biasLifetime)
            biasCell.publish(published)
            bias = published
        } else if configuration.withdrawOnNoConsensus {
            biasCell.withdraw(at: roundTime)
        }
        if bias != nil || configuration.withdrawOnNoConsensus {
            let publishedAt = clock.now()
            outbox?.post(PublishedBiasRecord(roundTime: roundTime, publishedAt: publishedAt, instrument: instrument,
                                             decision: decision, bias: bias),
                         type: .publishedBias, time: publishedAt)
        }
        for vote in votes {
            guard let reply = vote.reply else { continue }
            feedback.record(analyst: vote.analyst, action: reply.action, confidence: reply.confidence,
                            price: brief.price, at: roundTime)
        }
        counters.update { counters in
            counters.rounds += 1
            if case .regimeChange = trigger { counters.regimeChangeRounds += 1 }
            if bias != nil { counters.biasesPublished += 1 } else { counters.roundsWithoutConsensus += 1 }
        }
        let report = ConsensusRoundReport(
            ordinal: ordinal, roundTime: roundTime, trigger: trigger, votes: votes, abstentionDetails: details,
            decision: decision, bias: bias, droppedRecords: (outbox?.droppedRecords ?? 0) - droppedBefore)
        log(describe(report))
        return report
    }

    private func scoreFeedback(now: Int64, price: Double) {
        let scored = feedback.resolve(now: now, price: price)
        if scored > 0 { counters.update { $0.callsScored += scored } }
    }

    /// Posts every attempt's request and response text to the outbox.
    private func journalAttempts(_ answer: AnalystAnswer, roundTime: Int64) {
        guard let outbox else { return }
        for (index, attempt) in answer.attempts.enumerated() {
            let time = clock.now()
            outbox.postText(attempt.requestText, type: .aiRequest, time: time, roundTime: roundTime, instrument: instrument,
                            analyst: answer.analyst, attempt: index + 1, status: 0)
            outbox.postText(attempt.responseText, type: .aiResponse, time: time, roundTime: roundTime,
                            instrument: instrument, analyst: answer.analyst, attempt: index + 1,
                            status: attempt.status ?? 0)
        }
    }

    private func count(_ answer: AnalystAnswer, vote: AnalystVote) {
        let model = configuration.models[answer.analyst]
        for (index, attempt) in answer.attempts.enumerated() {
            guard let failure = attempt.failure else { continue }
            let retried = index + 1 < answer.attempts.count
            log("consensus \(symbol) analyst \(model) attempt \(index + 1): \(failure)\(retried ? ", retried" : "")")
        }
        counters.update { counters in
            counters.retries += max(0, answer.attempts.count - 1)
            for attempt in answer.attempts {
                if let failure = attempt.failure { counters.attemptErrors[failure.abstentionReason, default: 0] += 1 }
            }
            if let reason = vote.abstention {
                counters.abstentions[answer.analyst] += 1
                counters.abstentionsByReason[reason, default: 0] += 1
                if reason == .budgetExhausted { counters.budgetDenials += 1 }
            } else {
                counters.votes[answer.analyst] += 1
            }
        }
    }

    private func describe(_ report: ConsensusRoundReport) -> String {
        var line = "consensus \(symbol) round \(report.ordinal) (\(report.trigger)): "
        if let bias = report.bias {
            let confidence = (bias.confidence * 1_000).rounded() / 1_000
            let strength = (bias.strength * 1_000).rounded() / 1_000
            line += "\(bias.direction) confidence \(confidence) strength \(strength) agreeing \(bias.agreeingCount)/\(report.votes.count)"
        } else {
            line += "no consensus (\(report.decision.outcome))"
        }
        let votes = report.votes.map { vote in
            let model = configuration.models[vote.analyst]
            if let reply = vote.reply { return "\(model) \(reply.action) \((reply.confidence * 100).rounded() / 100)" }
            return "\(model) abstained: \(report.abstentionDetails[vote.analyst]?.description ?? "\(vote.abstention!)")"
        }
        return line + "; " + votes.joined(separator: ", ")
    }
}
