import AsymCore
@testable import AsymVenues
import Testing

/// The reader's word-at-a-time fast paths must give exactly what the general paths give — same
/// values, same reader position, same errors — on usual and unusual input alike.
@Suite struct ByteReaderFastPathTests {
    /// Runs `body` on `text` followed by `padding`, so the fast paths (which need a few bytes of
    /// lookahead) engage; returns the result and where the reader ended.
    func run<T>(_ text: String, padding: String = " 0000000000000000", maximumDepth: Int = 32,
                _ body: (inout JSONByteReader) throws(DecodeError) -> T) -> Result<(T, Int, Int), DecodeError> {
        Array((text + padding).utf8).withUnsafeBytes { buffer in
            var reader = JSONByteReader(buffer, maximumDepth: maximumDepth)
            do throws(DecodeError) {
                let value = try body(&reader)
                return .success((value, reader.readerIndex, reader.currentDepth))
            } catch {
                return .failure(error)
            }
        }
    }

    func same<T: Equatable>(_ a: Result<(T, Int, Int), DecodeError>, _ b: Result<(T, Int, Int), DecodeError>) -> Bool {
        switch (a, b) {
        case let (.success(x), .success(y)): x.0 == y.0 && x.1 == y.1 && x.2 == y.2
        case let (.failure(x), .failure(y)): x == y
        default: false
        }
    }

    /// `readLevels` before the fast path: every level through the general token readers.
    func referenceLevels(_ reader: inout JSONByteReader, into batch: FrameBatch, priceScale: FixedPointScale,
                         quantityScale: FixedPointScale) throws(DecodeError) {
        try reader.readArrayStart()
        var first = true
        while try reader.readArrayElement(isFirst: &first) {
            try reader.readArrayStart()
            let price = try reader.getTicks(reader.readString(), scale: priceScale)
            try reader.expect(UInt8(ascii: ","))
            let quantity = try reader.getTicks(reader.readString(), scale: quantityScale)
            while true {
                let next = try reader.readWhitespaceAndGetByte()
                if next == UInt8(ascii: "]") {
                    reader.readerIndex += 1
                    reader.depth -= 1
                    break
                }
                guard next == UInt8(ascii: ",") else { throw .unexpectedByte(next, offset: reader.readerIndex) }
                reader.readerIndex += 1
                try reader.skipValue()
            }
            try batch.append(BookLevel(price: Price(ticks: price), quantity: Quantity(lots: quantity)), to: .bid)
        }
    }

