/// The feedback loop's memory: each analyst's directional calls until their horizon passes, then whether the
/// price moved their way, kept as a rolling hit rate and a calibration table.
///
/// A BUY is right when the price at scoring is above the price in the brief it was made on, a SELL when below;
/// an unchanged price counts as wrong (no edge). HOLDs and abstentions are not scored. Once an analyst has
/// `feedbackMinimumSamples` scored calls in its window and its rolling accuracy is below `accuracyThreshold`,
/// its vote weight becomes `downWeightScale` and its confidence is multiplied by `downWeightConfidenceScale`;
/// it recovers as soon as the rolling accuracy is back at the threshold.
struct FeedbackLedger: Sendable {
    struct PendingCall: Sendable {
        var madeAt: Int64
        var direction: Int8
        var price: Double
        var confidence: Double
    }

    struct Record: Sendable {
        var pending: [PendingCall] = []
        /// Rolling window of outcomes, oldest first.
        var window: [Bool] = []
        var scored = 0
        var hits = 0
        var bins = [(calls: Int, hits: Int)](repeating: (0, 0), count: 10)
    }

    let configuration: ConsensusConfiguration
    private(set) var records: [Record]

    init(configuration: ConsensusConfiguration) {
        self.configuration = configuration
        records = [Record](repeating: Record(), count: configuration.models.count)
    }

    /// Remembers a directional call (BUY or SELL) made at `time` on a brief priced `price`.
    mutating func record(analyst: Int, action: AnalystAction, confidence: Double, price: Double, at time: Int64) {
        guard let direction = action.direction, price > 0 else { return }
        records[analyst].pending.append(PendingCall(madeAt: time, direction: direction == .long ? 1 : -1,
                                                    price: price, confidence: confidence))
    }

    /// Scores every call whose horizon has passed by `now` against `price`; returns how many were scored.
    @discardableResult
    mutating func resolve(now: Int64, price: Double) -> Int {
        guard price > 0 else { return 0 }
        var scored = 0
        for analyst in records.indices {
            var record = records[analyst]
            var kept: [PendingCall] = []
            for call in record.pending {
                guard now - call.madeAt >= configuration.feedbackHorizon else {
                    kept.append(call)
                    continue
                }
                let hit = (price - call.price) * Double(call.direction) > 0
                record.window.append(hit)
                if record.window.count > configuration.feedbackWindow { record.window.removeFirst() }
                record.scored += 1
                if hit { record.hits += 1 }
                let bin = min(9, max(0, Int(call.confidence * 10)))
                record.bins[bin].calls += 1
                if hit { record.bins[bin].hits += 1 }
                scored += 1
            }
            record.pending = kept
            records[analyst] = record
        }
        return scored
    }

    /// Rolling accuracy of `analyst`, nil before any scored call.
    func accuracy(_ analyst: Int) -> Double? {
        let window = records[analyst].window
        return window.isEmpty ? nil : Double(window.count { $0 }) / Double(window.count)
    }

    /// Whether `analyst` is below the threshold with enough samples.
    func isDownWeighted(_ analyst: Int) -> Bool {
        guard records[analyst].window.count >= configuration.feedbackMinimumSamples, let accuracy = accuracy(analyst)
        else { return false }
        return accuracy < configuration.accuracyThreshold
    }

    func weight(_ analyst: Int) -> Double { isDownWeighted(analyst) ? configuration.downWeightScale : 1 }

    func confidenceScale(_ analyst: Int) -> Double {
        isDownWeighted(analyst) ? configuration.downWeightConfidenceScale : 1
    }

    func standings() -> [AnalystStanding] {
        records.indices.map { analyst in
            let record = records[analyst]
            return AnalystStanding(
                analyst: analyst, model: configuration.models[analyst], scoredCalls: record.scored, hits: record.hits,
                rollingAccuracy: accuracy(analyst), rollingCalls: record.window.count, pendingCalls: record.pending.count,
                weight: weight(analyst), confidenceScale: confidenceScale(analyst),
                calibration: record.bins.enumerated().map { index, bin in
                    CalibrationBin(lowerBound: Double(index) / 10, calls: bin.calls, hits: bin.hits)
                })
        }
    }
}
