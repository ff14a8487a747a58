public import AsymCore
import Foundation

/// Instrument rules of each venue, parsed from the venue's own instrument responses.
///
/// - Bybit `GET /v5/market/instruments-info?category=linear`: `priceFilter.tickSize`,
///   `lotSizeFilter.qtyStep/minOrderQty/maxOrderQty/minNotionalValue`, `leverageFilter.maxLeverage`.
/// - Binance `GET /fapi/v1/exchangeInfo` (`PRICE_FILTER.tickSize`, `LOT_SIZE.stepSize/minQty/maxQty`,
///   `MIN_NOTIONAL.notional`) **plus** `GET /fapi/v1/leverageBracket` (bracket 1's `initialLeverage`), because
///   exchangeInfo carries no leverage.
/// - OKX `GET /api/v5/public/instruments?instType=SWAP`: `tickSz`, `lotSz`, `minSz`, `maxLmtSz` (contracts),
///   `ctVal`, `lever`.
///
/// Decimal strings go straight to fixed point (`FixedPointScale`), never through `Double`. Startup code: parsing
/// uses Foundation's `JSONSerialization` and allocates freely. Shipped responses for the default symbols are
/// embedded (``embedded(venue:symbols:)``), so the binary runs with no files around.
public struct InstrumentCatalog: Sendable {
    /// Every loaded instrument.
    public private(set) var instruments: [Instrument]

    /// A catalog of `instruments`.
    public init(_ instruments: [Instrument]) { self.instruments = instruments }

    /// The instrument for `symbol` on `venue`, if loaded.
    public func instrument(venue: Venue, symbol: String) -> Instrument? {
        instruments.first { $0.venue == venue && $0.symbol == symbol }
    }

    /// Symbols asym trades when none are configured.
    public static func defaultSymbols(for venue: Venue) -> [String] {
        switch venue {
        case .bybit, .binance: ["BTCUSDT", "ETHUSDT"]
        case .okx: ["BTC-USDT-SWAP", "ETH-USDT-SWAP"]
        }
    }

    /// File names of a venue's responses inside an instruments directory (the repository's `instruments/`).
    public static func fileNames(for venue: Venue) -> [String] {
        switch venue {
        case .bybit: ["bybit-instruments-info-linear.json"]
        case .binance: ["binance-exchangeInfo.json", "binance-leverageBracket.json"]
        case .okx: ["okx-instruments-swap.json"]
        }
    }

    /// The default symbols of every venue, from the embedded responses.
    public static func defaults() throws(InstrumentLoadError) -> InstrumentCatalog {
        var all: [Instrument] = []
        for venue in Venue.allCases { all += try embedded(venue: venue) }
        return InstrumentCatalog(all)
    }

    /// Parses the embedded (shipped) response of `venue`; `symbols` defaults to ``defaultSymbols(for:)``.
    public static func embedded(venue: Venue, symbols: [String]? = nil) throws(InstrumentLoadError) -> [Instrument] {
        let wanted = symbols ?? defaultSymbols(for: venue)
        switch venue {
        case .bybit:
            return try bybit(instrumentsInfo: Array(InstrumentDefaults.bybitInstrumentsInfoLinear.utf8), symbols: wanted)
        case .binance:
            return try binance(
                exchangeInfo: Array(InstrumentDefaults.binanceExchangeInfo.utf8),
                leverageBracket: Array(InstrumentDefaults.binanceLeverageBracket.utf8), symbols: wanted)
        case .okx:
            return try okx(instruments: Array(InstrumentDefaults.okxInstrumentsSwap.utf8), symbols: wanted)
        }
    }

    /// Reads `venue`'s response files (``fileNames(for:)``) from `directory`; `symbols` defaults to
    /// ``defaultSymbols(for:)``.
    public static func load(
        venue: Venue, symbols: [String]? = nil, directory: String
    ) throws(InstrumentLoadError) -> [Instrument] {
        let wanted = symbols ?? defaultSymbols(for: venue)
        let names = fileNames(for: venue)
        func path(_ name: String) -> String { directory.hasSuffix("/") ? directory + name : directory + "/" + name }
        switch venue {
        case .bybit:
            return try bybit(instrumentsInfo: readFile(path(names[0])), symbols: wanted)
        case .binance:
            let exchangeInfo = try readFile(path(names[0]))
            let bracketPath = path(names[1])
            let brackets: [UInt8]
            do throws(InstrumentLoadError) {
                brackets = try readFile(bracketPath)
            } catch {
                if case .fileMissing = error { throw .leverageBracketsMissing(path: bracketPath) }
                throw error
            }
            return try binance(exchangeInfo: exchangeInfo, leverageBracket: brackets, symbols: wanted)
        case .okx:
            return try okx(instruments: readFile(path(names[0])), symbols: wanted)
        }
    }

