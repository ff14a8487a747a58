import AsymCore
public import AsymExecution
import Foundation
public import AsymRisk
public import AsymSignals
import TOMLKit

/// The effective configuration of a run, from one `asym.toml`; every section optional, every key known.
///
/// Validation is strict: an unknown table or key fails with its full path, units are in key names, values out
/// of range fail, and risk limits beyond the compiled hard caps fail at load, before anything starts. Secrets are
/// never values here, only where to find them (`SecretSource`), so showing a configuration cannot leak one.
public struct AsymConfiguration: Sendable {
    /// `mode`: paper (default) or live.
    public var mode = TradingMode.paper
    /// `source`: live feeds (default) or `recording:PATH`.
    public var source = SourceSetting.live
    /// `[risk]`: every limit of the pre-trade gate.
    public var risk = RiskLimits()
    /// `[venues.<name>]`; default: Bybit with its default symbols.
    public var venues = [VenueSettings(venue: .bybit)]
    public var engine = EngineSettings()
    public var journal = JournalSettings()
    public var store = StoreSettings()
    public var paper = PaperSettings()
    /// `[signals]`: the signal engine (timeframes in seconds).
    public var signals = SignalConfiguration()
    /// `[exits]`: the exit manager's rules.
    public var exits = ExitRules()
    public var ops = OpsSettings()
    public var consensus = ConsensusSettings()

    /// Defaults everywhere.
    public init() {}

