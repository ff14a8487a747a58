import AsymCore
import Foundation
import Testing
import TestSupport

@testable import AsymVenues

/// The repository's `instruments/` directory, the source of truth for the shipped responses.
private let instrumentsDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("instruments").path

private func shipped(_ name: String) throws -> String {
    try String(contentsOfFile: "\(instrumentsDirectory)/\(name)", encoding: .utf8)
}

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

@Suite("InstrumentCatalog")
struct InstrumentCatalogTests {
    // MARK: - Shipped files

    @Test func bybitFileGivesBTCUSDTTheFilesTickLotLimitsNotionalAndLeverage() throws {
        let instruments = try InstrumentCatalog.load(venue: .bybit, directory: instrumentsDirectory)
        #expect(instruments.map(\.symbol) == ["BTCUSDT", "ETHUSDT"])
        let btc = try #require(instruments.first)
        #expect(btc.priceScale == FixedPointScale(decimals: 1, step: 1))  // tickSize "0.10"
        #expect(btc.quantityScale == FixedPointScale(decimals: 3, step: 1))  // qtyStep "0.001"
        #expect(btc.minimumQuantity == Quantity(lots: 1))  // minOrderQty "0.001"
        #expect(btc.maximumQuantity == Quantity(lots: 1_190_000))  // maxOrderQty "1190.000"
        #expect(btc.minimumNotional == "5")  // minNotionalValue
        #expect(btc.contractValue == "1")
        #expect(btc.maximumLeverage == 100)  // maxLeverage "100.00"
        let eth = instruments[1]
        #expect(eth.priceScale == FixedPointScale(decimals: 2, step: 1))
        #expect(eth.maximumQuantity == Quantity(lots: 724_000))  // "7240.00" at qtyStep 0.01
    }

    @Test func binanceFilesGiveBTCUSDTTheFiltersAndBracketOneLeverage() throws {
        let instruments = try InstrumentCatalog.load(venue: .binance, directory: instrumentsDirectory)
        let btc = try #require(instruments.first { $0.symbol == "BTCUSDT" })
        #expect(btc.venue == .binance)
        #expect(btc.priceScale == FixedPointScale(decimals: 1, step: 1))  // PRICE_FILTER.tickSize "0.10"
        #expect(btc.quantityScale == FixedPointScale(decimals: 3, step: 1))  // LOT_SIZE.stepSize "0.001"
        #expect(btc.minimumQuantity == Quantity(lots: 1))  // minQty "0.001"
        #expect(btc.maximumQuantity == Quantity(lots: 1_000_000))  // maxQty "1000"
        #expect(btc.minimumNotional == "5")  // MIN_NOTIONAL.notional
        #expect(btc.maximumLeverage == 125)  // leverageBracket bracket 1 initialLeverage
        let eth = try #require(instruments.first { $0.symbol == "ETHUSDT" })
        #expect(eth.priceScale == FixedPointScale(decimals: 2, step: 1))
        #expect(eth.maximumLeverage == 75)
    }

    @Test func okxFileGivesContractSizesAndContractValue() throws {
        let instruments = try InstrumentCatalog.load(venue: .okx, directory: instrumentsDirectory)
        #expect(instruments.map(\.symbol) == ["BTC-USDT-SWAP", "ETH-USDT-SWAP"])
        let btc = instruments[0]
        #expect(btc.priceScale == FixedPointScale(decimals: 1, step: 1))  // tickSz "0.1"
        #expect(btc.quantityScale == FixedPointScale(decimals: 2, step: 1))  // lotSz "0.01" contracts
        #expect(btc.minimumQuantity == Quantity(lots: 1))  // minSz "0.01"
        #expect(btc.maximumQuantity == Quantity(lots: 10_000_000_000))  // maxLmtSz "100000000"
        #expect(btc.minimumNotional == nil)
        #expect(btc.contractValue == "0.01")  // ctVal: BTC per contract
        #expect(btc.maximumLeverage == 100)  // lever
        #expect(instruments[1].contractValue == "0.1")
    }

