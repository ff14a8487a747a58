import AsymRisk
import Foundation

extension AsymConfiguration {
    /// The effective configuration as TOML (every default filled in). Secrets appear only as where they come from
    /// (`api_key_env = "NAME"`), never as values, so this is safe to print and to log.
    public var effectiveTOML: String {
        func quoted(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        func number(_ value: Double) -> String { value == value.rounded() && abs(value) < 1e15 ? String(format: "%.1f", value) : "\(value)" }
        func secret(_ source: SecretSource, _ environmentKey: String, _ fileKey: String) -> String {
            switch source {
            case .environment(let name): "\(environmentKey) = \(quoted(name))"
            case .file(let path): "\(fileKey) = \(quoted(path))"
            }
        }
        let second = 1e9
        var lines = ["mode = \(quoted(mode.rawValue))", "source = \(quoted(source.description))", "", "[risk]"]
        lines += risk.canonicalText.split(separator: "\n").map { line -> String in
            line.hasPrefix("advisory_mode = ") ? "advisory_mode = \"\(risk.advisoryMode)\"" : String(line)
        }
        for venue in venues {
            lines += ["", "[venues.\(venue.venue)]"]
            if let symbols = venue.symbols { lines.append("symbols = [\(symbols.map(quoted).joined(separator: ", "))]") }
            if let base = venue.baseURL { lines.append("base_url = \(quoted(base))") }
            lines.append(secret(venue.apiKey, "api_key_env", "api_key_file"))
            lines.append(secret(venue.apiSecret, "api_secret_env", "api_secret_file"))
        }
        lines += ["", "[engine]", "engine_core = \(engine.engineCore ?? -1)",
                  "idle_sleep_microseconds = \(engine.idleSleepMicroseconds)",
                  "status_interval_milliseconds = \(engine.statusIntervalMilliseconds)",
                  "frames_per_poll = \(engine.framesPerPoll)"]
        lines += ["", "[journal]", "directory = \(quoted(journal.directory))",
                  "commit_interval_milliseconds = \(number(journal.commitIntervalMilliseconds))",
                  "backend = \(quoted(journal.backend))"]
        lines += ["", "[store]", "sqlite_path = \(quoted(store.sqlitePath))"]
        if let url = store.postgresURL { lines.append("postgres_url = \(quoted(url))") }
        lines.append(secret(store.postgresPassword, "postgres_password_env", "postgres_password_file"))
        lines += ["", "[paper]", "starting_equity_usdt = \(number(paper.startingEquityUSDT))",
                  "latency_microseconds = \(number(paper.latencyMicroseconds))"]
        if let maker = paper.makerFeeBasisPoints, let taker = paper.takerFeeBasisPoints {
            lines += ["maker_fee_basis_points = \(number(maker))", "taker_fee_basis_points = \(number(taker))"]
        }
        let timeframes = signals.confirmation.higherTimeframes
        lines += ["", "[signals]",
                  "regime_timeframe_seconds = \(number(Double(signals.regime.timeframe.nanoseconds) / second))",
                  "confirmation_timeframes_seconds = [\(number(Double(timeframes.0.nanoseconds) / second)), "
                    + "\(number(Double(timeframes.1.nanoseconds) / second))]",
                  "required_agreement = \(signals.confirmation.requiredAgreement)",
                  "cooldown_seconds = \(number(Double(signals.cooldown) / second))",
                  "minimum_confidence = \(number(signals.minimumConfidence))",
                  "minimum_edge_basis_points = \(number(signals.minimumEdgeBasisPoints))",
                  "apply_calibration = \(signals.applyCalibration)"]
        lines += ["", "[exits]",
                  "stop_loss_enabled = \(exits.stopLossEnabled)", "stop_loss_fraction = \(number(exits.stopLossFraction))",
                  "take_profit_enabled = \(exits.takeProfitEnabled)", "take_profit_fraction = \(number(exits.takeProfitFraction))",
                  "trailing_enabled = \(exits.trailingEnabled)",
                  "trailing_activation_fraction = \(number(exits.trailingActivationFraction))",
                  "trailing_giveback_fraction = \(number(exits.trailingGivebackFraction))",
                  "break_even_enabled = \(exits.breakEvenEnabled)",
                  "break_even_trigger_fraction = \(number(exits.breakEvenTriggerFraction))",
                  "partials_enabled = \(exits.partialsEnabled)",
                  "partial_profit_fractions = [\(exits.partialProfitFractions.map(number).joined(separator: ", "))]",
                  "partial_shares = [\(exits.partialShares.map(number).joined(separator: ", "))]",
                  "time_exit_enabled = \(exits.timeExitEnabled)", "max_hold_seconds = \(number(exits.maxHoldSeconds))",
                  "emergency_stop_enabled = \(exits.emergencyStopEnabled)",
                  "emergency_stop_fraction = \(number(exits.emergencyStopFraction))"]
        lines += ["", "[ops]", "enabled = \(ops.enabled)", "bind = \(quoted(ops.bind))", "port = \(ops.port)",
                  secret(ops.token, "token_env", "token_file")]
        lines += ["", "[consensus]", "enabled = \(consensus.enabled)", "base_url = \(quoted(consensus.baseURL))",
                  secret(consensus.apiKey, "api_key_env", "api_key_file"),
                  "models = [\(consensus.models.map(quoted).joined(separator: ", "))]", "quorum = \(consensus.quorum)",
                  "request_timeout_seconds = \(number(consensus.requestTimeoutSeconds))",
                  "cadence_seconds = \(number(consensus.cadenceSeconds))",
                  "bias_lifetime_seconds = \(number(consensus.biasLifetimeSeconds))",
                  "feedback_horizon_seconds = \(number(consensus.feedbackHorizonSeconds))",
                  "accuracy_threshold = \(number(consensus.accuracyThreshold))",
                  "down_weight_scale = \(number(consensus.downWeightScale))",
                  "requests_per_minute = \(consensus.requestsPerMinute)", "tokens_per_day = \(consensus.tokensPerDay)"]
        return lines.joined(separator: "\n") + "\n"
    }
}
