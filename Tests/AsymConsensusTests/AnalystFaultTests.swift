@testable import AsymConsensus
import AsymCore
import Testing

/// Every fault the loopback endpoint can put on ends in a counted abstention or a successful retry, never a
/// crash, and the engine side keeps reading while a round waits.
@Suite struct AnalystFaultTests {
    typealias F = ConsensusFixture

    @Test func aHangingAnalystTimesOutWhileTheEngineThreadKeepsReadingAndPublishing() async throws {
        let rig = try await ConsensusRig.start { $0.modelTimeouts = [3 * F.second, 30 * F.second, 30 * F.second] }
        let previous = AdvisoryBias(instrument: F.instrument, direction: .short, strength: 1, confidence: 0.9,
                                    agreeingModels: 0b111, createdAt: F.start - F.minute,
                                    expiresAt: F.start - F.minute + rig.configuration.biasLifetime)
        rig.bias.publish(previous)
        rig.endpoint.setFault(.hang(seconds: 60), model: rig.model(0))
        let probe = EngineThreadProbe()
        probe.start(bias: rig.bias, briefs: rig.briefs, brief: F.allBuy(), lifetime: rig.configuration.biasLifetime)
        let readsBefore = probe.reads
        let report = try #require(await rig.round(F.allBuy()))
        let readsDuringRound = probe.reads - readsBefore
        probe.stop()
        #expect(report.votes[0].abstention == .timeout)
        #expect(report.bias?.agreeingModels == 0b110)
        #expect(readsDuringRound > 0)
        #expect(probe.briefsPublished > 0)
        #expect(probe.inconsistentReads == 0)
        #expect(rig.bias.current == report.bias)
        #expect(rig.service.counters.snapshot.attemptErrors[.timeout] == 1)
        await rig.stop()
    }

    @Test func tooManyRequestsIsRetriedAfterExactlyTheRetryAfterDelay() async throws {
        let rig = try await ConsensusRig.start()
        rig.endpoint.setFault(.tooManyRequests(retryAfterSeconds: 2), model: rig.model(1), times: 1)
        let report = try #require(await rig.round(F.allBuy()))
        #expect(report.votes[1].action == .buy)
        #expect(rig.clock.sleeps == [2 * F.second])
        #expect(rig.endpoint.statistics.requests[rig.model(1)] == 2)
        let counters = rig.service.counters.snapshot
        #expect(counters.retries == 1)
        #expect(counters.attemptErrors[.rateLimited] == 1)
        #expect(counters.totalAbstentions == 0)
        await rig.stop()
    }

    @Test func aRetryAfterLongerThanTheMaximumWaitIsAnAbstentionWithoutWaiting() async throws {
        let rig = try await ConsensusRig.start { $0.maximumRetryDelay = F.second }
        rig.endpoint.setFault(.tooManyRequests(retryAfterSeconds: 30), model: rig.model(2))
        let report = try #require(await rig.round(F.allBuy()))
        #expect(report.votes[2].abstention == .rateLimited)
        #expect(rig.clock.sleeps.isEmpty)
        #expect(rig.endpoint.statistics.requests[rig.model(2)] == 1)
        await rig.stop()
    }

    @Test func aServerErrorIsRetriedWithBackoffAndPersistentOnesAbstainAfterTheLastAttempt() async throws {
        let rig = try await ConsensusRig.start()
        rig.endpoint.setFault(.serverError(status: 500), model: rig.model(0), times: 1)
        rig.endpoint.setFault(.serverError(status: 502), model: rig.model(1))
        let report = try #require(await rig.round(F.allBuy()))
        #expect(report.votes[0].action == .buy)
        #expect(report.votes[1].abstention == .serverError)
        #expect(rig.endpoint.statistics.requests[rig.model(1)] == rig.configuration.maximumAttempts)
        // Backoff doubles from the base delay; analyst 0 needed one wait, analyst 1 two.
        let base = rig.configuration.retryBaseDelay
        #expect(rig.clock.sleeps.sorted() == [base, base, 2 * base])
        await rig.stop()
    }

