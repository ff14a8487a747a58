public import AsymCore
import AsymTransport

/// Renders `SyntheticMarket` steps as the exact frames a venue sends, in hftbacktest collector order.
///
/// - Bybit V5: `orderbook.50.SYMBOL` snapshot then deltas (`u`, `seq`, `cts`), `publicTrade.SYMBOL`.
/// - Binance USD-M: combined-stream `depthUpdate` (`U`/`u`/`pu`) and `aggTrade`; the REST depth snapshot
///   body as a line of its own, recorded after the first updates, as the collector fetches it.
/// - OKX V5: `books` snapshot then updates with `prevSeqId`/`seqId`, `checksum` 0 as OKX sends since
///   2026-06 (or a real CRC32 with `okxChecksums`); `trades`.
public struct SyntheticFrameEncoder {
    /// The venue whose wire format is produced.
    public let venue: Venue
    /// The venue's symbol (`BTCUSDT`, `BTC-USDT-SWAP`).
    public let symbol: String
    private let prices: FixedPointScale
    private let sizes: FixedPointScale
    private var updateID: Int64 = 7_000_000_000
    private var crossSequence: Int64 = 40_000_000_000
    private var started = false
    private var heldSnapshot: (time: Int64, text: String)?
    private var stepsSinceStart = 0
    /// Whether OKX pushes carry a real CRC32 `checksum`; OKX sends 0 since 2026-06 (PROTOCOLS.md G2).
    public var okxChecksums = false

    /// An encoder for `symbol` on `venue` with the instrument's scales.
    public init(venue: Venue, symbol: String, prices: FixedPointScale, sizes: FixedPointScale) {
        self.venue = venue
        self.symbol = symbol
        self.prices = prices
        self.sizes = sizes
    }

    /// The frames for one step, each with its receive time.
    public mutating func frames(for step: SyntheticMarket.Step, market: SyntheticMarket) -> [(time: Int64, text: String)] {
        var frames: [(time: Int64, text: String)] = []
        let exchangeTime = (step.time - 3_000_000) / 1_000_000  // ms, ~3 ms before receipt
        if !step.trades.isEmpty {
            frames += trades(step.trades, exchangeTime: exchangeTime).map { (step.time, $0) }
        }
        let bookTime = step.time + 100_000
        switch venue {
        case .bybit:
            updateID += 1
            crossSequence += Int64(1 + step.changes.count)
            if !started {
                started = true
                frames.append((bookTime, bybitBook(type: "snapshot", bids: levels(market, .bid), asks: levels(market, .ask), exchangeTime: exchangeTime)))
            } else if !step.changes.isEmpty {
                frames.append((bookTime, bybitBook(type: "delta", bids: changes(step, .bid), asks: changes(step, .ask), exchangeTime: exchangeTime)))
            }
        case .binance:
            guard !step.changes.isEmpty || !started else { break }
            let first = updateID + 1
            let previous = updateID
            updateID += Int64(max(1, step.changes.count)) + 2
            frames.append((bookTime, binanceDepth(first: first, final: updateID, previous: started ? previous : previous - 5,
                                                  step: step, exchangeTime: exchangeTime)))
            stepsSinceStart += 1
            if !started {
                started = true
                // The collector fetches the snapshot when it first sees the stream; it lands a few frames later.
                heldSnapshot = (0, binanceSnapshot(market, lastUpdateID: updateID, exchangeTime: exchangeTime))
            } else if stepsSinceStart == 3, let held = heldSnapshot {
                frames.append((bookTime + 50_000, held.text))
                heldSnapshot = nil
            }
        case .okx:
            guard !step.changes.isEmpty || !started else { break }  // no push, so no seqId consumed
            let previous = started ? updateID : -1
            updateID += Int64(1 + step.changes.count)
            if !started {
                started = true
                frames.append((bookTime, okxBook(action: "snapshot", bids: levels(market, .bid), asks: levels(market, .ask),
                                                 previous: previous, market: market, exchangeTime: exchangeTime)))
            } else if !step.changes.isEmpty {
                frames.append((bookTime, okxBook(action: "update", bids: changes(step, .bid), asks: changes(step, .ask),
                                                 previous: previous, market: market, exchangeTime: exchangeTime)))
            }
        }
        return frames
    }

    // MARK: - Levels

    private func levels(_ market: SyntheticMarket, _ side: BookSide) -> [(price: Int64, lots: Int64)] {
        market.levels(side, depth: market.configuration.depthLevels)
    }

    private func changes(_ step: SyntheticMarket.Step, _ side: BookSide) -> [(price: Int64, lots: Int64)] {
        step.changes.filter { $0.side == side }.map { ($0.price, $0.lots) }
    }

    private func pairs(_ levels: [(price: Int64, lots: Int64)]) -> String {
        "[" + levels.map { "[\"\(prices.format(ticks: $0.price))\",\"\(sizes.format(ticks: $0.lots))\"]" }.joined(separator: ",") + "]"
    }

    // MARK: - Bybit

    private func bybitBook(type: String, bids: [(price: Int64, lots: Int64)], asks: [(price: Int64, lots: Int64)],
                           exchangeTime: Int64) -> String {
        """
        {"topic":"orderbook.50.\(symbol)","type":"\(type)","ts":\(exchangeTime + 1),"data":{"s":"\(symbol)",\
        "b":\(pairs(bids)),"a":\(pairs(asks)),"u":\(updateID),"seq":\(crossSequence)},"cts":\(exchangeTime)}
        """
    }

