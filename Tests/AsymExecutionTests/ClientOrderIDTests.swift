import Testing
@testable import AsymExecution

@Suite struct ClientOrderIDTests {
    static func isAlphanumeric(_ text: String) -> Bool {
        (1...32).contains(text.utf8.count)
            && text.utf8.allSatisfy { (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) }
    }

    @Test func clientIDsMatchAlphanumericCharsetOfAtMost32() {
        var generator = ClientOrderIDGenerator(epoch: 1)
        for _ in 0..<1_000 { #expect(Self.isAlphanumeric(generator.next().text)) }
        let extremes = [ClientOrderID(rawValue: 1), ClientOrderID(rawValue: .max),
                        ClientOrderID(epoch: ClientOrderID.epochLimit - 1, sequence: ClientOrderID.sequenceLimit - 1)]
        for id in extremes {
            #expect(Self.isAlphanumeric(id.text))
            #expect(id.text.utf8.count == ClientOrderID.textLength)
        }
    }

    @Test func clientIDsAreUniqueOverOneMillion() {
        var generator = ClientOrderIDGenerator(epoch: 7)
        var texts = Set<String>(minimumCapacity: 1_000_000)
        var previous = ClientOrderID(rawValue: 0)
        var increasing = true
        for _ in 0..<1_000_000 {
            let id = generator.next()
            increasing = increasing && id > previous
            previous = id
            texts.insert(id.text)
        }
        #expect(texts.count == 1_000_000)
        #expect(increasing)
    }

    @Test func clientIDsStayUniqueAcrossASimulatedRestartThatLostTheJournalTail() {
        var firstRun = ClientOrderIDGenerator(epoch: 1)
        let issued = (0..<1_000).map { _ in firstRun.next() }
        // The journal persisted only the 600th id before the crash; 400 went out unjournalled.
        let persisted = issued[599]
        var secondRun = ClientOrderIDGenerator(startingAfter: persisted)
        let reissued = (0..<1_000).map { _ in secondRun.next() }
        #expect(Set(issued.map(\.text)).isDisjoint(with: reissued.map(\.text)))
        #expect(reissued.allSatisfy { $0 > issued.last! })
        #expect(secondRun.lastIssued == reissued.last)
    }

    @Test func clientIDsAreDeterministicForAnEpoch() {
        var a = ClientOrderIDGenerator(epoch: 42)
        var b = ClientOrderIDGenerator(epoch: 42)
        for _ in 0..<100 { #expect(a.next() == b.next()) }
    }

    @Test func clientIDTextRoundTripsAndSortsInIssueOrder() {
        var generator = ClientOrderIDGenerator(epoch: 3)
        let ids = (0..<500).map { _ in generator.next() }
        for id in ids { #expect(ClientOrderID(text: id.text) == id) }
        #expect(ids.map(\.text) == ids.map(\.text).sorted())
        #expect(ClientOrderID(text: "abc") == nil)
        #expect(ClientOrderID(text: "0000000000-") == nil)
        #expect(ClientOrderID(text: "zzzzzzzzzzz") == nil)  // above UInt64.max
    }

    @Test func exhaustedSequenceMovesToTheNextEpochStillIncreasing() {
        var generator = ClientOrderIDGenerator(epoch: 5)
        generator.sequence = ClientOrderID.sequenceLimit - 2
        let last = generator.next()
        let next = generator.next()
        #expect(last.epoch == 5 && next.epoch == 6 && next.sequence == 1)
        #expect(next > last)
    }
}