    @Test func levelFastPathMatchesTheGeneralPath() {
        var random = CodecTestRandom(seed: 7)
        let numbers = ["65000.1", "0.144", "0", "5.", ".5", "12345678", "1234567.8", "0.1234", "1.25", "1e3", "-1",
                       "\\u0031", "", "7.0000", "99999.95"]
        let separators = [",", ",", ",", " ,", ", ", "\n,"]
        func level() -> String {
            let price = numbers[Int(random.next() % UInt64(numbers.count))]
            let size = numbers[Int(random.next() % UInt64(numbers.count))]
            switch random.next() % 18 {
            case 0: return "[ \"\(price)\",\"\(size)\"]"
            case 1: return "[\"\(price)\",\"\(size)\",\"0\",\"3\"]"
            case 2: return "[\"\(price)\" ,\"\(size)\"]"
            case 3: return "[\"\(price)\",\"\(size)\" ]"
            case 4: return "[\"\(price)\",\(size.isEmpty ? "1" : size)]"
            case 5: return "[[\"\(price)\",\"\(size)\"]]"
            case 6: return "[\"\(price)\",\"\(size)\",\"\",\"0123456789\"]"
            case 7: return "[\"\(price)\",\"\(size)\",\"\\u0030\",0]"
            case 8: return "[\"\(price)\",\"\(size)\",\"a\\\"b\", \"3\"]"
            case 9: return "[\"\(price)\",\"\(size)\",\"a\u{01}]\"]"  // a raw control byte, then `]`
            case 10: return "[\"\(price)\",\"\(size)\",\"a\\]\"]"  // an invalid escape, then `]`
            default: return "[\"\(price)\",\"\(size)\"]"
            }
        }
        var texts = ["[]", "[[\"1\",\"2\"],]", "[[\"1\",\"2\"]", "[[\"1\",\"2\"]]"]
        for _ in 0..<4_000 {
            let count = Int(random.next() % 6)
            var text = "["
            for index in 0..<count {
                if index > 0 { text += separators[Int(random.next() % UInt64(separators.count))] }
                text += level()
            }
            texts.append(text + (random.next() % 16 == 0 ? "," : "]"))
        }
        let scales = [(FixedPointScale(decimals: 1), FixedPointScale(decimals: 3)),
                      (FixedPointScale(decimals: 2, step: 5), FixedPointScale(decimals: 0)),
                      (FixedPointScale(decimals: 8), FixedPointScale(decimals: 18))]
        for text in texts {
            for (priceScale, quantityScale) in scales {
                for (capacity, depth) in [(1024, 32), (2, 32), (1024, 1)] {
                    let fastBatch = FrameBatch(levelCapacity: capacity)
                    let referenceBatch = FrameBatch(levelCapacity: capacity)
                    for padding in [" 0000000000000000", ""] {
                        fastBatch.reset(venue: .bybit)
                        referenceBatch.reset(venue: .bybit)
                        let fast = run(text, padding: padding, maximumDepth: depth) { reader throws(DecodeError) in
                            try reader.readLevels(into: fastBatch, side: .bid, priceScale: priceScale, quantityScale: quantityScale)
                        }
                        let reference = run(text, padding: padding, maximumDepth: depth) { reader throws(DecodeError) in
                            try referenceLevels(&reader, into: referenceBatch, priceScale: priceScale, quantityScale: quantityScale)
                        }
                        #expect(same(fast.map { (true, $0.1, $0.2) }, reference.map { (true, $0.1, $0.2) }),
                                "\(text) at \(priceScale), \(quantityScale), capacity \(capacity), depth \(depth)")
                        if case .success = reference {
                            #expect(Array(fastBatch.bids) == Array(referenceBatch.bids), "\(text)")
                        }
                    }
                }
            }
        }
    }

    @Test func shortDecimalsAgreeWithTheReferenceParser() {
        var random = CodecTestRandom(seed: 11)
        let pieces = ["0", "1", "9", "5", "00", ".", "e", "-", "\"", "\\", " ", "123", "\u{7F}", "\u{E9}"]
        var texts = ["", ".", "5.", ".5", "0.10", "0.15", "8476.98", "1234567", "12345678", "123456.7", "0.000001"]
        for _ in 0..<20_000 {
            let count = Int(random.next() % 6)
            texts.append((0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined())
        }
        let scales = [FixedPointScale(decimals: 0), FixedPointScale(decimals: 1), FixedPointScale(decimals: 3),
                      FixedPointScale(decimals: 17), FixedPointScale(decimals: 18), FixedPointScale(decimals: 1, step: 5)]
        for text in texts {
            for scale in scales {
                let fast = run("\"\(text)\"") { reader throws(DecodeError) in try reader.readTicks(scale: scale) }
                let reference = run("\"\(text)\"") { reader throws(DecodeError) in
                    try reader.getTicks(reader.readString(), scale: scale)
                }
                #expect(same(fast, reference), "\(text) at \(scale)")
            }
        }
    }

    @Test func integerFastPathMatchesTheByteLoop() {
        var random = CodecTestRandom(seed: 13)
        let ends = ["", ",", "}", ".", "e", "E", "x", " ", "-", "\"", "\u{E9}"]
        var texts = ["1767225600039", "7000000002", "40000000010", "12345678", "123456789012345", "1234567890123456",
                     "00000000000001", "9223372036854775807", "9223372036854775808", "-5", " 12345678901"]
        for _ in 0..<20_000 {
            var digits = String((0..<Int(random.next() % 21)).map { _ in Character(String(random.next() % 10)) })
            if random.next() % 8 == 0 { digits = "-" + digits }
            if random.next() % 16 == 0 { digits = " " + digits }
            texts.append(digits + ends[Int(random.next() % UInt64(ends.count))])
        }
        for text in texts {
            for padding in [" 0000000000000000", ""] {
                let fast = run(text, padding: padding) { reader throws(DecodeError) in try reader.readInteger() }
                let reference = run(text, padding: padding) { reader throws(DecodeError) in try reader.readIntegerByWords() }
                #expect(same(fast, reference), "\(text)")
                if case .success(let (value, _, _)) = fast, let first = text.first, first.isASCII, first.isNumber {
                    let digits = text.prefix { $0.isASCII && $0.isNumber }
                    #expect(Int64(digits) == value, "\(text)")
                }
            }
        }
    }

    @Test func predictedKeysMatchTheGeneralKeyReader() {
        var random = CodecTestRandom(seed: 17)
        let keys = ["a", "b", "seq", "topic", "types", "cts", "abcdefgh", "abcdefghi", "ab\\\"c", "", "a b", "\\u0061"]
        let guesses: [UInt64] = [0, JSONByteReader.packed("a"), JSONByteReader.packed("seq"), JSONByteReader.packed("topic"),
                                 JSONByteReader.packed("types"), JSONByteReader.packed("abcdefgh")]
        for _ in 0..<5_000 {
            var text = "{"
            for index in 0..<Int(random.next() % 5) {
                if index > 0 { text += random.next() % 8 == 0 ? " , " : "," }
                text += "\"\(keys[Int(random.next() % UInt64(keys.count))])\"" + (random.next() % 8 == 0 ? " : " : ":") + "1"
            }
            text += random.next() % 16 == 0 ? ",}" : "}"
            let guessSeed = random.next()
            for padding in [" 0000000000000000", ""] {
                let fast = run(text, padding: padding) { reader throws(DecodeError) in
                    try reader.readObjectStart()
                    var first = true
                    var seen: [UInt64] = []
                    var guess = guessSeed
                    while let key = try reader.readPackedMemberKey(isFirst: &first, expecting: guesses[Int(guess % 6)]) {
                        seen.append(key)
                        guess /= 6
                        try reader.skipValue()
                    }
                    return seen
                }
                let reference = run(text, padding: padding) { reader throws(DecodeError) in
                    try reader.readObjectStart()
                    var first = true
                    var seen: [UInt64] = []
                    while let key = try reader.readMemberKey(isFirst: &first) {
                        seen.append(reader.getPackedKey(key))
                        try reader.skipValue()
                    }
                    return seen
                }
                #expect(same(fast, reference), "\(text)")
            }
        }
    }

    /// `getIdentifier`'s UUID branch before the word-at-a-time version.
    func referenceUUID(_ bytes: [UInt8]) -> UInt64? {
        guard bytes.count == 36 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for (position, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(position) {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            let nibble: UInt8
            if (byte &- UInt8(ascii: "0")) < 10 {
                nibble = byte &- UInt8(ascii: "0")
            } else if ((byte | 0x20) &- UInt8(ascii: "a")) < 6 {
                nibble = (byte | 0x20) &- UInt8(ascii: "a") &+ 10
            } else {
                return nil
            }
            if position < 18 { high = high << 4 | UInt64(nibble) } else { low = low << 4 | UInt64(nibble) }
        }
        return high ^ low
    }

    @Test func uuidFastPathMatchesTheByteLoop() {
        var random = CodecTestRandom(seed: 19)
        let hex = Array("0123456789abcdefABCDEF".utf8)
        let noise: [UInt8] = Array("gG/:@`-_ xzFf09".utf8) + [0x80, 0xC1, 0xE6, 0xB0]
        for _ in 0..<20_000 {
            var bytes = (0..<36).map { _ in hex[Int(random.next() % UInt64(hex.count))] }
            for position in [8, 13, 18, 23] { bytes[position] = UInt8(ascii: "-") }
            for _ in 0..<Int(random.next() % 3) {
                bytes[Int(random.next() % 36)] = noise[Int(random.next() % UInt64(noise.count))]
            }
            let identifier = bytes.withUnsafeBytes { buffer in JSONByteReader(buffer).getIdentifier(0..<36) }
            let expected = referenceUUID(bytes) ?? bytes.reduce(0xcbf2_9ce4_8422_2325 as UInt64) {
                ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3
            }
            #expect(identifier == expected, "\(bytes)")
        }
    }

    @Test func wordComparesMatchByteComparesAtEveryOffset() {
        let text = Array(#"{"topic":"orderbook.50.BTCUSDT","type":"snapshot","op":"pong","BTCUSDT"}"#.utf8)
        let literals: [StaticString] = ["topic", "orderbook.", "orderbook.50.BTCUSDT", "snapshot", "op", "pong", "BTCUSDT", "t"]
        text.withUnsafeBytes { buffer in
            let reader = JSONByteReader(buffer)
            for literal in literals {
                let expected = Array(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
                for start in 0..<text.count {
                    for end in start...text.count {
                        #expect(reader.getBytes(start..<end, equal: literal) == (Array(text[start..<end]) == expected))
                    }
                }
            }
            for start in 0..<text.count {
                for end in start...min(text.count, start + 9) {
                    let packed = text[start..<end].reversed().reduce(0 as UInt64) { $0 << 8 | UInt64($1) }
                    #expect(reader.getPackedKey(start..<end) == (end - start <= 8 ? packed : 0))
                }
            }
        }
    }
}
