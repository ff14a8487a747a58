/// Measures whether signal confidence is calibrated: the realised hit rate per confidence bucket (a reliability
/// diagram, DeGroot & Fienberg 1983; Niculescu-Mizil & Caruana 2005), resolved later from the book mid.
///
/// `record` files a signal as pending with the mid at that moment; `observe` (every book update) resolves it:
/// a **hit** once the mid has moved its way by ≥ `hitBasisPoints` of the entry mid at any observation within
/// `horizon`, a **miss** at the first observation after the horizon without one. Pending signals sit in a
/// fixed-capacity FIFO (deadlines arrive in order); when it is full a new signal is not tracked and counts in
/// `dropped`. `calibratedConfidence` is histogram binning (Zadrozny & Elkan 2001): a bucket's realised hit rate
/// once it has enough outcomes; `expectedCalibrationError` is Naeini, Cooper & Hauskrecht's (2015) ECE.
/// - Complexity: `observe` is O(pending) (a few entries with a signal cooldown); `record` O(1). Storage is
///   allocated at init, nothing after.
public struct CalibrationTable: Sendable {
    @usableFromInline
    struct Pending: Sendable, BitwiseCopyable {
        @usableFromInline var deadline: Int64
        /// The mid (ticks) at which it hits: entry × (1 ± hit fraction).
        @usableFromInline var trigger: Double
        @usableFromInline var confidence: Double
        @usableFromInline var bucket: Int32
        @usableFromInline var long: Bool
        @usableFromInline var resolved: Bool

        @usableFromInline
        init(deadline: Int64, trigger: Double, confidence: Double, bucket: Int32, long: Bool) {
            self.deadline = deadline
            self.trigger = trigger
            self.confidence = confidence
            self.bucket = bucket
            self.long = long
            resolved = false
        }
    }

    /// The parameters.
    public let configuration: CalibrationConfiguration
    @usableFromInline var rows: ContiguousArray<CalibrationBucket>
    @usableFromInline var queue: ContiguousArray<Pending>
    @usableFromInline var head = 0
    @usableFromInline var queued = 0
    @usableFromInline var unresolved = 0
    @usableFromInline var droppedCount: Int64 = 0

    /// An empty table.
    public init(configuration: CalibrationConfiguration = CalibrationConfiguration()) {
        precondition(configuration.bucketCount >= 1 && configuration.pendingCapacity >= 1, "sizes must be positive")
        precondition(configuration.horizon > 0 && configuration.hitBasisPoints >= 0, "a hit needs a horizon")
        self.configuration = configuration
        let count = Double(configuration.bucketCount)
        rows = ContiguousArray((0..<configuration.bucketCount).map { index in
            CalibrationBucket(lowerBound: Double(index) / count, upperBound: Double(index + 1) / count)
        })
        queue = ContiguousArray(repeating: Pending(deadline: 0, trigger: 0, confidence: 0, bucket: 0, long: true),
                                count: configuration.pendingCapacity)
    }

    /// Signals awaiting an outcome.
    @inlinable public var pending: Int { unresolved }
    /// Signals not tracked because the pending queue was full.
    @inlinable public var dropped: Int64 { droppedCount }
    /// Buckets in the table.
    @inlinable public var bucketCount: Int { rows.count }

    /// The bucket at `index` (0 = lowest confidence).
    @inlinable public func bucket(_ index: Int) -> CalibrationBucket { rows[index] }

    /// Every bucket, lowest confidence first (allocates: for reports, not the hot path).
    public var buckets: [CalibrationBucket] { Array(rows) }

    /// The bucket index of `confidence` (clamped to [0, 1]).
    @inlinable
    public func bucketIndex(of confidence: Double) -> Int {
        let scaled = Int((min(1, max(0, confidence)) * Double(rows.count)).rounded(.down))
        return min(rows.count - 1, scaled)
    }

    /// Starts tracking a signal going `direction` with `confidence`, made when the mid was `midTicks`.
    @inlinable
    public mutating func record(direction: SignalDirection, confidence: Double, midTicks: Double, at time: Int64) {
        guard direction != .flat, midTicks > 0 else { return }
        guard queued < queue.count else {
            droppedCount &+= 1
            return
        }
        let move = midTicks * configuration.hitBasisPoints / 10_000
        let long = direction == .long
        var slot = head + queued
        if slot >= queue.count { slot -= queue.count }
        queue[slot] = Pending(deadline: time &+ configuration.horizon, trigger: long ? midTicks + move : midTicks - move,
                              confidence: confidence, bucket: Int32(bucketIndex(of: confidence)), long: long)
        queued += 1
        unresolved += 1
    }

    /// Starts tracking `signal` (its direction, confidence and creation time) against the mid `midTicks`.
    @inlinable
    public mutating func record(_ signal: Signal, midTicks: Double) {
        record(direction: signal.direction, confidence: Double(signal.confidence), midTicks: midTicks,
               at: signal.createdAt)
    }

    /// Resolves pending signals against the mid `midTicks` observed at `time`.
    @inlinable
    public mutating func observe(midTicks: Double, at time: Int64) {
        guard queued > 0 else { return }
        // Expired first: an observation after the deadline cannot make a hit.
        while queued > 0 && queue[head].deadline < time {
            if !queue[head].resolved { resolve(queue[head], hit: false) }
            pop()
        }
        guard midTicks > 0 else { return }
        var slot = head
        for _ in 0..<queued {
            let entry = queue[slot]
            if !entry.resolved && (entry.long ? midTicks >= entry.trigger : midTicks <= entry.trigger) {
                queue[slot].resolved = true
                resolve(entry, hit: true)
            }
            slot += 1
            if slot == queue.count { slot = 0 }
        }
        while queued > 0 && queue[head].resolved { pop() }
    }

    @inlinable
    mutating func resolve(_ entry: Pending, hit: Bool) {
        let index = Int(entry.bucket)
        rows[index].count &+= 1
        if hit { rows[index].hits &+= 1 }
        rows[index].confidenceSum += entry.confidence
        unresolved -= 1
    }

    @inlinable
    mutating func pop() {
        head += 1
        if head == queue.count { head = 0 }
        queued -= 1
    }

    /// The realised hit rate of `confidence`'s bucket once it has at least `minimumCount` outcomes, else nil.
    @inlinable
    public func calibratedConfidence(_ confidence: Double, minimumCount: Int64) -> Double? {
        let row = rows[bucketIndex(of: confidence)]
        return row.count >= max(1, minimumCount) ? row.hitRate : nil
    }

    /// Expected calibration error: `Σ (countᵢ/N)·|hitRateᵢ − meanConfidenceᵢ|`; 0 when nothing is resolved.
    public var expectedCalibrationError: Double {
        let total = rows.reduce(Int64(0)) { $0 + $1.count }
        guard total > 0 else { return 0 }
        return rows.reduce(0.0) { sum, row in
            guard let rate = row.hitRate, let mean = row.meanConfidence else { return sum }
            return sum + Double(row.count) / Double(total) * abs(rate - mean)
        }
    }
}