    // MARK: - Bybit

    /// Parses a Bybit `instruments-info` (linear) response; `symbols == nil` takes every listed instrument.
    public static func bybit(instrumentsInfo json: [UInt8], symbols: [String]?) throws(InstrumentLoadError) -> [Instrument] {
        let source = "Bybit instruments-info"
        guard let root = try parse(json, source: source) as? [String: Any] else { throw .notJSON(source: source) }
        let retCode = integerText(root["retCode"])
        guard let retCode else { throw .notJSON(source: source) }
        guard retCode == "0" else {
            throw .venueError(venue: .bybit, code: retCode, message: root["retMsg"] as? String ?? "")
        }
        guard let result = root["result"] as? [String: Any], let list = result["list"] as? [[String: Any]] else {
            throw .notJSON(source: source)
        }
        let entries = try select(list, key: "symbol", symbols: symbols, venue: .bybit, source: source)
        return try entries.map { (index, entry, symbol) throws(InstrumentLoadError) in
            let fields = Fields(venue: .bybit, symbol: symbol, object: entry, path: "result.list[\(index)]")
            let priceFilter = try fields.object("priceFilter")
            let lotSize = try fields.object("lotSizeFilter")
            let leverage = try fields.object("leverageFilter")
            let quantityScale = try lotSize.scale("qtyStep")
            let minimumNotional = try lotSize.optionalDecimal("minNotionalValue")
            return Instrument(
                venue: .bybit, symbol: symbol, priceScale: try priceFilter.scale("tickSize"),
                quantityScale: quantityScale,
                minimumQuantity: Quantity(lots: try lotSize.lots("minOrderQty", scale: quantityScale)),
                maximumQuantity: Quantity(lots: try lotSize.lots("maxOrderQty", scale: quantityScale)),
                minimumNotional: minimumNotional, contractValue: "1",
                maximumLeverage: try leverage.leverage("maxLeverage"))
        }
    }

    // MARK: - Binance

    /// Parses Binance USD-M `exchangeInfo` plus `leverageBracket` (bracket 1's `initialLeverage` is the maximum);
    /// `symbols == nil` takes every symbol in exchangeInfo.
    public static func binance(
        exchangeInfo: [UInt8], leverageBracket: [UInt8], symbols: [String]?
    ) throws(InstrumentLoadError) -> [Instrument] {
        let source = "Binance exchangeInfo"
        let root = try parse(exchangeInfo, source: source)
        try checkBinanceError(root)
        guard let object = root as? [String: Any], let list = object["symbols"] as? [[String: Any]] else {
            throw .notJSON(source: source)
        }
        let bracketSource = "Binance leverageBracket"
        let bracketRoot = try parse(leverageBracket, source: bracketSource)
        try checkBinanceError(bracketRoot)
        // With `symbol=` the endpoint returns one object instead of an array.
        let bracketList: [[String: Any]]
        if let array = bracketRoot as? [[String: Any]] {
            bracketList = array
        } else if let single = bracketRoot as? [String: Any], single["brackets"] != nil {
            bracketList = [single]
        } else {
            throw .notJSON(source: bracketSource)
        }
        let entries = try select(list, key: "symbol", symbols: symbols, venue: .binance, source: source)
        return try entries.map { (index, entry, symbol) throws(InstrumentLoadError) in
            let fields = Fields(venue: .binance, symbol: symbol, object: entry, path: "symbols[\(index)]")
            let priceFilter = try fields.filter("PRICE_FILTER")
            let lotSize = try fields.filter("LOT_SIZE")
            let minNotional = try fields.filter("MIN_NOTIONAL")
            let quantityScale = try lotSize.scale("stepSize")
            guard let bracketIndex = bracketList.firstIndex(where: { $0["symbol"] as? String == symbol }) else {
                throw .symbolNotFound(venue: .binance, symbol: symbol, source: bracketSource)
            }
            let bracketEntry = Fields(
                venue: .binance, symbol: symbol, object: bracketList[bracketIndex], path: "[\(bracketIndex)]")
            let firstBracket = try bracketEntry.bracketOne()
            return Instrument(
                venue: .binance, symbol: symbol, priceScale: try priceFilter.scale("tickSize"),
                quantityScale: quantityScale,
                minimumQuantity: Quantity(lots: try lotSize.lots("minQty", scale: quantityScale)),
                maximumQuantity: Quantity(lots: try lotSize.lots("maxQty", scale: quantityScale)),
                minimumNotional: try minNotional.decimal("notional"), contractValue: "1",
                maximumLeverage: try firstBracket.leverage("initialLeverage"))
        }
    }

