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
}
