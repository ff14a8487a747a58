@testable import AsymConsensus
import AsymCore
import AsymJournal
import AsymTransport
import Foundation
import Testing

/// Rounds are journalled through the outbox (requests redacted, responses, votes, publications), replay from the
/// journal without HTTP, and the API key appears in no journal byte and no log line.
@Suite struct ConsensusJournalTests {
    typealias F = ConsensusFixture

    static func journal(_ directory: String) throws -> Journal {
        var configuration = JournalConfiguration(directory: directory)
        configuration.backend = .plain
        configuration.commitInterval = 1_000_000
        let journal = try Journal(configuration: configuration)
        journal.start()
        return journal
    }

    /// The briefs of a short session: agreement, a split, agreement the other way, two of three.
    static let briefs = [F.allBuy(), F.split(time: F.start + 30 * F.minute), F.allSell(time: F.start + 60 * F.minute),
                         F.twoBuyOneHold(time: F.start + 90 * F.minute)]

    @Test func aRoundIsJournalledAndReplaysToTheSameBiasesWithoutHTTP() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let rig = try await ConsensusRig.start()
        let journal = try Self.journal(scratch.path)
        var live: [AdvisoryBias?] = []
        for brief in Self.briefs {
            let report = try #require(await rig.round(brief))
            live.append(report.bias)
            #expect(rig.outbox.drain(into: journal) > 0)
        }
        #expect(rig.outbox.pendingRecords == 0 && rig.outbox.droppedRecords == 0)
        try journal.close()
        let requestsServed = rig.endpoint.statistics.totalRequests
        #expect(requestsServed == 3 * Self.briefs.count)

        let recorded = try RecordedVotes(journalDirectory: scratch.path, models: rig.configuration.models)
        #expect(recorded.votes.count == 3 * Self.briefs.count)
        #expect(recorded.publications.count == Self.briefs.count)
        #expect(recorded.publications.map(\.bias) == live)
        #expect(recorded.biases(of: F.instrument) == live.compactMap { $0 })

        // Replay: same briefs at the same times, votes from the journal.
        let clock = SteppingClock(start: F.start)
        let briefs = MarketBriefCell(instrument: F.instrument)
        let bias = AdvisoryBiasCell(instrument: F.instrument)
        let replay = try ConsensusService(instrument: F.instrument, symbol: "BTCUSDT", configuration: rig.configuration,
                                          panel: recorded, briefs: briefs, bias: bias, outbox: nil, clock: clock)
        var replayed: [AdvisoryBias?] = []
        for brief in Self.briefs {
            clock.set(brief.time)
            briefs.publish(brief)
            replayed.append(try #require(await replay.runRound()).bias)
        }
        #expect(replayed == live)
        #expect(rig.endpoint.statistics.totalRequests == requestsServed)
        await rig.stop()
    }

