import AsymConsensus
import AsymCore
public import AsymOps
import AsymRisk
import Foundation

/// What the ops server serves about a running engine: its published status turned into `/status` JSON and
/// `/metrics` values, and the three commands, each one atomic store the engine thread applies between frames.
/// Called on the ops server's thread, never the engine's.
public struct EngineOpsBackend: OpsBackend {
    public let engine: EngineRuntime
    /// "paper" or "live", as shown in `/status`.
    public let mode: String

    public init(engine: EngineRuntime, mode: String) {
        self.engine = engine
        self.mode = mode
    }

    public func kill() { engine.kill() }
    public func pause() { engine.pause() }
    public func resume() { engine.resume() }

    /// The engine's trading state: the most severe over venues.
    static func tradingState(_ status: EngineStatus) -> TradingState {
        let states = status.venues.map(\.tradingState)
        if states.contains("halted") { return .halted }
        if states.contains("reducing") { return .reducing }
        return .active
    }

    public func status() -> OpsStatus {
        let status = engine.status
        let percentiles = status.latency.percentiles
        var venues: [OpsStatus.VenueStatus] = []
        var positions: [OpsStatus.PositionStatus] = []
        var signals: [OpsStatus.SignalStatus] = []
        var biases: [OpsStatus.BiasStatus] = []
        for venue in status.venues {
            let books = venue.instruments.map { instrument in
                OpsStatus.BookStatus(symbol: instrument.symbol, bestBid: instrument.bestBid.isEmpty ? nil : instrument.bestBid,
                                     bestBidSize: nil, bestAsk: instrument.bestAsk.isEmpty ? nil : instrument.bestAsk,
                                     bestAskSize: nil, regime: instrument.regime, spoofScore: instrument.spoofScore,
                                     riskPenalty: instrument.riskPenalty, ageSeconds: Double(instrument.bookAge) / 1e9)
            }
            let uptime = max(Double(status.uptime) / 1e9, 1e-9)
            venues.append(OpsStatus.VenueStatus(venue: venue.venue, framesPerSecond: Double(venue.framesProcessed) / uptime,
                                                books: books))
            for instrument in venue.instruments where instrument.position != "0" {
                positions.append(OpsStatus.PositionStatus(venue: venue.venue, symbol: instrument.symbol,
                                                          quantity: instrument.position, entryPrice: instrument.averageEntry,
                                                          unrealisedPnl: instrument.unrealizedPnL))
            }
            for decision in venue.recentDecisions {
                signals.append(OpsStatus.SignalStatus(
                    timeNanoseconds: decision.time, venue: venue.venue, symbol: decision.symbol,
                    direction: decision.direction, confidence: decision.confidence, denial: decision.denial))
            }
            for instrument in venue.instruments {
                let advisory = instrument.advisory
                biases.append(OpsStatus.BiasStatus(
                    symbol: "\(venue.venue):\(instrument.symbol)", direction: advisory?.direction,
                    confidence: advisory?.confidence ?? 0, ageSeconds: 0, expired: advisory == nil))
            }
        }
        let unrealised = status.venues.reduce(0.0) { total, venue in total + venue.instruments.reduce(0.0) { $0 + $1.unrealizedPnL } }
        return OpsStatus(
            tradingState: Self.tradingState(status), mode: mode, uptimeSeconds: Double(status.uptime) / 1e9,
            venues: venues, positions: positions,
            equity: status.venues.reduce(0.0) { $0 + $1.summary.equity },
            realisedPnl: status.venues.reduce(0.0) { $0 + $1.summary.realisedPnL }, unrealisedPnl: unrealised,
            latestSignals: signals, aiBias: biases,
            latency: OpsStatus.LatencyStatus(tickToDecision: OpsStatus.Percentiles(
                p50Nanoseconds: percentiles.p50, p99Nanoseconds: percentiles.p99, p999Nanoseconds: percentiles.p999,
                samples: status.latency.count)))
    }

    public func metrics() -> OpsMetricsSnapshot {
        let status = engine.status
        var metrics = OpsMetricsSnapshot()
        metrics.uptimeSeconds = Double(status.uptime) / 1e9
        metrics.version = AsymVersion.current
        for venue in status.venues {
            var feed = OpsFeedMetrics(
                venue: venue.venue, framesTotal: venue.framesProcessed, decodeErrorsTotal: venue.decodeErrors,
                gapsTotal: venue.gaps, resyncsTotal: venue.resyncs,
                books: venue.instruments.map { OpsBookAge(symbol: $0.symbol, ageSeconds: Double($0.bookAge) / 1e9) })
            feed.framePathAllocationsTotal = venue.framePathAllocations
            feed.framePathFramesTotal = venue.framePathFramesCounted
            metrics.feeds.append(feed)
            let summary = venue.summary
            metrics.signalsTotal += summary.signals
            metrics.approvalsTotal += summary.approved + summary.exitsApproved
            for reason in DenialReason.allCases where summary.denials(reason) > 0 {
                metrics.denialsTotal[reason, default: 0] += summary.denials(reason)
            }
            metrics.ordersTotal += summary.orders
            metrics.fillsTotal += summary.fills
            metrics.rejectsTotal += summary.rejects
            metrics.equityQuote += summary.equity
            metrics.realisedPnlQuote += summary.realisedPnL
            for instrument in venue.instruments {
                metrics.unrealisedPnlQuote += instrument.unrealizedPnL
                metrics.positions.append(OpsPositionMetric(venue: venue.venue, symbol: instrument.symbol,
                                                           quantity: Double(instrument.position) ?? 0))
                if let advisory = instrument.advisory {
                    metrics.aiBias.append(OpsBiasMetric(
                        symbol: "\(venue.venue):\(instrument.symbol)",
                        bias: advisory.direction == .long ? advisory.confidence : -advisory.confidence))
                }
            }
            metrics.journalEnqueuedRecordsTotal += Int64(venue.journalSequence)
            metrics.journalDurableSequence += Int64(venue.journalDurableSequence)
        }
        metrics.tradingState = Self.tradingState(status)
        metrics.tickToDecision = Self.histogram(status.latency)
        metrics.frameProcessing = Self.histogram(status.frameLatency)
        if let consensus = engine.consensus {
            let counters = consensus.counters
            metrics.aiRoundsTotal = Int64(counters.rounds)
            metrics.aiAbstentions = zip(consensus.configuration.models, counters.abstentions).map {
                OpsModelCount(model: $0.0, count: Int64($0.1))
            }
        }
        return metrics
    }

    static func histogram(_ histogram: LatencyHistogram) -> OpsHistogram {
        let bounds = OpsHistogram.defaultLatencyUpperBoundsNanoseconds
        let cumulative = histogram.cumulativeCounts(atOrBelow: bounds)
        var buckets: [Int64] = []
        var previous: Int64 = 0
        for value in cumulative {
            buckets.append(value - previous)
            previous = value
        }
        return (try? OpsHistogram(upperBoundsNanoseconds: bounds, bucketCounts: buckets,
                                  overflowCount: histogram.count - previous, sumNanoseconds: histogram.sum)) ?? .empty
    }
}