    // MARK: - Binance

    private var streamSymbol: String { symbol.lowercased() }

    private func binanceDepth(first: Int64, final: Int64, previous: Int64, step: SyntheticMarket.Step,
                              exchangeTime: Int64) -> String {
        """
        {"stream":"\(streamSymbol)@depth@100ms","data":{"e":"depthUpdate","E":\(exchangeTime + 2),"T":\(exchangeTime),\
        "s":"\(symbol)","U":\(first),"u":\(final),"pu":\(previous),"b":\(pairs(changes(step, .bid))),"a":\(pairs(changes(step, .ask)))}}
        """
    }

    private func binanceSnapshot(_ market: SyntheticMarket, lastUpdateID: Int64, exchangeTime: Int64) -> String {
        """
        {"lastUpdateId":\(lastUpdateID),"E":\(exchangeTime + 5),"T":\(exchangeTime + 4),\
        "bids":\(pairs(levels(market, .bid))),"asks":\(pairs(levels(market, .ask)))}
        """
    }

    // MARK: - OKX

    private func okxLevels(_ levels: [(price: Int64, lots: Int64)]) -> String {
        "[" + levels.map { level in
            let orders = level.lots == 0 ? 0 : 1 + level.lots % 7
            return "[\"\(prices.formatMinimal(ticks: level.price))\",\"\(sizes.formatMinimal(ticks: level.lots))\",\"0\",\"\(orders)\"]"
        }.joined(separator: ",") + "]"
    }

    private func okxBook(action: String, bids: [(price: Int64, lots: Int64)], asks: [(price: Int64, lots: Int64)],
                         previous: Int64, market: SyntheticMarket, exchangeTime: Int64) -> String {
        """
        {"arg":{"channel":"books","instId":"\(symbol)"},"action":"\(action)","data":[{"asks":\(okxLevels(asks)),\
        "bids":\(okxLevels(bids)),"ts":"\(exchangeTime)","checksum":\(okxChecksums ? okxChecksum(market) : 0),\
        "prevSeqId":\(previous),"seqId":\(updateID)}]}
        """
    }

    /// OKX's documented checksum: CRC32 of `bid1px:bid1sz:ask1px:ask1sz:…` over the top 25 levels, signed.
    private func okxChecksum(_ market: SyntheticMarket) -> Int32 {
        let bids = market.levels(.bid, depth: 25)
        let asks = market.levels(.ask, depth: 25)
        var parts: [String] = []
        for index in 0..<max(bids.count, asks.count) {
            if index < bids.count { parts += [prices.formatMinimal(ticks: bids[index].price), sizes.formatMinimal(ticks: bids[index].lots)] }
            if index < asks.count { parts += [prices.formatMinimal(ticks: asks[index].price), sizes.formatMinimal(ticks: asks[index].lots)] }
        }
        return Int32(bitPattern: CRC32.checksum(Array(parts.joined(separator: ":").utf8)))
    }

    // MARK: - Trades

    private func trades(_ trades: [SyntheticMarket.Trade], exchangeTime: Int64) -> [String] {
        switch venue {
        case .bybit:
            let items = trades.map { trade in
                let id = String(trade.id, radix: 16)
                let uuid = "00000000-0000-4000-8000-" + String(repeating: "0", count: max(0, 12 - id.count)) + id
                return """
                    {"T":\(exchangeTime),"s":"\(symbol)","S":"\(trade.taker == .buy ? "Buy" : "Sell")",\
                    "v":"\(sizes.format(ticks: trade.lots))","p":"\(prices.format(ticks: trade.price))",\
                    "L":"\(trade.taker == .buy ? "PlusTick" : "MinusTick")","i":"\(uuid)","BT":false,"RPI":false,"seq":\(crossSequence)}
                    """
            }
            return [#"{"topic":"publicTrade.\#(symbol)","type":"snapshot","ts":\#(exchangeTime + 1),"data":[\#(items.joined(separator: ","))]}"#]
        case .binance:
            // One aggTrade per frame on the wire; the collector records each as its own line.
            return trades.map { trade in
                """
                {"stream":"\(streamSymbol)@aggTrade","data":{"e":"aggTrade","E":\(exchangeTime + 1),"a":\(trade.id),\
                "s":"\(symbol)","p":"\(prices.format(ticks: trade.price))","q":"\(sizes.format(ticks: trade.lots))",\
                "nq":"\(sizes.format(ticks: trade.lots))","f":\(trade.id * 3),"l":\(trade.id * 3 + 2),"T":\(exchangeTime),\
                "m":\(trade.taker == .sell)}}
                """
            }
        case .okx:
            let items = trades.map { trade in
                """
                {"instId":"\(symbol)","tradeId":"\(trade.id)","px":"\(prices.formatMinimal(ticks: trade.price))",\
                "sz":"\(sizes.formatMinimal(ticks: trade.lots))","side":"\(trade.taker == .buy ? "buy" : "sell")",\
                "ts":"\(exchangeTime)","count":"1","source":"0","seqId":\(trade.id)}
                """
            }
            return [#"{"arg":{"channel":"trades","instId":"\#(symbol)"},"data":[\#(items.joined(separator: ","))]}"#]
        }
    }
}
