import AsymCore
import AsymVenues
import Testing

@Suite struct ByteReaderTests {
    func withReader<T>(_ text: String, maximumDepth: Int = 32, _ body: (inout JSONByteReader) throws(DecodeError) -> T) -> Result<T, DecodeError> {
        Array(text.utf8).withUnsafeBytes { buffer in
            var reader = JSONByteReader(buffer, maximumDepth: maximumDepth)
            do throws(DecodeError) {
                return .success(try body(&reader))
            } catch {
                return .failure(error)
            }
        }
    }

    @Test func readsKeysInAnyOrderAndSkipsUnknownValues() throws {
        let result = withReader(#" { "z" : [1, {"a":"}"}], "n":-42 ,"s":"x\"y", "t":true, "u":null } "#) { reader throws(DecodeError) -> [String] in
            var seen: [String] = []
            try reader.readObjectStart()
            var first = true
            while let key = try reader.readMemberKey(isFirst: &first) {
                if reader.getBytes(key, equal: "n") {
                    seen.append("n=\(try reader.readInteger())")
                } else if reader.getBytes(key, equal: "t") {
                    seen.append("t=\(try reader.readBool())")
                } else if reader.getBytes(key, equal: "u") {
                    seen.append("u=\(try reader.readNullIfPresent())")
                } else {
                    try reader.skipValue()
                    seen.append("skip")
                }
            }
            try reader.readEnd()
            return seen
        }
        #expect(try result.get() == ["skip", "n=-42", "skip", "t=true", "u=true"])
    }

    @Test func returnsStringContentRangesWithEscapesValidated() throws {
        let range = try withReader(#""a\"b\\c\u00e9""#) { reader throws(DecodeError) in try reader.readString() }.get()
        #expect(range == 1..<14)
        #expect(throws: DecodeError.unexpectedByte(UInt8(ascii: "x"), offset: 3)) {
            try withReader(#""a\x""#) { reader throws(DecodeError) in try reader.readString() }.get()
        }
        #expect(throws: DecodeError.unexpectedByte(0x0A, offset: 2)) {
            try withReader("\"a\nb\"") { reader throws(DecodeError) in try reader.readString() }.get()
        }
        #expect(throws: DecodeError.unexpectedEnd) {
            try withReader(#""abc\"#) { reader throws(DecodeError) in try reader.readString() }.get()
        }
    }

    @Test func rejectsTrailingCommasAndMissingSeparators() {
        for text in [#"{"a":1,}"#, #"[1,]"#, #"{"a":1 "b":2}"#, #"{,"a":1}"#, #"{"a" 1}"#] {
            let result = withReader(text) { reader throws(DecodeError) in
                try reader.readWhitespaceAndGetByte() == UInt8(ascii: "{")
                    ? try readFlatObject(&reader) : try readFlatArray(&reader)
            }
            #expect(throws: DecodeError.self, "\(text)") { try result.get() }
        }
    }

    func readFlatObject(_ reader: inout JSONByteReader) throws(DecodeError) {
        try reader.readObjectStart()
        var first = true
        while try reader.readMemberKey(isFirst: &first) != nil { try reader.skipValue() }
    }

    func readFlatArray(_ reader: inout JSONByteReader) throws(DecodeError) {
        try reader.readArrayStart()
        var first = true
        while try reader.readArrayElement(isFirst: &first) { try reader.skipValue() }
    }