    /// Loads and validates `path`.
    public static func load(path: String) throws(ConfigurationError) -> AsymConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        return try parse(text, path: path)
    }

    /// Parses and validates TOML `text` (`path` is only used in messages).
    public static func parse(_ text: String, path: String = "asym.toml") throws(ConfigurationError) -> AsymConfiguration {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .syntax(path: path, line: error.source.begin.line, column: error.source.begin.column,
                          reason: error.description)
        } catch {
            throw .syntax(path: path, line: 0, column: 0, reason: "\(error)")
        }
        var root = ConfigurationTable(table, path: "")
        var configuration = AsymConfiguration()
        if let mode = try root.string("mode") {
            guard let parsed = TradingMode(rawValue: mode) else {
                throw .invalidValue(key: "mode", value: mode, expected: "\"paper\" or \"live\"")
            }
            configuration.mode = parsed
        }
        if let source = try root.string("source") {
            if source == "live" {
                configuration.source = .live
            } else if source.hasPrefix("recording:"), source.count > "recording:".count {
                configuration.source = .recording(path: String(source.dropFirst("recording:".count)))
            } else {
                throw .invalidValue(key: "source", value: source, expected: "\"live\" or \"recording:PATH\"")
            }
        }
        if let risk = try root.subtable("risk") { try configuration.loadRisk(risk.table) }
        if var venues = try root.subtable("venues") { configuration.venues = try Self.loadVenues(&venues) }
        if var engine = try root.subtable("engine") { try configuration.loadEngine(&engine) }
        if var journal = try root.subtable("journal") { try configuration.loadJournal(&journal) }
        if var store = try root.subtable("store") { try configuration.loadStore(&store) }
        if var paper = try root.subtable("paper") { try configuration.loadPaper(&paper) }
        if var signals = try root.subtable("signals") { try configuration.loadSignals(&signals) }
        if var exits = try root.subtable("exits") { try configuration.loadExits(&exits) }
        if var ops = try root.subtable("ops") { try configuration.loadOps(&ops) }
        if var consensus = try root.subtable("consensus") { try configuration.loadConsensus(&consensus) }
        try root.finish()
        do {
            _ = try configuration.risk.validated()
        } catch {
            throw .risk(error)
        }
        return configuration
    }

    /// Checks what a start needs beyond the file: in live mode, every venue's keys (paper mode needs none).
    public func checkSecrets(environment: [String: String]? = nil) throws(ConfigurationError) {
        guard mode == .live else { return }
        let environment = environment ?? ProcessInfo.processInfo.environment
        for venue in venues {
            _ = try venue.apiKey.resolve(configurationKey: "venues.\(venue.venue).api_key", environment: environment)
            _ = try venue.apiSecret.resolve(configurationKey: "venues.\(venue.venue).api_secret", environment: environment)
        }
    }

    static func secretSource(_ table: inout ConfigurationTable, environmentKey: String, fileKey: String)
        throws(ConfigurationError) -> SecretSource?
    {
        let name = try table.string(environmentKey)
        let file = try table.string(fileKey)
        switch (name, file) {
        case (let name?, nil): return .environment(name)
        case (nil, let file?): return .file(file)
        case (nil, nil): return nil
        case (_?, _?):
            throw .invalidValue(key: table.fullPath(fileKey), value: "both set",
                                expected: "either \(environmentKey) or \(fileKey), not both")
        }
    }

    private static func loadVenues(_ venues: inout ConfigurationTable) throws(ConfigurationError) -> [VenueSettings] {
        var result: [VenueSettings] = []
        for name in venues.table.keys.sorted() {
            guard let venue = Venue(name: name) else {
                throw .unknownKey(venues.fullPath(name))
            }
            guard var table = try venues.subtable(name) else { continue }
            var settings = VenueSettings(venue: venue)
            settings.symbols = try table.strings("symbols")
            if let symbols = settings.symbols, symbols.isEmpty {
                throw .invalidValue(key: table.fullPath("symbols"), value: "[]", expected: "at least one symbol")
            }
            if let base = try table.string("base_url") {
                guard base.hasPrefix("ws://") || base.hasPrefix("wss://") else {
                    throw .invalidValue(key: table.fullPath("base_url"), value: base, expected: "a ws:// or wss:// URL")
                }
                settings.baseURL = base
            }
            if let key = try secretSource(&table, environmentKey: "api_key_env", fileKey: "api_key_file") {
                settings.apiKey = key
            }
            if let secret = try secretSource(&table, environmentKey: "api_secret_env", fileKey: "api_secret_file") {
                settings.apiSecret = secret
            }
            try table.finish()
            result.append(settings)
        }
        guard !result.isEmpty else { throw .invalidValue(key: "venues", value: "{}", expected: "at least one venue") }
        return result
    }

    private mutating func loadEngine(_ table: inout ConfigurationTable) throws(ConfigurationError) {
        if let core = try table.integer("engine_core", in: -1...1023) { engine.engineCore = core < 0 ? nil : core }
        if let sleep = try table.integer("idle_sleep_microseconds", in: 0...100_000) { engine.idleSleepMicroseconds = sleep }
        if let interval = try table.integer("status_interval_milliseconds", in: 10...60_000) {
            engine.statusIntervalMilliseconds = interval
        }
        if let frames = try table.integer("frames_per_poll", in: 1...65_536) { engine.framesPerPoll = frames }
        try table.finish()
    }

    private mutating func loadJournal(_ table: inout ConfigurationTable) throws(ConfigurationError) {
        if let directory = try table.string("directory") { journal.directory = directory }
        if let interval = try table.number("commit_interval_milliseconds", in: 0.01...5) {
            journal.commitIntervalMilliseconds = interval
        }
        if let backend = try table.string("backend") {
            guard backend == "uring" || backend == "plain" else {
                throw .invalidValue(key: table.fullPath("backend"), value: backend, expected: "\"uring\" or \"plain\"")
            }
            journal.backend = backend
        }
        try table.finish()
    }

    private mutating func loadStore(_ table: inout ConfigurationTable) throws(ConfigurationError) {
        if let path = try table.string("sqlite_path") { store.sqlitePath = path }
        if let url = try table.string("postgres_url") {
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                throw .invalidValue(key: table.fullPath("postgres_url"), value: url, expected: "a postgres:// URL")
            }
            store.postgresURL = url
        }
        if let password = try Self.secretSource(&table, environmentKey: "postgres_password_env",
                                                fileKey: "postgres_password_file") {
            store.postgresPassword = password
        }
        try table.finish()
    }

    private mutating func loadPaper(_ table: inout ConfigurationTable) throws(ConfigurationError) {
        if let equity = try table.number("starting_equity_usdt", in: 1...1e12) { paper.startingEquityUSDT = equity }
        if let latency = try table.number("latency_microseconds", in: 0...10_000_000) { paper.latencyMicroseconds = latency }
        paper.makerFeeBasisPoints = try table.number("maker_fee_basis_points", in: -10...100)
        paper.takerFeeBasisPoints = try table.number("taker_fee_basis_points", in: 0...100)
        if (paper.makerFeeBasisPoints == nil) != (paper.takerFeeBasisPoints == nil) {
            throw .invalidValue(key: table.fullPath("maker_fee_basis_points"), value: "only one of maker/taker set",
                                expected: "both maker_fee_basis_points and taker_fee_basis_points")
        }
        try table.finish()
    }

    private mutating func loadSignals(_ table: inout ConfigurationTable) throws(ConfigurationError) {
        let second = 1_000_000_000.0
        if let seconds = try table.number("regime_timeframe_seconds", in: 1...86_400) {
            signals.regime.timeframe = CandleTimeframe(nanoseconds: Int64(seconds * second))
        }
        if let timeframes = try table.numbers("confirmation_timeframes_seconds") {
            guard timeframes.count == 2, timeframes.allSatisfy({ $0 >= 1 && $0 <= 7 * 86_400 }) else {
                throw .invalidValue(key: table.fullPath("confirmation_timeframes_seconds"), value: "\(timeframes)",
                                    expected: "two timeframes in seconds, each 1…604800")
            }
            signals.confirmation.higherTimeframes = (CandleTimeframe(nanoseconds: Int64(timeframes[0] * second)),
                                                     CandleTimeframe(nanoseconds: Int64(timeframes[1] * second)))
        }
        if let agreement = try table.integer("required_agreement", in: 0...3) { signals.confirmation.requiredAgreement = agreement }
        if let cooldown = try table.number("cooldown_seconds", in: 0...86_400) { signals.cooldown = Int64(cooldown * second) }
        if let confidence = try table.number("minimum_confidence", in: 0...1) { signals.minimumConfidence = confidence }
        if let edge = try table.number("minimum_edge_basis_points", in: -10_000...10_000) { signals.minimumEdgeBasisPoints = edge }
        if let calibrate = try table.bool("apply_calibration") { signals.applyCalibration = calibrate }
        try table.finish()
    }

    private mutating func loadExits(_ table: inout ConfigurationTable) throws(ConfigurationError) {
        let fraction = 0.0...1.0
        if let value = try table.bool("stop_loss_enabled") { exits.stopLossEnabled = value }
        if let value = try table.number("stop_loss_fraction", in: fraction) { exits.stopLossFraction = value }
        if let value = try table.bool("take_profit_enabled") { exits.takeProfitEnabled = value }
        if let value = try table.number("take_profit_fraction", in: 0...10) { exits.takeProfitFraction = value }
        if let value = try table.bool("trailing_enabled") { exits.trailingEnabled = value }
        if let value = try table.number("trailing_activation_fraction", in: fraction) { exits.trailingActivationFraction = value }
        if let value = try table.number("trailing_giveback_fraction", in: fraction) { exits.trailingGivebackFraction = value }
        if let value = try table.bool("break_even_enabled") { exits.breakEvenEnabled = value }
        if let value = try table.number("break_even_trigger_fraction", in: fraction) { exits.breakEvenTriggerFraction = value }
        if let value = try table.bool("partials_enabled") { exits.partialsEnabled = value }
        let levels = try table.numbers("partial_profit_fractions")
        let shares = try table.numbers("partial_shares")
        if let levels { exits.partialProfitFractions = levels }
        if let shares { exits.partialShares = shares }
        if levels != nil || shares != nil {
            guard exits.partialProfitFractions.count == exits.partialShares.count,
                  exits.partialShares.allSatisfy({ $0 > 0 }), abs(exits.partialShares.reduce(0, +) - 1) < 1e-9
            else {
                throw .invalidValue(key: table.fullPath("partial_shares"), value: "\(exits.partialShares)",
                                    expected: "one positive share per partial level, summing to 1")
            }
        }
        if let value = try table.bool("time_exit_enabled") { exits.timeExitEnabled = value }
        if let value = try table.number("max_hold_seconds", in: 1...(30 * 86_400)) { exits.maxHoldSeconds = value }
        if let value = try table.bool("emergency_stop_enabled") { exits.emergencyStopEnabled = value }
        if let value = try table.number("emergency_stop_fraction", in: 0.001...RiskHardCaps.maximumEmergencyStopFraction) {
            exits.emergencyStopFraction = value
        }
        try table.finish()
    }

    private mutating func loadOps(_ table: inout ConfigurationTable) throws(ConfigurationError) {
        if let enabled = try table.bool("enabled") { ops.enabled = enabled }
        if let bind = try table.string("bind") { ops.bind = bind }
        if let port = try table.integer("port", in: 0...65_535) { ops.port = port }
        if let token = try Self.secretSource(&table, environmentKey: "token_env", fileKey: "token_file") { ops.token = token }
        try table.finish()
    }

    private mutating func loadConsensus(_ table: inout ConfigurationTable) throws(ConfigurationError) {
        if let enabled = try table.bool("enabled") { consensus.enabled = enabled }
        if let url = try table.string("base_url") {
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                throw .invalidValue(key: table.fullPath("base_url"), value: url, expected: "an http:// or https:// URL")
            }
            consensus.baseURL = url
        }
        if let key = try Self.secretSource(&table, environmentKey: "api_key_env", fileKey: "api_key_file") {
            consensus.apiKey = key
        }
        if let models = try table.strings("models") {
            guard (1...8).contains(models.count) else {
                throw .invalidValue(key: table.fullPath("models"), value: "\(models.count) models", expected: "1 to 8 models")
            }
            consensus.models = models
        }
        if let quorum = try table.integer("quorum", in: 1...8) { consensus.quorum = quorum }
        guard consensus.quorum <= consensus.models.count else {
            throw .invalidValue(key: table.fullPath("quorum"), value: "\(consensus.quorum)",
                                expected: "at most the number of models (\(consensus.models.count))")
        }
        if let value = try table.number("request_timeout_seconds", in: 1...600) { consensus.requestTimeoutSeconds = value }
        if let value = try table.number("cadence_seconds", in: 10...86_400) { consensus.cadenceSeconds = value }
        if let value = try table.number("bias_lifetime_seconds", in: 10...86_400) { consensus.biasLifetimeSeconds = value }
        if let value = try table.number("feedback_horizon_seconds", in: 10...604_800) { consensus.feedbackHorizonSeconds = value }
        if let value = try table.number("accuracy_threshold", in: 0...1) { consensus.accuracyThreshold = value }
        if let value = try table.number("down_weight_scale", in: 0...1) { consensus.downWeightScale = value }
        if let value = try table.integer("requests_per_minute", in: 1...10_000) { consensus.requestsPerMinute = value }
        if let value = try table.integer("tokens_per_day", in: 1_000...1_000_000_000) { consensus.tokensPerDay = value }
        try table.finish()
    }

    private mutating func loadRisk(_ table: TOMLTable) throws(ConfigurationError) {
        for key in table.keys.sorted() {
            guard let value = table[key] else { continue }
            let limitValue: RiskLimitValue
            if let integer = value.int {
                limitValue = .integer(integer)
            } else if let number = value.double {
                limitValue = .number(number)
            } else if let text = value.string {
                limitValue = .text(text)
            } else {
                throw .wrongType(key: "risk.\(key)", expected: "a number or a string")
            }
            do {
                try risk.set(key, to: limitValue)
            } catch .unknownKey {
                throw .unknownKey("risk.\(key)")
            } catch .wrongType(_, let expected) {
                throw .wrongType(key: "risk.\(key)", expected: expected)
            } catch {
                throw .risk(error)
            }
        }
    }
}
