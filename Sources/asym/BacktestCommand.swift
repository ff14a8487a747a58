import ArgumentParser
import AsymCore
import AsymEngine
import AsymExecution
import AsymJournal
import AsymRisk

/// `asym backtest RECORDING --venue V --journal DIR`: the trading loop over a recording, journalled, resumable.
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Run a recording through the trading loop with the paper venue, journalled; resumes after a crash.",
        discussion: """
            Book, features, signals, the risk gate, the order router and the paper venue, with every decision, \
            order, fill and a checkpoint journalled in DIR. Start and recovery are one path: the run first \
            recovers from DIR (nothing there: a fresh start), rebuilds the market state from the frames before \
            the last checkpoint, then carries on; records the journal already holds are produced again and \
            matched, not appended. Kill it at any moment and run the same command again: the journal ends up as \
            one uninterrupted run's. Another recording, signal profile or [risk] limits on the same DIR are \
            refused. With --json, prints one object (see TradingSessionSummary.jsonText): frames, signals, \
            approvals, denials by reason, orders, fills, positions, equity and the risk counters.
            """
    )

    @Argument(help: "Recording file (plain or .gz).")
    var recording: String

    @Option(help: "Venue wire format: bybit, binance or okx.")
    var venue: Venue

    @Option(help: "The journal directory (created if missing; recovered from if not empty).")
    var journal: String

    @Option(help: "An asym.toml whose [risk] limits the gate enforces (default: the built-in limits).")
    var config: String?

    @Option(help: "Symbol of the recording's REST snapshot lines (default: guessed from the file name).")
    var symbol: String?

    @Option(help: "Signal settings: standard, or short-candles (2 s candles, for synthetic recordings).")
    var signals: String = SignalProfile.standard.rawValue

    @Option(help: "Starting paper balance, quote currency.")
    var equity: Double = 10_000

    @Option(help: "Entry orders: market, or limit (rests at the touch behind the visible queue).")
    var entryOrders: String = "market"

    @Option(help: "Paper venue latency, each way, microseconds (constant, so the run stays reproducible).")
    var latencyUs: Int64 = 0

    @Flag(help: "Print one JSON object.")
    var json = false

    func validate() throws {
        guard SignalProfile(rawValue: signals) != nil else {
            throw ValidationError("--signals must be one of \(SignalProfile.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard equity > 0, equity.isFinite else { throw ValidationError("--equity must be positive") }
        guard entryOrders == "market" || entryOrders == "limit" else {
            throw ValidationError("--entry-orders must be market or limit")
        }
        guard latencyUs >= 0, latencyUs <= 60_000_000 else { throw ValidationError("--latency-us must be 0...60000000") }
    }

    func run() throws {
        var configuration: TradingSessionConfiguration
        do {
            let limits = try (config.map(AsymConfiguration.load(path:)) ?? AsymConfiguration()).risk.validated()
            configuration = TradingSessionConfiguration(riskLimits: limits)
        } catch {
            throw CommandFailure("\(config ?? "risk limits"): \(error)")
        }
        configuration.signals = (SignalProfile(rawValue: signals) ?? .standard).configuration
        configuration.startingEquity = equity
        configuration.entryOrderType = entryOrders == "limit" ? .limit : .market
        configuration.latency = ConstantLatency(entryNanoseconds: latencyUs * 1_000, responseNanoseconds: latencyUs * 1_000)
        let session = try MarketDataSession(venue: venue)
        let summary: TradingSessionSummary
        do {
            summary = try TradingSessionReplay.runJournalled(
                path: recording, session: session, symbol: symbol, configuration: configuration,
                journal: JournalConfiguration(directory: journal))
        } catch {
            throw CommandFailure("\(recording): \(error)")
        }
        if json {
            print(summary.jsonText(instruments: session.instruments))
            return
        }
        print("\(summary.frames) frames (resumed at frame \(summary.resumedFromFrame), "
              + "\(summary.regeneratedRecords) journalled records reproduced), \(summary.bookUpdates) book updates, "
              + "\(summary.trades) trades")
        print("\(summary.signals) signals: \(summary.approved) approved, \(summary.deniedTotal) denied; "
              + "\(summary.exitIntents) exits (\(summary.exitsApproved) approved)")
        let denials = DenialReasonText.top(summary)
        if !denials.isEmpty { print("denied: \(denials)") }
        print("\(summary.orders) orders, \(summary.fills) fills, \(summary.rejects) rejects; equity "
              + "\(JSONText.number(summary.equity)) (realised \(JSONText.number(summary.realisedPnL))), "
              + "max drawdown \(JSONText.number(summary.maxDrawdown * 100))%")
        for position in summary.positions where position.lots != 0 {
            let symbol = session.instruments[Int(position.instrument.rawValue)].symbol
            print("position \(symbol): \(position.lots) lots at \(JSONText.number(position.averageEntryPrice))")
        }
        if let risk = summary.risk {
            print("risk: \(risk.state), \(risk.consecutiveLosses) consecutive losses, \(risk.entryTimes.count) entries "
                  + "in window, peak equity \(JSONText.number(risk.peakEquity))")
        }
        print("decision latency p50 \(summary.decisionLatency.p50) ns, p99 \(summary.decisionLatency.p99) ns "
              + "(\(summary.decisionLatencySamples) decisions)")
    }
}

/// Denial counts as `reason n, …`, most frequent first.
enum DenialReasonText {
    static func top(_ summary: TradingSessionSummary) -> String {
        DenialReason.allCases.filter { summary.denials($0) > 0 }
            .sorted { summary.denials($0) > summary.denials($1) }
            .map { "\($0) \(summary.denials($0))" }.joined(separator: ", ")
    }
}