    /// Binance errors are `{"code": -2015, "msg": "..."}` in place of the data.
    private static func checkBinanceError(_ root: Any) throws(InstrumentLoadError) {
        guard let object = root as? [String: Any], let code = integerText(object["code"]), code != "0",
            object["symbols"] == nil
        else { return }
        throw .venueError(venue: .binance, code: code, message: object["msg"] as? String ?? "")
    }

    // MARK: - OKX

    /// Parses an OKX `public/instruments?instType=SWAP` response; sizes are in contracts, `ctVal` base coin per
    /// contract. `symbols == nil` takes every listed instrument.
    public static func okx(instruments json: [UInt8], symbols: [String]?) throws(InstrumentLoadError) -> [Instrument] {
        let source = "OKX public/instruments"
        guard let root = try parse(json, source: source) as? [String: Any], let code = integerText(root["code"]) else {
            throw .notJSON(source: source)
        }
        guard code == "0" else { throw .venueError(venue: .okx, code: code, message: root["msg"] as? String ?? "") }
        guard let list = root["data"] as? [[String: Any]] else { throw .notJSON(source: source) }
        let entries = try select(list, key: "instId", symbols: symbols, venue: .okx, source: source)
        return try entries.map { (index, entry, symbol) throws(InstrumentLoadError) in
            let fields = Fields(venue: .okx, symbol: symbol, object: entry, path: "data[\(index)]")
            let quantityScale = try fields.scale("lotSz")
            return Instrument(
                venue: .okx, symbol: symbol, priceScale: try fields.scale("tickSz"), quantityScale: quantityScale,
                minimumQuantity: Quantity(lots: try fields.lots("minSz", scale: quantityScale)),
                maximumQuantity: Quantity(lots: try fields.lots("maxLmtSz", scale: quantityScale)),
                minimumNotional: nil, contractValue: try fields.decimal("ctVal"),
                maximumLeverage: try fields.leverage("lever"))
        }
    }

    // MARK: - Helpers

    private static func readFile(_ path: String) throws(InstrumentLoadError) -> [UInt8] {
        guard FileManager.default.fileExists(atPath: path) else { throw .fileMissing(path: path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, errno: errno)
        }
        return [UInt8](data)
    }

    private static func parse(_ json: [UInt8], source: String) throws(InstrumentLoadError) -> Any {
        do {
            return try JSONSerialization.jsonObject(with: Data(json), options: [.fragmentsAllowed])
        } catch {
            throw .notJSON(source: source)
        }
    }

    /// An integer code as text, whether the venue sent a number (Bybit `retCode`) or a string (OKX `code`).
    private static func integerText(_ value: Any?) -> String? {
        if let text = value as? String { return text }
        if let number = value as? Int { return String(number) }
        return nil
    }

    /// The requested entries with their index in `list`, in the order of `symbols` (or the response's order).
    private static func select(
        _ list: [[String: Any]], key: String, symbols: [String]?, venue: Venue, source: String
    ) throws(InstrumentLoadError) -> [(Int, [String: Any], String)] {
        guard let symbols else {
            return list.enumerated().compactMap { index, entry in
                (entry[key] as? String).map { (index, entry, $0) }
            }
        }
        return try symbols.map { symbol throws(InstrumentLoadError) in
            guard let index = list.firstIndex(where: { $0[key] as? String == symbol }) else {
                throw .symbolNotFound(venue: venue, symbol: symbol, source: source)
            }
            return (index, list[index], symbol)
        }
    }
}

/// One JSON object of a response and its path, with typed, path-reporting field readers.
private struct Fields {
    let venue: Venue
    let symbol: String
    let object: [String: Any]
    let path: String

