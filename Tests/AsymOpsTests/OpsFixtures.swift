import AsymCore
import AsymOps
import AsymRisk
import Foundation
import Synchronization

/// A backend that serves fixed values and records the commands it receives, in order.
final class RecordingOpsBackend: OpsBackend {
    let statusValue: OpsStatus
    let metricsValue: OpsMetricsSnapshot
    private let commands = Mutex<[String]>([])
    private let threads = Mutex<Set<String>>([])

    init(status: OpsStatus = OpsFixtures.status(), metrics: OpsMetricsSnapshot = OpsFixtures.metrics()) {
        statusValue = status
        metricsValue = metrics
    }

    /// Commands received so far: "kill", "pause", "resume".
    var receivedCommands: [String] { commands.withLock { $0 } }

    /// Names of the threads the server called this backend on.
    var callingThreads: Set<String> { threads.withLock { $0 } }

    func status() -> OpsStatus {
        noteThread()
        return statusValue
    }

    func metrics() -> OpsMetricsSnapshot {
        noteThread()
        return metricsValue
    }

    func kill() { record("kill") }
    func pause() { record("pause") }
    func resume() { record("resume") }

    private func record(_ command: String) {
        noteThread()
        commands.withLock { $0.append(command) }
    }

    /// The kernel's name for the calling thread (Linux).
    private func noteThread() {
        let name = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? "?"
        threads.withLock { _ = $0.insert(name.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
}

/// Snapshots with every field set to a distinct value, so a field rendered in the wrong place shows up.
enum OpsFixtures {
    static func latencyHistogram(scale: Int64) -> OpsHistogram {
        let bounds = OpsHistogram.defaultLatencyUpperBoundsNanoseconds
        let counts = bounds.indices.map { Int64($0 % 4) * scale }
        return try! OpsHistogram(
            upperBoundsNanoseconds: bounds, bucketCounts: counts, overflowCount: 2 * scale,
            sumNanoseconds: 123_456_789 * scale)
    }

    static func metrics() -> OpsMetricsSnapshot {
        var metrics = OpsMetricsSnapshot()
        metrics.version = "0.1.0-test"
        metrics.uptimeSeconds = 61.5
        metrics.feeds = [
            OpsFeedMetrics(
                venue: .bybit, framesTotal: 120_000, decodeErrorsTotal: 3, gapsTotal: 2, resyncsTotal: 1,
                books: [OpsBookAge(symbol: "BTCUSDT", ageSeconds: 0.012), OpsBookAge(symbol: "ETHUSDT", ageSeconds: 0.5)]),
            OpsFeedMetrics(
                venue: .okx, framesTotal: 80_000, decodeErrorsTotal: 0, gapsTotal: 5, resyncsTotal: 4,
                books: [OpsBookAge(symbol: "BTC-USDT-SWAP", ageSeconds: 1.25)]),
        ]
        metrics.feeds[0].framePathAllocationsTotal = 0
        metrics.feeds[0].framePathFramesTotal = 115_000
        metrics.feeds[1].framePathAllocationsTotal = nil  // a binary that cannot count
        metrics.signalsTotal = 57
        metrics.approvalsTotal = 6
        metrics.denialsTotal = [.spoofScoreTooHigh: 20, .entryCooldown: 30, .confidenceBelowRegimeBar: 1]
        metrics.ordersTotal = 9
        metrics.fillsTotal = 8
        metrics.rejectsTotal = 1
        metrics.positions = [
            OpsPositionMetric(venue: .bybit, symbol: "BTCUSDT", quantity: -0.004),
            OpsPositionMetric(venue: .okx, symbol: "BTC-USDT-SWAP", quantity: 2),
        ]
        metrics.equityQuote = 1_003.25
        metrics.realisedPnlQuote = 4.5
        metrics.unrealisedPnlQuote = -1.25
        metrics.tradingState = .reducing
        metrics.tickToDecision = latencyHistogram(scale: 10)
        metrics.frameProcessing = latencyHistogram(scale: 1_000)
        metrics.journalEnqueuedRecordsTotal = 5_000
        metrics.journalDurableSequence = 4_990
        metrics.aiRoundsTotal = 12
        metrics.aiAbstentions = [OpsModelCount(model: "analyst-a", count: 2), OpsModelCount(model: "analyst-b", count: 0)]
        metrics.aiBias = [OpsBiasMetric(symbol: "BTCUSDT", bias: -0.4)]
        return metrics
    }

    static func status() -> OpsStatus {
        OpsStatus(
            tradingState: .halted, mode: "paper", uptimeSeconds: 61.5,
            venues: [
                OpsStatus.VenueStatus(venue: .bybit, framesPerSecond: 1_950.5, books: [
                    OpsStatus.BookStatus(
                        symbol: "BTCUSDT", bestBid: "65000.1", bestBidSize: "1.250", bestAsk: "65000.2",
                        bestAskSize: "0.004", regime: .ranging, spoofScore: 0.31, riskPenalty: 0.2, ageSeconds: 0.012),
                    OpsStatus.BookStatus(
                        symbol: "ETHUSDT", bestBid: nil, bestBidSize: nil, bestAsk: nil, bestAskSize: nil, regime: nil,
                        spoofScore: 0, riskPenalty: 0, ageSeconds: 9.5),
                ]),
            ],
            positions: [
                OpsStatus.PositionStatus(
                    venue: .bybit, symbol: "BTCUSDT", quantity: "-0.004", entryPrice: "65010.0", unrealisedPnl: 0.04),
            ],
            equity: 1_003.25, realisedPnl: 4.5, unrealisedPnl: -1.25,
            latestSignals: [
                OpsStatus.SignalStatus(
                    timeNanoseconds: 1_767_225_600_000_000_000, venue: .bybit, symbol: "BTCUSDT", direction: .short,
                    confidence: 0.81, denial: nil),
                OpsStatus.SignalStatus(
                    timeNanoseconds: 1_767_225_599_000_000_000, venue: .bybit, symbol: "BTCUSDT", direction: .long,
                    confidence: 0.66, denial: .spoofScoreTooHigh),
            ],
            aiBias: [
                OpsStatus.BiasStatus(symbol: "BTCUSDT", direction: .short, confidence: 0.67, ageSeconds: 12, expired: false),
                OpsStatus.BiasStatus(symbol: "ETHUSDT", direction: nil, confidence: 0, ageSeconds: 400, expired: true),
            ],
            latency: OpsStatus.LatencyStatus(
                tickToDecision: OpsStatus.Percentiles(
                    p50Nanoseconds: 480, p99Nanoseconds: 1_900, p999Nanoseconds: 4_800, samples: 57),
                frameProcessing: OpsStatus.Percentiles(
                    p50Nanoseconds: 250, p99Nanoseconds: 600, p999Nanoseconds: 1_500, samples: 200_000)))
    }
}