    @Test func garbageAndPartialJSONAreUnparseableAbstentionsWithoutRetries() async throws {
        let rig = try await ConsensusRig.start()
        rig.endpoint.setFault(.garbage, model: rig.model(0))
        rig.endpoint.setFault(.partialJSON, model: rig.model(1))
        let report = try #require(await rig.round(F.allBuy()))
        #expect(report.votes[0].abstention == .unparseable)
        #expect(report.votes[1].abstention == .unparseable)
        #expect(report.votes[2].action == .buy)
        #expect(report.bias == nil)
        #expect(rig.endpoint.statistics.requests[rig.model(0)] == 1)
        #expect(rig.endpoint.statistics.requests[rig.model(1)] == 1)
        await rig.stop()
    }

    @Test func aDripSlowerThanTheTimeoutAbstainsAndAFastOneIsRead() async throws {
        let rig = try await ConsensusRig.start { $0.modelTimeouts = [2 * F.second, 30 * F.second, 30 * F.second] }
        rig.endpoint.setFault(.slowDrip(chunkBytes: 8, intervalMilliseconds: 50), model: rig.model(0))
        rig.endpoint.setFault(.slowDrip(chunkBytes: 256, intervalMilliseconds: 5), model: rig.model(1))
        let report = try #require(await rig.round(F.allBuy()))
        #expect(report.votes[0].abstention == .timeout)
        #expect(report.votes[1].action == .buy)
        #expect(report.bias?.agreeingModels == 0b110)
        await rig.stop()
    }

    @Test func chattyFencedJSONIsExtractedAndOutOfRangeConfidenceAbstains() async throws {
        let rig = try await ConsensusRig.start()
        rig.endpoint.setFault(.chattyJSON, model: rig.model(0))
        rig.endpoint.setFault(.outOfRange, model: rig.model(1))
        let report = try #require(await rig.round(F.allBuy()))
        #expect(report.votes[0].action == .buy)
        #expect(report.votes[1].abstention == .outOfRange)
        await rig.stop()
    }

    @Test func anEndpointWithoutStructuredOutputIsAskedAgainWithoutIt() async throws {
        let rig = try await ConsensusRig.start()
        rig.endpoint.setFault(.rejectsResponseFormat, model: rig.model(2))
        let report = try #require(await rig.round(F.allBuy()))
        #expect(report.votes[2].action == .buy)
        #expect(!rig.client.usesStructuredOutput(analyst: 2))
        #expect(rig.client.usesStructuredOutput(analyst: 0))
        #expect(rig.endpoint.statistics.requests[rig.model(2)] == 2)
        #expect(rig.clock.sleeps.isEmpty)
        _ = try #require(await rig.round(F.allBuy(time: F.start + F.minute)))
        #expect(rig.endpoint.statistics.requests[rig.model(2)] == 3)
        await rig.stop()
    }

    @Test func anUnknownModelIsAnHTTPStatusAbstention() async throws {
        let rig = try await ConsensusRig.start { $0.models[1] = "nobody/unknown-model" }
        let report = try #require(await rig.round(F.allBuy()))
        #expect(report.votes[1].abstention == .httpStatus)
        #expect(report.abstentionDetails[1]?.detail == "HTTP 404")
        await rig.stop()
    }

    @Test func aRefusedConnectionIsRetriedThenATransportAbstention() async throws {
        let endpoint = AnalystsEndpoint()
        let port = try await endpoint.start()
        await endpoint.stop()
        var configuration = ConsensusConfiguration(baseURL: "http://127.0.0.1:\(port)/v1", retryBaseDelay: 1_000_000)
        configuration.maximumAttempts = 2
        let clock = SteppingClock(start: F.start)
        let client = try ChatCompletionsClient(configuration: configuration, apiKey: nil, clock: clock)
        let exchange = await client.exchange(analyst: 0, messages: [ChatMessage(role: "user", content: "hi")])
        #expect(exchange.outcome.failureReason == .transport)
        #expect(exchange.attempts.count == 2)
        #expect(clock.sleeps == [1_000_000])
    }
}

extension Result where Failure == ChatFailure {
    var failureReason: AbstentionReason? {
        if case .failure(let failure) = self { return failure.abstentionReason }
        return nil
    }
}
