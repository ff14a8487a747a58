@testable import AsymConsensus
import Foundation
import Testing
import TestSupport

/// The loopback endpoint as a server: its model list, start failures, and stopping while a request hangs.
@Suite struct AnalystsEndpointTests {
    @Test func listsTheModelsItAnswersTo() async throws {
        let endpoint = AnalystsEndpoint()
        let port = try await endpoint.start()
        let response = try LoopbackPortHTTPClient.get(port: port, target: "/v1/models")
        await endpoint.stop()
        #expect(response.status == 200)
        let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        let ids = (object?["data"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(Set(ids) == Set(AnalystsEndpointConfiguration.defaultModels.keys))
        #expect(ConsensusConfiguration.defaultModels.allSatisfy(ids.contains))
    }

    @Test func aPortInUseIsAStartFailureAndASecondStartIsRefused() async throws {
        let first = AnalystsEndpoint()
        let port = try await first.start()
        await #expect(throws: AnalystsEndpointError.alreadyStarted) { _ = try await first.start() }
        let second = AnalystsEndpoint(configuration: AnalystsEndpointConfiguration(port: port))
        await #expect(throws: AnalystsEndpointError.self) { _ = try await second.start() }
        await first.stop()
    }

    @Test func stoppingEndsAHangingRequest() async throws {
        let logs = LogLines()
        let endpoint = AnalystsEndpoint(configuration: AnalystsEndpointConfiguration(log: { line in logs.append(line) }))
        _ = try await endpoint.start()
        endpoint.setFault(.hang(seconds: 600), model: "momentum")
        let configuration = ConsensusConfiguration(baseURL: endpoint.baseURL, models: ["momentum"],
                                                   requestTimeout: 30 * ConsensusFixture.second, quorum: 1)
        let client = try ChatCompletionsClient(configuration: configuration, apiKey: nil)
        let exchange = Task { await client.exchange(analyst: 0, messages: [ChatMessage(role: "user", content: "hi")]) }
        while endpoint.statistics.totalRequests == 0 { try await Task.sleep(for: .milliseconds(5)) }
        await endpoint.stop()
        let outcome = await exchange.value.outcome
        // The held request is answered (HOLD: the message has no brief) as the server shuts down.
        #expect(try AnalystReplyParser.parse(content: outcome.get().content).get().action == .hold)
        #expect(logs.all.contains { $0.contains("Server started") })
    }
}
