import AsymCore
import AsymVenues
import Testing

@Suite struct OKXCodecChecksumTests {
    func level(_ price: Int64, _ quantity: Int64) -> BookLevel { Decode.level(price, quantity) }
    let tenth = FixedPointScale(decimals: 1)
    let whole = FixedPointScale(decimals: 0)

    @Test func hashesDocumentedCheckStringsAsSignedCRC32() {
        #expect(OKXChecksum.checksum(of: Array("3366.1:7:3366.8:9:3366:6:3368:8".utf8)) == -1_881_014_294)
        #expect(OKXChecksum.checksum(of: Array("3366.1:7:3366.8:9:3368:8:3372:8".utf8)) == 831_078_360)
    }

    @Test func buildsTheCheckStringFromTicksWithMinimalDigits() {
        // Doc example 1: sides aligned.
        let aligned = OKXChecksum.checksum(
            bids: [level(33_661, 7), level(33_660, 6)], asks: [level(33_668, 9), level(33_680, 8)],
            priceScale: tenth, quantityScale: whole)
        #expect(aligned == OKXChecksum.checksum(of: Array("3366.1:7:3366.8:9:3366:6:3368:8".utf8)))
        // Doc example 2: fewer bids than asks — missing bids are skipped.
        let ragged = OKXChecksum.checksum(
            bids: [level(33_661, 7)], asks: [level(33_668, 9), level(33_680, 8), level(33_720, 8)],
            priceScale: tenth, quantityScale: whole)
        #expect(ragged == OKXChecksum.checksum(of: Array("3366.1:7:3366.8:9:3368:8:3372:8".utf8)))
        // Scales finer than the text: trailing zeros and the dot are not hashed.
        let fine = OKXChecksum.checksum(
            bids: [level(336_610_000, 70_000)], asks: [level(336_680_000, 5_000)],
            priceScale: FixedPointScale(decimals: 5), quantityScale: FixedPointScale(decimals: 4))
        #expect(fine == OKXChecksum.checksum(of: Array("3366.1:7:3366.8:0.5".utf8)))
    }

    @Test func coversOnlyTheFirstTwentyFiveLevelsPerSide() {
        let bids = (0..<30).map { level(Int64(1_000 - $0), 1) }
        let asks = (0..<30).map { level(Int64(2_000 + $0), 1) }
        let text = (0..<25).map { "\(1_000 - $0):1:\(2_000 + $0):1" }.joined(separator: ":")
        #expect(
            OKXChecksum.checksum(bids: bids, asks: asks, priceScale: whole, quantityScale: whole)
                == OKXChecksum.checksum(of: Array(text.utf8)))
    }

    @Test func acceptsZeroChecksumAndFlagsTheDocExampleMismatch() throws {
        let decoded = try Decode.run(TestCodecs.okx, try Fixture.bytes("okx-books-snapshot.json")).get()
        let price = FixedPointScale(decimals: 2)
        let size = FixedPointScale(decimals: 8)
        try OKXChecksum.verify(0, bids: decoded.bids, asks: decoded.asks, priceScale: price, quantityScale: size)
        try OKXChecksum.verify(nil, bids: decoded.bids, asks: decoded.asks, priceScale: price, quantityScale: size)
        // PROTOCOLS.md §3: the doc's -855196043 is illustrative; its levels hash to -2102840145.
        #expect(throws: DecodeError.checksumMismatch(expected: -855_196_043, computed: -2_102_840_145)) {
            try OKXChecksum.verify(decoded.checksum, bids: decoded.bids, asks: decoded.asks, priceScale: price, quantityScale: size)
        }
        try OKXChecksum.verify(-2_102_840_145, bids: decoded.bids, asks: decoded.asks, priceScale: price, quantityScale: size)
    }
}