    private func location(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private func missing(_ key: String) -> InstrumentLoadError {
        .fieldMissing(venue: venue, symbol: symbol, path: location(key))
    }

    private func malformed(_ key: String, _ value: String, _ reason: String) -> InstrumentLoadError {
        .fieldMalformed(venue: venue, symbol: symbol, path: location(key), value: value, reason: reason)
    }

    func object(_ key: String) throws(InstrumentLoadError) -> Fields {
        guard let value = object[key] else { throw missing(key) }
        guard let nested = value as? [String: Any] else { throw malformed(key, "\(value)", "not an object") }
        return Fields(venue: venue, symbol: symbol, object: nested, path: location(key))
    }

    /// The Binance filter whose `filterType` is `type`.
    func filter(_ type: String) throws(InstrumentLoadError) -> Fields {
        let key = "filters"
        guard let filters = object[key] as? [[String: Any]] else { throw missing(key) }
        guard let found = filters.first(where: { $0["filterType"] as? String == type }) else {
            throw missing("\(key)[\(type)]")
        }
        return Fields(venue: venue, symbol: symbol, object: found, path: location("\(key)[\(type)]"))
    }

    /// The leverage bracket whose `bracket` is 1: the lowest notional tier, which carries the maximum leverage.
    func bracketOne() throws(InstrumentLoadError) -> Fields {
        let key = "brackets"
        guard let brackets = object[key] as? [[String: Any]] else { throw missing(key) }
        guard let index = brackets.firstIndex(where: { Self.integer($0["bracket"]) == 1 }) else {
            throw missing("\(key)[bracket=1]")
        }
        return Fields(venue: venue, symbol: symbol, object: brackets[index], path: location("\(key)[\(index)]"))
    }

    func string(_ key: String) throws(InstrumentLoadError) -> String {
        guard let value = object[key], !(value is NSNull) else { throw missing(key) }
        guard let text = value as? String else { throw malformed(key, "\(value)", "not a decimal string") }
        return text
    }

    /// An increment (tick or lot size) as a scale.
    func scale(_ key: String) throws(InstrumentLoadError) -> FixedPointScale {
        let text = try string(key)
        do throws(DecimalParseError) {
            return try FixedPointScale(increment: text)
        } catch {
            throw malformed(key, text, "\(error)")
        }
    }

    /// A size in whole lots of `scale`; off-step values are malformed.
    func lots(_ key: String, scale: FixedPointScale) throws(InstrumentLoadError) -> Int64 {
        let text = try string(key)
        do throws(DecimalParseError) {
            return try scale.ticks(parsing: text)
        } catch {
            throw malformed(key, text, "\(error)")
        }
    }

    /// Exact decimal text, validated, returned unchanged.
    func decimal(_ key: String) throws(InstrumentLoadError) -> String {
        let text = try string(key)
        if let reason = Self.decimalDefect(text) { throw malformed(key, text, reason) }
        return text
    }

    /// Like ``decimal(_:)``, but an absent or empty value (Bybit inverse `minNotionalValue: ""`) is `nil`.
    func optionalDecimal(_ key: String) throws(InstrumentLoadError) -> String? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        if let text = value as? String, text.isEmpty { return nil }
        return try decimal(key)
    }

    /// Maximum leverage from decimal text (`"100.00"`, rounded down so it never exceeds the venue's) or an
    /// integer JSON number (Binance `initialLeverage`).
    func leverage(_ key: String) throws(InstrumentLoadError) -> Int {
        guard let value = object[key], !(value is NSNull) else { throw missing(key) }
        let text: String
        if let string = value as? String {
            text = string
        } else if let integer = Self.integer(value) {
            text = String(integer)
        } else {
            throw malformed(key, "\(value)", "not an integer")
        }
        let fraction = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let fractionDigits = fraction.count == 2 ? fraction[1].count : 0
        guard fractionDigits <= 18 else { throw malformed(key, text, "\(DecimalParseError.tooManyDigits)") }
        let units: Int64
        do throws(DecimalParseError) {
            units = try FixedPointScale(decimals: fractionDigits).units(parsing: Array(text.utf8))
        } catch {
            throw malformed(key, text, "\(error)")
        }
        let whole = Self.whole(units, decimals: fractionDigits)
        guard whole >= 1 && whole <= Int64(Int32.max) else { throw malformed(key, text, "out of range") }
        return Int(whole)
    }

    private static func whole(_ units: Int64, decimals: Int) -> Int64 {
        var divisor: Int64 = 1
        for _ in 0..<decimals { divisor *= 10 }
        return units / divisor
    }

    /// An integral JSON number (or integer text) as `Int64`; `nil` for anything else, including fractions.
    static func integer(_ value: Any?) -> Int64? {
        if let integer = value as? Int { return Int64(integer) }
        if let text = value as? String { return Int64(text) }
        return nil
    }

    /// Why `text` is not plain, exact decimal text, or `nil` if it is.
    static func decimalDefect(_ text: String) -> String? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let fractionDigits = parts.count == 2 ? parts[1].count : 0
        guard fractionDigits <= 18 else { return "\(DecimalParseError.tooManyDigits)" }
        do throws(DecimalParseError) {
            _ = try FixedPointScale(decimals: fractionDigits).units(parsing: Array(text.utf8))
            return nil
        } catch {
            return "\(error)"
        }
    }
}
