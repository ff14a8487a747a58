@testable import AsymConsensus
import Foundation
import Testing

/// Configuration defaults, validation, key loading and the typed errors of each failure.
@Suite struct ConsensusConfigurationTests {
    @Test func defaultsAreOpenRouterAndTheOriginalAgentsPanel() throws {
        let configuration = ConsensusConfiguration()
        #expect(configuration.baseURL == "https://openrouter.ai/api/v1")
        #expect(configuration.apiKeyEnvironmentVariable == "OPENROUTER_API_KEY")
        #expect(configuration.models == ["x-ai/grok-4-fast", "qwen/qwen3-max", "deepseek/deepseek-chat-v3.1"])
        #expect(configuration.quorum == 2 && configuration.cadence == 1_800_000_000_000)
        #expect(configuration.accuracyThreshold == 0.55)
        #expect(configuration.chatCompletionsURL == "https://openrouter.ai/api/v1/chat/completions")
        #expect(!configuration.isLoopback)
        try configuration.validate()
    }

    @Test func loopbackNeedsNoKeyButARemoteEndpointDoes() throws {
        var configuration = ConsensusConfiguration(baseURL: "http://127.0.0.1:9/v1")
        #expect(configuration.isLoopback)
        #expect(try APIKey.load(for: configuration, environment: [:]) == nil)
        _ = try ChatCompletionsClient(configuration: configuration, apiKey: nil)
        configuration.baseURL = "https://openrouter.ai/api/v1"
        #expect(throws: ConsensusError.missingAPIKey(environmentVariable: "OPENROUTER_API_KEY")) {
            _ = try APIKey.load(for: configuration, environment: [:])
        }
        #expect(throws: ConsensusError.missingAPIKey(environmentVariable: "OPENROUTER_API_KEY")) {
            _ = try ChatCompletionsClient(configuration: configuration, apiKey: nil)
        }
        let key = try #require(try APIKey.load(for: configuration, environment: ["OPENROUTER_API_KEY": "sk-env\n"]))
        #expect(key.secret == "sk-env")
    }

    @Test func aKeyFileMustBeOwnerOnly() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.path + "/key"
        _ = FileManager.default.createFile(atPath: path, contents: Data("sk-file\n".utf8), attributes: [.posixPermissions: 0o644])
        var configuration = ConsensusConfiguration(apiKeyFile: path)
        #expect(throws: ConsensusError.apiKeyFilePermissions(path: path, mode: 0o644)) {
            _ = try APIKey.load(for: configuration, environment: [:])
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        #expect(try APIKey.load(for: configuration, environment: [:])?.secret == "sk-file")
        configuration.apiKeyFile = scratch.path + "/missing"
        #expect(throws: ConsensusError.apiKeyFileUnreadable(path: scratch.path + "/missing")) {
            _ = try APIKey.load(for: configuration, environment: [:])
        }
    }

    @Test func malformedKeysAreRefused() {
        #expect(throws: ConsensusError.malformedAPIKey) { _ = try APIKey("  \n") }
        #expect(throws: ConsensusError.malformedAPIKey) { _ = try APIKey("sk\r\nX-Injected: 1") }
    }

    @Test func invalidValuesAreTypedErrors() {
        func fails(_ adjust: (inout ConsensusConfiguration) -> Void) -> Bool {
            var configuration = ConsensusConfiguration()
            adjust(&configuration)
            do {
                try configuration.validate()
                return false
            } catch {
                return true
            }
        }
        #expect(fails { $0.quorum = 4 })
        #expect(fails { $0.quorum = 0 })
        #expect(fails { $0.models = [] })
        #expect(fails { $0.models = Array(repeating: "m", count: 9) })
        #expect(fails { $0.accuracyThreshold = 1.5 })
        #expect(fails { $0.downWeightScale = -0.1 })
        #expect(fails { $0.feedbackMinimumSamples = 100 })
        #expect(fails { $0.modelTimeouts = [0] })
        #expect(fails { $0.maximumAttempts = 0 })
        #expect(throws: ConsensusError.invalidBaseURL("ftp://example.com")) {
            var configuration = ConsensusConfiguration()
            configuration.baseURL = "ftp://example.com"
            try configuration.validate()
        }
    }

    @Test func hostsAreRecognisedAsLoopbackOnlyWhenTheyAre() {
        #expect(ConsensusConfiguration.host(of: "http://localhost:8080/v1") == "localhost")
        #expect(ConsensusConfiguration.host(of: "http://[::1]:8080/v1") == "[::1]")
        #expect(ConsensusConfiguration(baseURL: "http://[::1]:8080/v1").isLoopback)
        #expect(ConsensusConfiguration(baseURL: "http://127.0.0.1:9/v1").isLoopback)
        #expect(!ConsensusConfiguration(baseURL: "http://127.evil.example/v1").isLoopback)
        #expect(!ConsensusConfiguration(baseURL: "https://10.0.0.1/v1").isLoopback)
    }

    @Test func theServiceRefusesAPanelOfTheWrongSize() throws {
        let recorded = RecordedVotes(models: ["a", "b"], votes: [], publications: [])
        #expect(throws: ConsensusError.self) {
            _ = try ConsensusService(instrument: ConsensusFixture.instrument, symbol: "X", configuration: ConsensusConfiguration(),
                                     panel: recorded, briefs: MarketBriefCell(instrument: ConsensusFixture.instrument),
                                     bias: AdvisoryBiasCell(instrument: ConsensusFixture.instrument), outbox: nil)
        }
    }

    @Test func theEndpointServesLoopbackOnly() async {
        let endpoint = AnalystsEndpoint(configuration: AnalystsEndpointConfiguration(host: "0.0.0.0"))
        await #expect(throws: AnalystsEndpointError.notLoopback("0.0.0.0")) { _ = try await endpoint.start() }
    }
}