    @Test func enforcesTheNestingLimitWhenSkippingAndWhenEntering() {
        #expect(throws: DecodeError.nestingTooDeep) {
            try withReader("[[[[1]]]]", maximumDepth: 3) { reader throws(DecodeError) in try reader.skipValue() }.get()
        }
        #expect(throws: Never.self) {
            try withReader("[[[1]]]", maximumDepth: 3) { reader throws(DecodeError) in try reader.skipValue() }.get()
        }
        #expect(throws: DecodeError.nestingTooDeep) {
            try withReader(#"{"a":{"b":{}}}"#, maximumDepth: 2) { reader throws(DecodeError) in
                try reader.readObjectStart()
                var first = true
                _ = try reader.readMemberKey(isFirst: &first)
                try reader.skipValue()
            }.get()
        }
        #expect(throws: DecodeError.unexpectedByte(UInt8(ascii: "]"), offset: 3)) {
            try withReader(#"[{1]}"#) { reader throws(DecodeError) in try reader.skipValue() }.get()
        }
    }

    @Test func readsIntegersAndRejectsFractionsExponentsAndOverflow() throws {
        #expect(try withReader("9223372036854775807") { reader throws(DecodeError) in try reader.readInteger() }.get() == .max)
        #expect(try withReader("-9223372036854775808") { reader throws(DecodeError) in try reader.readInteger() }.get() == .min)
        #expect(try withReader(#""1597026383085""#) { reader throws(DecodeError) in try reader.readIntegerOrQuotedInteger() }.get() == 1_597_026_383_085)
        for text in ["9223372036854775808", "1.5", "1e3", "99999999999999999999999"] {
            #expect(throws: DecodeError.invalidNumber(offset: 0), "\(text)") {
                try withReader(text) { reader throws(DecodeError) in try reader.readInteger() }.get()
            }
        }
        #expect(throws: DecodeError.unexpectedEnd) { try withReader("-") { reader throws(DecodeError) in try reader.readInteger() }.get() }
        #expect(throws: DecodeError.unexpectedByte(UInt8(ascii: "x"), offset: 0)) {
            try withReader("x") { reader throws(DecodeError) in try reader.readInteger() }.get()
        }
    }

    @Test func neverReadsPastTheEndOfAnyPrefix() {
        let text = #"{"a":[1,-2.5e3,"x\"\u0041",{"b":[true,false,null]}],"c":{}}"#
        let bytes = Array(text.utf8)
        for length in 0..<bytes.count {
            let result: Result<Void, DecodeError> = Array(bytes[0..<length]).withUnsafeBytes { buffer in
                var reader = JSONByteReader(buffer)
                do throws(DecodeError) {
                    try reader.skipValue()
                    return .success(())
                } catch {
                    return .failure(error)
                }
            }
            #expect(throws: DecodeError.self, "prefix \(length)") { try result.get() }
        }
    }

    @Test func parsesTicksFromStringRanges() throws {
        let scale = FixedPointScale(decimals: 2)
        #expect(try withReader(#""8476.98""#) { reader throws(DecodeError) in try reader.readTicks(scale: scale) }.get() == 847_698)
        #expect(throws: DecodeError.invalidDecimal(.exponent, offset: 1)) {
            try withReader(#""1e5""#) { reader throws(DecodeError) in try reader.readTicks(scale: scale) }.get()
        }
        #expect(throws: DecodeError.invalidDecimal(.signed, offset: 1)) {
            try withReader(#""-1""#) { reader throws(DecodeError) in try reader.readTicks(scale: scale) }.get()
        }
    }

    @Test func identifiesUUIDsAndNumericIdentifiers() throws {
        let uuid = "20f43950-d8dd-5b31-9112-a178eb6023af"
        let id = try withReader("\"\(uuid)\"") { reader throws(DecodeError) in reader.getIdentifier(try reader.readString()) }.get()
        #expect(id == (0x20f4_3950_d8dd_5b31 as UInt64) ^ (0x9112_a178_eb60_23af as UInt64))
        let number = try withReader(#""130639474""#) { reader throws(DecodeError) in reader.getIdentifier(try reader.readString()) }.get()
        #expect(number == 130_639_474)
        let other = try withReader(#""abc""#) { reader throws(DecodeError) in reader.getIdentifier(try reader.readString()) }.get()
        let other2 = try withReader(#""abd""#) { reader throws(DecodeError) in reader.getIdentifier(try reader.readString()) }.get()
        #expect(other != other2)
    }

    @Test func symbolKeysMatchExactlyTheRegisteredBytes() throws {
        var table = SymbolTable()
        table.register(symbol: "BTC-USDT-SWAP", instrument: InstrumentID(7), priceScale: FixedPointScale(decimals: 1), quantityScale: FixedPointScale(decimals: 0))
        table.register(symbol: "BTC-USDT", instrument: InstrumentID(8), priceScale: FixedPointScale(decimals: 1), quantityScale: FixedPointScale(decimals: 0))
        for (text, expected) in [("BTC-USDT-SWAP", InstrumentID(7)), ("BTC-USDT", InstrumentID(8)), ("BTC-USDT-SWAq", nil), ("BTC-USD", nil), ("", nil)] {
            let key = try withReader("\"\(text)\"") { reader throws(DecodeError) in reader.getSymbolKey(try reader.readString()) }.get()
            #expect(key.flatMap { table.entry(for: $0) }?.instrument == expected, "\(text)")
        }
        let long = String(repeating: "X", count: 33)
        #expect(try withReader("\"\(long)\"") { reader throws(DecodeError) in reader.getSymbolKey(try reader.readString()) }.get() == nil)
    }

    @Test func fastDecimalPathAgreesWithTheReferenceParser() {
        var generator = CodecTestRandom(seed: 42)
        let pieces = ["0", "1", "9", "5", "00", ".", "..", "e", "-", "\\u0031", "000000000", "123456789", " "]
        let scales = [
            FixedPointScale(decimals: 0), FixedPointScale(decimals: 2), FixedPointScale(decimals: 8),
            FixedPointScale(decimals: 18), FixedPointScale(decimals: 1, step: 5), FixedPointScale(decimals: 3, step: 10),
        ]
        var texts = ["", ".", "5.", ".5", "0.10", "0.15", "8476.98", "999999999999999999", "1000000000000000000", "0000000000000000000001"]
        for _ in 0..<5_000 {
            let count = Int(generator.next() % 5)
            texts.append((0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
        }
        for text in texts {
            for scale in scales {
                let fast = withReader("\"\(text)\"") { reader throws(DecodeError) in try reader.readTicks(scale: scale) }
                let reference: Result<Int64, DecodeError>
                do {
                    reference = .success(try scale.ticks(parsing: Array(text.utf8)))
                } catch {
                    reference = .failure(.invalidDecimal(error, offset: 1))
                }
                #expect(fast == reference, "\(text) at \(scale)")
            }
        }
    }
}