    @Test func embeddedDefaultsAreByteForByteTheShippedFiles() throws {
        let pairs = [
            (InstrumentDefaults.bybitInstrumentsInfoLinear, "bybit-instruments-info-linear.json"),
            (InstrumentDefaults.binanceExchangeInfo, "binance-exchangeInfo.json"),
            (InstrumentDefaults.binanceLeverageBracket, "binance-leverageBracket.json"),
            (InstrumentDefaults.okxInstrumentsSwap, "okx-instruments-swap.json"),
        ]
        for (embedded, name) in pairs {
            var file = try shipped(name)
            if file.hasSuffix("\n") { file.removeLast() }  // a multi-line literal drops the final newline
            #expect(embedded == file, "InstrumentDefaults is stale for \(name): run scripts/embed-instruments")
        }
    }

    @Test func embeddedDefaultsLoadEveryVenuesDefaultSymbolsWithoutFiles() throws {
        let catalog = try InstrumentCatalog.defaults()
        #expect(catalog.instruments.count == 6)
        for venue in Venue.allCases {
            for symbol in InstrumentCatalog.defaultSymbols(for: venue) {
                #expect(catalog.instrument(venue: venue, symbol: symbol) != nil, "\(venue) \(symbol)")
            }
        }
        let fromFiles = try InstrumentCatalog.load(venue: .okx, directory: instrumentsDirectory)
        #expect(try InstrumentCatalog.embedded(venue: .okx) == fromFiles)
    }

    // MARK: - Errors

