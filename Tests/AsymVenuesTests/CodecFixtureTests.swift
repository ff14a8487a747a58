import AsymCore
import AsymVenues
import Foundation
import Testing

/// Fixture loading, doc-example repair, and a comparable copy of a decoded batch.
enum Fixture {
    static let all = [
        "bybit-orderbook-snapshot.json", "bybit-orderbook-delta.json", "bybit-public-trade.json",
        "bybit-pong-linear.json", "bybit-subscribe-ack-linear.json",
        "binance-depth-update.jsonc", "binance-depth-snapshot-rest.jsonc", "binance-agg-trade.jsonc",
        "binance-book-ticker.jsonc", "binance-subscribe-result.json",
        "okx-books-snapshot.json", "okx-books-update.json", "okx-bbo-tbt.json", "okx-books5.json",
        "okx-subscribe-ack.json", "okx-subscribe-error.json", "okx-trades.json", "okx-pong.txt",
    ]

    static func bytes(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return Array(try Data(contentsOf: url))
    }

    static func text(_ name: String) throws -> String {
        String(decoding: try bytes(name), as: UTF8.self)
    }

    /// The doc example made strict JSON: `// …` comments, `...` placeholder lines and trailing
    /// commas removed (outside strings). Valid JSON comes back unchanged.
    static func repaired(_ input: [UInt8]) -> [UInt8] {
        var withoutComments: [UInt8] = []
        var index = 0
        var inString = false
        while index < input.count {
            let byte = input[index]
            if inString {
                withoutComments.append(byte)
                if byte == UInt8(ascii: "\\"), index + 1 < input.count {
                    withoutComments.append(input[index + 1])
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: "/") && index + 1 < input.count && input[index + 1] == UInt8(ascii: "/") {
                while index < input.count && input[index] != UInt8(ascii: "\n") { index += 1 }
                continue
            } else {
                if byte == UInt8(ascii: "\"") { inString = true }
                withoutComments.append(byte)
            }
            index += 1
        }
        let lines = String(decoding: withoutComments, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.filter { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed != "..." && trimmed != "...,"
        }
        let joined = Array(kept.joined(separator: "\n").utf8)
        var output: [UInt8] = []
        inString = false
        index = 0
        while index < joined.count {
            let byte = joined[index]
            if inString {
                output.append(byte)
                if byte == UInt8(ascii: "\\"), index + 1 < joined.count {
                    output.append(joined[index + 1])
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: ",") {
                var next = index + 1
                while next < joined.count, [0x20, 0x0A, 0x0D, 0x09].contains(joined[next]) { next += 1 }
                if next < joined.count, joined[next] == UInt8(ascii: "]") || joined[next] == UInt8(ascii: "}") {
                    index += 1
                    continue
                }
                output.append(byte)
            } else {
                if byte == UInt8(ascii: "\"") { inString = true }
                output.append(byte)
            }
            index += 1
        }
        return output
    }

    static func repaired(_ name: String) throws -> [UInt8] { repaired(try bytes(name)) }
}

/// Everything a decode produced, as plain values, so two decodes can be compared with `==`.
struct Decoded: Equatable {
    var kind: MessageKind
    var instrument: InstrumentID
    var depth: UInt16
    var exchangeTime: Int64?
    var matchTime: Int64?
    var updateID: Int64?
    var firstUpdateID: Int64?
    var previousUpdateID: Int64?
    var sequence: Int64?
    var previousSequence: Int64?
    var checksum: Int32?
    var errorCode: Int64?
    var message: String?
    var bids: [BookLevel]
    var asks: [BookLevel]
    var trades: [TradeEvent]
}

/// Test-side conveniences over the allocation-free API.
enum Decode {
    static func run(_ codec: some FrameCodec, _ bytes: [UInt8], into batch: FrameBatch = FrameBatch()) -> Result<Decoded, DecodeError> {
        bytes.withUnsafeBytes { buffer in
            do throws(DecodeError) {
                try codec.decode(buffer, into: batch)
                return .success(snapshot(batch, frame: buffer))
            } catch {
                return .failure(error)
            }
        }
    }

    static func snapshot(_ batch: FrameBatch, frame: UnsafeRawBufferPointer) -> Decoded {
        let header = batch.header
        return Decoded(
            kind: header.kind, instrument: header.instrument, depth: header.depth, exchangeTime: header.exchangeTime,
            matchTime: header.matchTime, updateID: header.updateID, firstUpdateID: header.firstUpdateID,
            previousUpdateID: header.previousUpdateID, sequence: header.sequence,
            previousSequence: header.previousSequence, checksum: header.checksum, errorCode: header.errorCode,
            message: header.messageRange.map { String(decoding: frame[$0], as: UTF8.self) },
            bids: Array(batch.bids), asks: Array(batch.asks), trades: Array(batch.trades))
    }

    static func level(_ price: Int64, _ quantity: Int64) -> BookLevel {
        BookLevel(price: Price(ticks: price), quantity: Quantity(lots: quantity))
    }
}

/// Codecs registered with the instruments the doc examples use (scales fine enough for their numbers).
enum TestCodecs {
    static let btc = InstrumentID(1)
    static let bnb = InstrumentID(2)
    static let restDoc = InstrumentID(3)
    static let bch = InstrumentID(4)

    static var bybit: BybitCodec {
        var table = SymbolTable()
        table.register(
            symbol: "BTCUSDT", instrument: btc, priceScale: FixedPointScale(decimals: 1),
            quantityScale: FixedPointScale(decimals: 3))
        return BybitCodec(symbols: table)
    }

    static var binance: BinanceCodec {
        var table = SymbolTable()
        table.register(
            symbol: "BTCUSDT", instrument: btc, priceScale: FixedPointScale(decimals: 4),
            quantityScale: FixedPointScale(decimals: 3))
        table.register(
            symbol: "BNBUSDT", instrument: bnb, priceScale: FixedPointScale(decimals: 4),
            quantityScale: FixedPointScale(decimals: 2))
        table.register(
            symbol: "DOCUSDT", instrument: restDoc, priceScale: FixedPointScale(decimals: 8),
            quantityScale: FixedPointScale(decimals: 8))
        return BinanceCodec(symbols: table)
    }

    static var okx: OKXCodec {
        var table = SymbolTable()
        table.register(
            symbol: "BTC-USDT", instrument: btc, priceScale: FixedPointScale(decimals: 2),
            quantityScale: FixedPointScale(decimals: 8))
        table.register(
            symbol: "BCH-USDT-SWAP", instrument: bch, priceScale: FixedPointScale(decimals: 2),
            quantityScale: FixedPointScale(decimals: 0))
        return OKXCodec(symbols: table)
    }

    /// Decodes with the codec of the venue the fixture name starts with.
    static func decode(fixture name: String, _ bytes: [UInt8], into batch: FrameBatch = FrameBatch()) -> Result<Decoded, DecodeError> {
        if name.hasPrefix("bybit") { return Decode.run(bybit, bytes, into: batch) }
        if name.hasPrefix("binance-depth-snapshot-rest") {
            return bytes.withUnsafeBytes { buffer in
                do throws(DecodeError) {
                    try binance.decodeDepthSnapshot(buffer, instrument: restDoc, into: batch)
                    return .success(Decode.snapshot(batch, frame: buffer))
                } catch {
                    return .failure(error)
                }
            }
        }
        if name.hasPrefix("binance") { return Decode.run(binance, bytes, into: batch) }
        return Decode.run(okx, bytes, into: batch)
    }
}

@Suite struct CodecFixtureTests {
    @Test func everyFixtureIsListedInSources() throws {
        let sources = try Fixture.text("SOURCES.md")
        for name in Fixture.all {
            #expect(sources.contains("`\(name)`"), "\(name) missing from SOURCES.md")
            _ = try Fixture.bytes(name)
        }
    }

    @Test func everyRepairedFixtureDecodes() throws {
        for name in Fixture.all {
            let result = TestCodecs.decode(fixture: name, try Fixture.repaired(name))
            #expect((try? result.get()) != nil, "\(name): \(result)")
        }
    }

    @Test func keysInSortedOrderDecodeTheSameAsDocumentOrder() throws {
        for name in Fixture.all where !name.hasSuffix(".txt") {
            let original = try TestCodecs.decode(fixture: name, try Fixture.repaired(name)).get()
            let object = try JSONSerialization.jsonObject(with: Data(try Fixture.repaired(name)))
            let sorted = Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
            var reordered = try TestCodecs.decode(fixture: name, sorted).get()
            reordered.message = original.message  // message text re-escaped by JSONSerialization
            #expect(reordered == original, "\(name)")
        }
    }
}
