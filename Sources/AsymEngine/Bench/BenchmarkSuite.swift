/// The in-process micro-benchmark suites behind `asym bench`.
public enum BenchmarkSuite: String, CaseIterable, Sendable {
    /// SPSC ring push/pop between two threads.
    case ring
    /// HMAC-SHA256 request signing.
    case hmac
    /// io_uring group-commit writes against pwrite + fdatasync.
    case journalIO = "journal-io"
    /// Bybit frame decode + sequence + book apply.
    case decode
    /// The pre-trade risk gate's check.
    case risk
    /// Binance frame decode + sequence + book apply.
    case decodeBinance = "decode-binance"
    /// OKX frame decode + sequence + book apply (checksums verified).
    case decodeOKX = "decode-okx"
    /// Book features + spoof + risk penalty + regime + strategies + signal per book update.
    case features
    /// The event journal: hot-path enqueue, and durable events/s through io_uring against pwrite + fdatasync.
    case journal
    /// Marketable order → fill on the paper venue (router, matching, events).
    case paper
    /// The whole per-frame hot path of a trading session, journal included.
    case engine
    /// A trading session's recovery checkpoint: state encoded and enqueued to the journal.
    case checkpoint
    /// The engine thread's read of the AI consensus bias (seqlock) against a mutex.
    case biasRead = "bias-read"

    /// Default operation count for the suite.
    public var defaultOperations: Int {
        switch self {
        case .ring: 10_000_000
        case .hmac: 1_000_000
        case .journalIO: 4_000_000
        case .decode, .decodeBinance, .decodeOKX: 1_000_000
        case .risk: 1_000_000
        case .features: 400_000
        case .journal: 4_000_000
        case .paper: 1_000_000
        case .engine: 400_000
        case .checkpoint: 100_000
        case .biasRead: 10_000_000
        }
    }

    /// Runs the suite.
    public func run(operations: Int? = nil) throws -> BenchmarkResult {
        let count = operations ?? defaultOperations
        switch self {
        case .ring: return RingBenchmark.run(operations: count)
        case .hmac: return try HMACBenchmark.run(operations: count)
        case .journalIO: return try JournalIOBenchmark.run(operations: count)
        case .risk: return try RiskBenchmark.run(operations: count)
        case .features: return try FeaturesBenchmark.run(operations: count)
        case .decode: return try DecodeBenchmark.run(venue: .bybit, suite: rawValue, operations: count)
        case .decodeBinance: return try DecodeBenchmark.run(venue: .binance, suite: rawValue, operations: count)
        case .decodeOKX: return try DecodeBenchmark.run(venue: .okx, suite: rawValue, operations: count)
        case .journal: return try JournalBenchmark.run(operations: count)
        case .paper: return try PaperBenchmark.run(operations: count)
        case .engine: return try EngineBenchmark.run(operations: count)
        case .checkpoint: return try CheckpointBenchmark.run(operations: count)
        case .biasRead: return BiasReadBenchmark.run(operations: count)
        }
    }
}