    @Test func unknownSymbolIsSymbolNotFound() throws {
        let text = try shipped("bybit-instruments-info-linear.json")
        #expect(throws: InstrumentLoadError.symbolNotFound(venue: .bybit, symbol: "SOLUSDT", source: "Bybit instruments-info")) {
            try InstrumentCatalog.bybit(instrumentsInfo: bytes(text), symbols: ["SOLUSDT"])
        }
    }

    @Test func nonZeroRetCodeIsAVenueError() {
        let json = #"{"retCode":10001,"retMsg":"params error: category is invalid","result":{},"retExtInfo":{},"time":1}"#
        #expect(throws: InstrumentLoadError.venueError(venue: .bybit, code: "10001", message: "params error: category is invalid")) {
            try InstrumentCatalog.bybit(instrumentsInfo: bytes(json), symbols: ["BTCUSDT"])
        }
    }

    @Test func okxNonZeroCodeIsAVenueError() {
        let json = #"{"code":"51000","msg":"Parameter instType error","data":[]}"#
        #expect(throws: InstrumentLoadError.venueError(venue: .okx, code: "51000", message: "Parameter instType error")) {
            try InstrumentCatalog.okx(instruments: bytes(json), symbols: nil)
        }
    }

    @Test func binanceErrorObjectInPlaceOfBracketsIsAVenueError() throws {
        let exchangeInfo = try shipped("binance-exchangeInfo.json")
        let error = #"{"code":-2015,"msg":"Invalid API-key, IP, or permissions for action."}"#
        #expect(throws: InstrumentLoadError.venueError(venue: .binance, code: "-2015", message: "Invalid API-key, IP, or permissions for action.")) {
            try InstrumentCatalog.binance(exchangeInfo: bytes(exchangeInfo), leverageBracket: bytes(error), symbols: nil)
        }
    }

    @Test func malformedTickSizeNamesItsFieldPath() throws {
        let text = try shipped("bybit-instruments-info-linear.json")
            .replacingOccurrences(of: #""tickSize": "0.10""#, with: #""tickSize": "1e-1""#)
        #expect(throws: InstrumentLoadError.fieldMalformed(venue: .bybit, symbol: "BTCUSDT", path: "result.list[0].priceFilter.tickSize", value: "1e-1", reason: "exponent")) {
            try InstrumentCatalog.bybit(instrumentsInfo: bytes(text), symbols: ["BTCUSDT"])
        }
    }

    @Test func offStepMaximumQuantityIsMalformed() throws {
        let text = try shipped("okx-instruments-swap.json")
            .replacingOccurrences(of: #""maxLmtSz": "100000000""#, with: #""maxLmtSz": "100000000.005""#)
        #expect(throws: InstrumentLoadError.fieldMalformed(venue: .okx, symbol: "ETH-USDT-SWAP", path: "data[0].maxLmtSz", value: "100000000.005", reason: "tooPrecise")) {
            try InstrumentCatalog.okx(instruments: bytes(text), symbols: nil)
        }
    }

    @Test func missingFieldNamesItsPath() throws {
        let text = try shipped("bybit-instruments-info-linear.json")
            .replacingOccurrences(of: #""qtyStep": "0.01","#, with: "")
        #expect(throws: InstrumentLoadError.fieldMissing(venue: .bybit, symbol: "ETHUSDT", path: "result.list[1].lotSizeFilter.qtyStep")) {
            try InstrumentCatalog.bybit(instrumentsInfo: bytes(text), symbols: nil)
        }
    }

    @Test func binanceWithoutTheLeverageBracketFileIsAClearError() throws {
        try TemporaryDirectory.with { directory in
            let exchangeInfo = try shipped("binance-exchangeInfo.json")
            try exchangeInfo.write(toFile: directory.path("binance-exchangeInfo.json"), atomically: true, encoding: .utf8)
            let expected = InstrumentLoadError.leverageBracketsMissing(path: directory.path("binance-leverageBracket.json"))
            #expect(throws: expected) {
                try InstrumentCatalog.load(venue: .binance, directory: directory.path)
            }
            #expect(expected.description.contains("/fapi/v1/leverageBracket"))
        }
    }

    @Test func binanceBracketsWithoutTheSymbolAreSymbolNotFound() throws {
        let exchangeInfo = try shipped("binance-exchangeInfo.json")
        #expect(throws: InstrumentLoadError.symbolNotFound(venue: .binance, symbol: "BTCUSDT", source: "Binance leverageBracket")) {
            try InstrumentCatalog.binance(exchangeInfo: bytes(exchangeInfo), leverageBracket: bytes("[]"), symbols: ["BTCUSDT"])
        }
    }

    @Test func binanceSingleSymbolBracketObjectIsAccepted() throws {
        let exchangeInfo = try shipped("binance-exchangeInfo.json")
        let single = #"{"symbol":"ETHUSDT","brackets":[{"bracket":1,"initialLeverage":75,"notionalCap":10000,"notionalFloor":0,"maintMarginRatio":0.0065,"cum":0}]}"#
        let instruments = try InstrumentCatalog.binance(
            exchangeInfo: bytes(exchangeInfo), leverageBracket: bytes(single), symbols: ["ETHUSDT"])
        #expect(instruments.first?.maximumLeverage == 75)
    }

    @Test func missingFileAndNonJSONAreTyped() throws {
        #expect(throws: InstrumentLoadError.fileMissing(path: "/nonexistent/okx-instruments-swap.json")) {
            try InstrumentCatalog.load(venue: .okx, directory: "/nonexistent")
        }
        #expect(throws: InstrumentLoadError.notJSON(source: "OKX public/instruments")) {
            try InstrumentCatalog.okx(instruments: bytes("<html>502 Bad Gateway</html>"), symbols: nil)
        }
    }

    @Test func fractionalLeverageRoundsDownNeverUp() throws {
        let text = try shipped("bybit-instruments-info-linear.json")
            .replacingOccurrences(of: #""maxLeverage": "100.00""#, with: #""maxLeverage": "12.50""#)
        let instruments = try InstrumentCatalog.bybit(instrumentsInfo: bytes(text), symbols: ["BTCUSDT"])
        #expect(instruments.first?.maximumLeverage == 12)
    }
}
