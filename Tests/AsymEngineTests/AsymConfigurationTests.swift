import AsymEngine
import AsymRisk
import Foundation
import Testing

@Suite struct AsymConfigurationTests {
    @Test func theShippedExampleLoadsAndEqualsTheDefaults() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let loaded = try AsymConfiguration.load(path: root.appendingPathComponent("asym.toml").path)
        #expect(loaded.risk == RiskLimits())
    }

    @Test func anUnknownKeyFailsWithItsFullPath() {
        #expect(throws: ConfigurationError.self) { try AsymConfiguration.parse("[risk]\nmax_leverag = 5\n") }
        do {
            _ = try AsymConfiguration.parse("[risk]\nmax_leverag = 5\n")
        } catch {
            #expect(error.description == "unknown key risk.max_leverag")
        }
        do {
            _ = try AsymConfiguration.parse("[riks]\nmax_leverage = 5\n")
        } catch {
            #expect(error.description == "unknown key riks")
        }
    }

    @Test func aValueOverAHardCapFails() {
        do {
            _ = try AsymConfiguration.parse("[risk]\nmax_leverage = 50\n")
            Issue.record("50x was accepted")
        } catch {
            #expect(error.description == "risk.max_leverage = 50.0 exceeds the compiled hard cap 10.0")
        }
    }

    @Test func aWrongTypeAndBadSyntaxFailClearly() {
        do {
            _ = try AsymConfiguration.parse("[risk]\nmax_leverage = \"ten\"\n")
            Issue.record("text leverage was accepted")
        } catch {
            #expect(error.description == "risk.max_leverage must be an integer")
        }
        do {
            _ = try AsymConfiguration.parse("[risk\nmax_leverage = 5\n")
            Issue.record("bad TOML was accepted")
        } catch {
            #expect(error.description.hasPrefix("asym.toml:1:"))
        }
    }

    @Test func effectiveConfigurationRoundTrips() throws {
        let text = try AsymConfiguration.parse("[risk]\nmax_spoof_score = 0.4\nadvisory_mode = \"veto\"\n").effectiveTOML
        #expect(text.contains("max_spoof_score = 0.4"))
        #expect(text.contains("advisory_mode = \"veto\""))
        #expect(try AsymConfiguration.parse(text).risk.maxSpoofScore == 0.4)
    }

    static func failure(_ text: String) -> String? {
        do {
            _ = try AsymConfiguration.parse(text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func unknownKeysInEverySectionFailWithTheirFullPath() {
        #expect(Self.failure("[venues.bybit]\nsymbol = [\"BTCUSDT\"]\n") == "unknown key venues.bybit.symbol")
        #expect(Self.failure("[venues.kraken]\nsymbols = [\"XBTUSD\"]\n") == "unknown key venues.kraken")
        #expect(Self.failure("[engine]\nengine_cores = 1\n") == "unknown key engine.engine_cores")
        #expect(Self.failure("[exits]\ntrailing_activation = 0.03\n") == "unknown key exits.trailing_activation")
        #expect(Self.failure("[ops]\ntoken = \"abc\"\n") == "unknown key ops.token", "a token is never a config value")
        #expect(Self.failure("moed = \"paper\"\n") == "unknown key moed")
    }

    @Test func valuesOutOfRangeOrMalformedFailWithTheKey() {
        #expect(Self.failure("[journal]\ncommit_interval_milliseconds = 50\n")
                == "journal.commit_interval_milliseconds = 50.0 is out of range (allowed 0.01…5.0)")
        #expect(Self.failure("[exits]\nemergency_stop_fraction = 0.2\n")?.hasPrefix("exits.emergency_stop_fraction = 0.2 is out of range") == true,
                "the emergency stop cannot be configured wider than the hard cap")
        #expect(Self.failure("mode = \"yolo\"\n") == "mode = yolo is not valid: expected \"paper\" or \"live\"")
        #expect(Self.failure("source = \"recording:\"\n")?.hasPrefix("source = recording: is not valid") == true)
        #expect(Self.failure("[venues.bybit]\nbase_url = \"http://x\"\n")?.hasPrefix("venues.bybit.base_url") == true)
        #expect(Self.failure("[exits]\npartial_shares = [0.5, 0.4, 0.2]\n")?.hasPrefix("exits.partial_shares") == true)
        #expect(Self.failure("[ops]\nport = \"80\"\n") == "ops.port must be an integer")
        #expect(Self.failure("[venues.okx]\napi_key_env = \"A\"\napi_key_file = \"/k\"\n")?.hasPrefix("venues.okx.api_key_file") == true)
    }

    @Test func liveModeNeedsEveryVenuesKeysAndPaperModeNone() throws {
        let live = try AsymConfiguration.parse("mode = \"live\"\n[venues.bybit]\napi_key_env = \"K\"\napi_secret_env = \"S\"\n")
        do {
            try live.checkSecrets(environment: ["K": "key"])
            Issue.record("a missing secret was accepted")
        } catch {
            #expect(error.description == "venues.bybit.api_secret: the secret is missing (env:S is not set)")
        }
        try live.checkSecrets(environment: ["K": "key", "S": "secret"])
        try AsymConfiguration.parse("[venues.bybit]\n").checkSecrets(environment: [:])
    }

    @Test func aSecretFileOthersCanReadIsRefusedAndItsValueNeverPrints() throws {
        let path = NSTemporaryDirectory() + "asym-secret-\(UInt64.random(in: 0...UInt64.max))"
        defer { try? FileManager.default.removeItem(atPath: path) }
        FileManager.default.createFile(atPath: path, contents: Data("s3cr3t-value\n".utf8),
                                       attributes: [.posixPermissions: 0o644])
        do {
            _ = try SecretSource.file(path).resolve(configurationKey: "ops.token_file")
            Issue.record("a 0644 secret file was accepted")
        } catch {
            #expect(error.description.contains("has mode 644"))
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let secret = try SecretSource.file(path).resolve(configurationKey: "ops.token_file")
        #expect(secret.withValue { $0 } == "s3cr3t-value")
        #expect("\(secret)" == "<redacted>" && String(reflecting: secret) == "<redacted>")
        let configuration = try AsymConfiguration.parse("[ops]\ntoken_file = \"\(path)\"\n")
        #expect(!configuration.effectiveTOML.contains("s3cr3t"))
    }

    @Test func everySectionRoundTripsThroughTheEffectiveText() throws {
        let text = """
            mode = "paper"
            source = "recording:/data/btcusdt.gz"
            [venues.binance]
            symbols = ["BTCUSDT"]
            base_url = "ws://127.0.0.1:9000"
            [engine]
            engine_core = 1
            [journal]
            directory = "/var/lib/asym/journal"
            commit_interval_milliseconds = 1.5
            [paper]
            starting_equity_usdt = 5000
            maker_fee_basis_points = 1
            taker_fee_basis_points = 5
            [signals]
            regime_timeframe_seconds = 300
            confirmation_timeframes_seconds = [900, 3600]
            [exits]
            max_hold_seconds = 3600
            [ops]
            port = 0
            """
        let first = try AsymConfiguration.parse(text)
        #expect(first.source == .recording(path: "/data/btcusdt.gz"))
        #expect(first.venues.map(\.venue) == [.binance] && first.engine.engineCore == 1)
        #expect(first.signals.regime.timeframe.nanoseconds == 300_000_000_000)
        let second = try AsymConfiguration.parse(first.effectiveTOML)
        #expect(second.effectiveTOML == first.effectiveTOML)
    }
}
