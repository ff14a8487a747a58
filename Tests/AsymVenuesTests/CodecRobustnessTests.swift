import AsymCore
import AsymVenues
import Testing

/// Untrusted input: every failure must be a thrown `DecodeError`, never a trap, hang or growth.
@Suite struct CodecRobustnessTests {
    @Test func everyTruncatedPrefixOfEveryFixtureIsATypedError() throws {
        let batch = FrameBatch()
        for name in Fixture.all {
            var bytes = try Fixture.repaired(name)
            while let last = bytes.last, [0x20, 0x0A, 0x0D, 0x09].contains(last) { bytes.removeLast() }
            for length in 0..<bytes.count {
                let result = TestCodecs.decode(fixture: name, Array(bytes[0..<length]), into: batch)
                #expect(throws: DecodeError.self, "\(name) prefix \(length) decoded") { try result.get() }
                #expect(batch.header.kind == MessageKind.none)
            }
        }
    }

    @Test func everyVerbatimFixtureEitherDecodesOrThrowsTyped() throws {
        for name in Fixture.all {
            // Typed throws make any other error impossible; this asserts there is no trap.
            _ = TestCodecs.decode(fixture: name, try Fixture.bytes(name))
        }
    }

    @Test func garbageBytesAreTypedErrorsForEveryCodec() {
        var generator = CodecTestRandom(seed: 0x5eed)
        let batch = FrameBatch(levelCapacity: 8, tradeCapacity: 8)
        let alphabet = Array(#"{}[],:"\0123456789.-eEtrufalsn pbaqsT"#.utf8)
        for round in 0..<3_000 {
            let length = Int(generator.next() % 300)
            let bytes: [UInt8] = (0..<length).map { _ in
                round % 2 == 0 ? UInt8(truncatingIfNeeded: generator.next()) : alphabet[Int(generator.next() % UInt64(alphabet.count))]
            }
            _ = Decode.run(TestCodecs.bybit, bytes, into: batch)
            _ = Decode.run(TestCodecs.binance, bytes, into: batch)
            _ = Decode.run(TestCodecs.okx, bytes, into: batch)
        }
    }

    @Test func deepNestingIsRejectedNotRecursed() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let frames = [
            #"{"topic":"orderbook.1.BTCUSDT","x":\#(deep)}"#,
            #"{"e":"depthUpdate","x":\#(deep)}"#,
            #"{"arg":{"channel":"books","instId":"BTC-USDT"},"x":\#(deep)}"#,
        ]
        for (index, frame) in frames.enumerated() {
            let bytes = Array(frame.utf8)
            let result: Result<Decoded, DecodeError> =
                switch index {
                case 0: Decode.run(TestCodecs.bybit, bytes)
                case 1: Decode.run(TestCodecs.binance, bytes)
                default: Decode.run(TestCodecs.okx, bytes)
                }
            #expect(throws: DecodeError.nestingTooDeep) { try result.get() }
        }
    }

    @Test func overlongNumbersAreRejected() {
        let ts = #"{"topic":"orderbook.1.BTCUSDT","type":"snapshot","ts":123456789012345678901234567890,"data":{"b":[],"a":[],"u":1,"seq":1}}"#
        guard case .failure(.invalidNumber) = Decode.run(TestCodecs.bybit, Array(ts.utf8)) else {
            Issue.record("overlong integer accepted")
            return
        }
        let digits = String(repeating: "9", count: 40)
        let price = #"{"e":"depthUpdate","E":1,"T":1,"s":"BTCUSDT","U":1,"u":2,"pu":0,"b":[["\#(digits)","1"]],"a":[]}"#
        guard case .failure(.invalidDecimal(.tooManyDigits, _)) = Decode.run(TestCodecs.binance, Array(price.utf8)) else {
            Issue.record("overlong decimal accepted")
            return
        }
        let fractional = #"{"e":"depthUpdate","E":1.5,"T":1,"s":"BTCUSDT","U":1,"u":2,"pu":0,"b":[],"a":[]}"#
        guard case .failure(.invalidNumber) = Decode.run(TestCodecs.binance, Array(fractional.utf8)) else {
            Issue.record("fractional time accepted")
            return
        }
    }

    @Test func exponentNotationInAPriceIsRejectedByEveryCodec() {
        let bybit = #"{"topic":"publicTrade.BTCUSDT","type":"snapshot","ts":1,"data":[{"T":1,"s":"BTCUSDT","S":"Buy","v":"0.001","p":"1.6E4","i":"a"}]}"#
        let binance = #"{"e":"aggTrade","E":1,"s":"BTCUSDT","a":1,"p":"1e-3","q":"1","f":1,"l":1,"T":1,"m":false}"#
        let okx = #"{"arg":{"channel":"trades","instId":"BTC-USDT"},"data":[{"tradeId":"1","px":"4e4","sz":"1","side":"buy","ts":"1"}]}"#
        for result in [
            Decode.run(TestCodecs.bybit, Array(bybit.utf8)), Decode.run(TestCodecs.binance, Array(binance.utf8)),
            Decode.run(TestCodecs.okx, Array(okx.utf8)),
        ] {
            guard case .failure(.invalidDecimal(.exponent, _)) = result else {
                Issue.record("exponent accepted: \(result)")
                continue
            }
        }
    }

    @Test func trailingGarbageAndSecondDocumentsAreRejected() {
        let frame = #"{"result":null,"id":1} {"result":null,"id":2}"#
        #expect(throws: DecodeError.self) { try Decode.run(TestCodecs.binance, Array(frame.utf8)).get() }
    }
}

/// Deterministic generator so failures reproduce.
struct CodecTestRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
