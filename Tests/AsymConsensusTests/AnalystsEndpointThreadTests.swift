@testable import AsymConsensus
import AsymTransport
import Foundation
import Testing
import TestSupport

/// The loopback endpoint needs none of Swift's shared pool: it answers while every pool thread is blocked, and
/// thread-based code starts and stops it without a task.
@Suite struct AnalystsEndpointThreadTests {
    @Test(.enabled(if: PoolBlockadeGate.isolated, "runs alone: scripts/test sets ASYM_POOL_BLOCKADE_TESTS"))
    func answersAndCompletesAChatWhileEverySharedPoolThreadIsBlocked() async throws {
        let endpoint = AnalystsEndpoint()
        let port = try endpoint.startBlocking()
        let configuration = ConsensusConfiguration(baseURL: endpoint.baseURL, models: ["momentum"],
                                                   requestTimeout: 30 * ConsensusFixture.second, quorum: 1)
        let client = try ChatCompletionsClient(configuration: configuration, apiKey: nil)
        // The probe: a raw GET from a plain thread, and a chat exchange whose async glue runs on an executor of its
        // own (its libcurl transfer runs on the client's own dispatch queue).
        let result = await PoolBlockade.run {
            let models = Result { try LoopbackPortHTTPClient.get(port: port, target: "/v1/models") }
            let executor = ThreadTaskExecutor(threadName: "pool-probe")
            let chat = OneShot<ChatExchange>()
            Task(executorPreference: executor) {
                chat.fulfil(await client.exchange(analyst: 0, messages: [ChatMessage(role: "user", content: "hi")]))
            }
            let exchange = chat.wait()
            executor.shutdown()
            return (models: models, chat: exchange)
        }
        endpoint.stopBlocking()

        #expect(result.whileHeld, "answered only after the pool was released")
        #expect(try result.value.models.get().status == 200)
        #expect(try AnalystReplyParser.parse(content: result.value.chat.outcome.get().content).get().action == .hold)
        #expect(endpoint.statistics.requests["momentum"] == 1)
    }

    @Test func startsAndStopsFromPlainThreadCode() throws {
        let endpoint = AnalystsEndpoint()
        let port = try endpoint.startBlocking()
        #expect(endpoint.port == port)
        #expect(try LoopbackPortHTTPClient.get(port: port, target: "/v1/models").status == 200)
        #expect(throws: AnalystsEndpointError.alreadyStarted) { _ = try endpoint.startBlocking() }
        let second = AnalystsEndpoint(configuration: AnalystsEndpointConfiguration(port: port))
        #expect {
            _ = try second.startBlocking()
        } throws: { error in
            guard case .startFailed = error as? AnalystsEndpointError else { return false }
            return true
        }
        endpoint.stopBlocking()
        endpoint.stopBlocking()  // a second stop does nothing
        #expect(throws: AnalystsEndpointError.notLoopback("10.0.0.1")) {
            _ = try AnalystsEndpoint(configuration: AnalystsEndpointConfiguration(host: "10.0.0.1")).startBlocking()
        }
    }
}