    @Test func recordedBiasesFeedACellAtTheirPublicationTimes() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let rig = try await ConsensusRig.start()
        let journal = try Self.journal(scratch.path)
        for brief in Self.briefs.prefix(2) {
            _ = await rig.round(brief)
            rig.outbox.drain(into: journal)
        }
        try journal.close()
        let recorded = try RecordedVotes(journalDirectory: scratch.path, models: rig.configuration.models)
        let cell = AdvisoryBiasCell(instrument: F.instrument)
        var feed = RecordedBiasFeed(recorded, instrument: F.instrument)
        #expect(feed.advance(to: F.start - 1, cell: cell) == 0)
        #expect(feed.advance(to: F.start, cell: cell) == 1)
        #expect(cell.view(at: F.start).direction == .long)
        #expect(feed.advance(to: F.start + 30 * F.minute, cell: cell) == 1)
        #expect(!cell.view(at: F.start + 30 * F.minute).present)  // the split withdrew it
        await rig.stop()
    }

    @Test func journalledRequestsAndResponsesReassembleWithTheKeyRedacted() async throws {
        let rig = try await ConsensusRig.start(apiKey: try APIKey("sk-test-reassemble-0123456789"))
        _ = await rig.round(F.allBuy())
        var transcripts = AITranscripts()
        rig.outbox.drain { type, payload, _ in
            transcripts.add(type: type, payload: payload)
            return true
        }
        let request = try #require(transcripts.text(.init(roundTime: F.start, instrument: F.instrument, analyst: 0,
                                                          attempt: 1, isRequest: true)))
        let requestText = String(decoding: request, as: UTF8.self)
        #expect(requestText.hasPrefix("POST \(rig.configuration.chatCompletionsURL)\n"))
        #expect(requestText.contains("Authorization: Bearer [REDACTED]\n"))
        #expect(requestText.contains("\"model\":\"\(rig.model(0))\""))
        let responseKey = AITranscripts.Key(roundTime: F.start, instrument: F.instrument, analyst: 0, attempt: 1, isRequest: false)
        #expect(transcripts.status(responseKey) == 200)
        let response = try #require(transcripts.text(responseKey))
        #expect(ChatCompletion.decode(response, estimatedTokens: 0) != nil)
        #expect(transcripts.keys.count == 6)
        await rig.stop()
    }

    @Test func theAPIKeyAppearsInNoJournalByteAndNoLogLine() async throws {
        let secret = "sk-or-v1-FAKE-\(UUID().uuidString)-NEVER-PRINT-ME"
        let key = try APIKey(secret)
        #expect("\(key)" == "[REDACTED]" && String(reflecting: key) == "[REDACTED]")
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let rig = try await ConsensusRig.start(apiKey: key)
        let journal = try Self.journal(scratch.path)
        // Error paths too: a retried 429, a persistent 500, garbage, a wrong model.
        rig.endpoint.setFault(.tooManyRequests(retryAfterSeconds: 1), model: rig.model(0), times: 1)
        rig.endpoint.setFault(.serverError(status: 500), model: rig.model(1))
        _ = await rig.round(F.allBuy())
        rig.endpoint.setFault(.garbage, model: rig.model(2))
        _ = await rig.round(F.allSell(time: F.start + F.hour))
        rig.outbox.drain(into: journal)
        try journal.close()
        #expect(rig.endpoint.statistics.authorizedRequests == rig.endpoint.statistics.totalRequests)

        let needle = Array(secret.utf8)
        var journalBytes = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: scratch.path) {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/" + file)))
            journalBytes += bytes.count
            #expect(!Self.contains(bytes, needle), "key found in \(file)")
        }
        #expect(journalBytes > 10_000)  // the texts really were journalled
        let lines = rig.logs.all
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { !$0.contains(secret) })
        #expect("\(rig.configuration)".contains(secret) == false)
        await rig.stop()
    }

    @Test func theRedactorReplacesAnEchoedKeyInAnyBody() throws {
        let redactor = Redactor(key: try APIKey("abc123"))
        #expect(String(decoding: redactor.redact(Array("x abc123 y abc12 abc123".utf8)), as: UTF8.self)
            == "x [REDACTED] y abc12 [REDACTED]")
        #expect(Redactor(key: nil).redact("abc123") == "abc123")
    }

    @Test func aFullOutboxDropsWholeRecordsAndCountsThem() {
        let outbox = ConsensusOutbox(slotCount: 8, recordSize: 64)
        let text = [UInt8](repeating: 65, count: 400)  // 10 fragments of 40 bytes
        #expect(!outbox.postText(text, type: .aiRequest, time: 1, roundTime: 1, instrument: F.instrument, analyst: 0,
                                 attempt: 1, status: 0))
        #expect(outbox.droppedRecords == 1 && outbox.pendingRecords == 0)
        #expect(outbox.postText(Array(text.prefix(200)), type: .aiRequest, time: 1, roundTime: 1, instrument: F.instrument,
                                analyst: 0, attempt: 1, status: 0))
        #expect(outbox.pendingRecords == 5)
        var seen = 0
        outbox.drain { _, _, _ in
            seen += 1
            return seen < 3  // the journal refuses the third
        }
        #expect(outbox.pendingRecords == 3)
    }

    @Test func drainingTheOutboxIntoTheJournalAllocatesNothing() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let journal = try Self.journal(scratch.path)
        let outbox = ConsensusOutbox()
        let vote = AnalystVote(analyst: 1, reply: AnalystReply(action: .sell, confidence: 0.6), abstention: nil, weight: 1,
                               confidenceScale: 1)
        for index in 0..<64 {
            outbox.post(AIVoteRecord(roundTime: F.start, briefTime: F.start, briefPrice: 65_000, instrument: F.instrument,
                                     vote: vote, tokens: 10, attempts: 1, elapsed: Int64(index)), type: .aiVote, time: F.start)
        }
        outbox.postText(Array(repeating: 66, count: 2_000), type: .aiResponse, time: F.start, roundTime: F.start,
                        instrument: F.instrument, analyst: 1, attempt: 1, status: 200)
        // Warm-up: the first drain on a thread instantiates generic metadata once.
        outbox.drain(into: journal, limit: 1)
        let pending = outbox.pendingRecords
        let counted = AllocationCounter.countingOnThisThread { outbox.drain(into: journal) }
        #expect(counted.result == pending)
        if AllocationCounter.isAvailable { #expect(counted.allocations == 0) }
        try journal.close()
        let recorded = try RecordedVotes(journalDirectory: scratch.path, models: ConsensusConfiguration.defaultModels)
        #expect(recorded.votes.count == 64)
        #expect(outbox.oversizedRecords == 0)
    }

    @Test func textFragmentsRoundTrip() {
        let text = Array((0..<250).map { UInt8(truncatingIfNeeded: $0) })
        let fragments = AITextFragment.fragments(of: text, recordSize: 112, roundTime: 42, instrument: InstrumentID(3),
                                                 analyst: 2, attempt: 1, status: 429)
        #expect(fragments.count == 3)
        let decoded = fragments.compactMap { AITextFragment(decoding: $0.encoded) }
        #expect(decoded == fragments)
        #expect(decoded.flatMap(\.bytes) == text)
        #expect(fragments.allSatisfy { $0.encoded.count <= 112 })
        #expect(AITextFragment(decoding: [UInt8](repeating: 0, count: 10)) == nil)
    }

    @Test func journalRecordsFitTheJournalsDefaultPayload() {
        let limit = JournalConfiguration(directory: "").maximumPayloadSize
        #expect(MemoryLayout<AIVoteRecord>.size <= limit)
        #expect(MemoryLayout<PublishedBiasRecord>.size <= limit)
        #expect(ConsensusOutbox().recordSize <= limit)
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<start + needle.count].elementsEqual(needle) { return true }
        }
        return false
    }
}
