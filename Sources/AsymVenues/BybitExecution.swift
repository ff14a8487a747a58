public import AsymCore

/// One fill from Bybit's private `execution` stream (docs "WebSocket stream: Execution"). Price in ticks and
/// quantity in lots of the instrument; the fee in quote currency (negative for a maker rebate).
public struct BybitExecution: Sendable, Equatable {
    public var symbol: String
    public var orderID: String
    /// The client id; empty for orders placed elsewhere.
    public var orderLinkID: String
    /// Unique per fill: the key for deduplication.
    public var executionID: String
    /// `executionID` as 64 bits (a UUID's two halves XORed, as for public trade ids): the router's dedup key.
    public var tradeID: UInt64
    public var side: TakerSide
    public var price: Int64
    public var quantity: Int64
    public var fee: Double
    public var isMaker: Bool
    /// `Trade` for an order's own fill; also `AdlTrade`, `BustTrade`, `Funding`, `Settle`, `Delivery`.
    public var executionType: String
    /// `execTime`, ms.
    public var executionMilliseconds: Int64

    static func read(_ reader: inout JSONByteReader, bytes: UnsafeRawBufferPointer, instrument: (String) -> Instrument?)
        throws(DecodeError) -> BybitExecution? {
        let start = reader.readerIndex
        let members = try JSONObjectMembers(&reader, bytes: bytes)
        let symbol = try members.requiredText("symbol", "symbol")
        guard let instrument = instrument(symbol) else { return nil }
        // The fill's identity is its execId (the router dedups by it), so an empty one is as bad as none.
        guard members.text("execId")?.isEmpty == false else { throw .missingField("execId") }
        return BybitExecution(
            symbol: symbol,
            orderID: try members.requiredText("orderId", "orderId"),
            orderLinkID: members.text("orderLinkId") ?? "",
            executionID: try members.requiredText("execId", "execId"),
            tradeID: members.identifier("execId", reader: reader) ?? 0,
            side: try BybitPrivateMessage.side(members, offset: start),
            price: try members.ticks("execPrice", scale: instrument.priceScale, reader: reader),
            quantity: try members.ticks("execQty", scale: instrument.quantityScale, reader: reader),
            fee: try members.decimal("execFee"),
            isMaker: members.bool("isMaker") ?? false,
            executionType: members.text("execType") ?? "Trade",
            executionMilliseconds: try members.integer("execTime", reader: reader) ?? 0)
    }
}
