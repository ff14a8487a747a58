public import AsymCore

/// One order as Bybit describes it: an element of a private `order` push or of a `/v5/order/realtime` reply.
/// Quantities are lots of the instrument; the average price is a `Double` in price units, because an average of
/// fills is on no grid.
public struct BybitOrderUpdate: Sendable, Equatable {
    public var symbol: String
    public var orderID: String
    /// The client id; empty for orders placed elsewhere.
    public var orderLinkID: String
    public var side: TakerSide
    public var status: BybitOrderStatus
    /// `EC_NoError` unless rejected (e.g. `EC_PostOnlyWillTakeLiquidity`).
    public var rejectReason: String
    /// `UNKNOWN` unless cancelled (e.g. `CancelByUser`).
    public var cancelType: String
    public var quantity: Int64
    public var filledQuantity: Int64
    /// Open quantity; 0 when the venue sends `""`.
    public var leavesQuantity: Int64
    /// 0 without fills (`""` or `"0"`).
    public var averagePrice: Double
    /// `cumExecFee` (deprecated for linear in favour of `cumFeeDetail`, but still sent).
    public var cumulativeFee: Double
    /// `updatedTime`, ms.
    public var updatedMilliseconds: Int64

    /// Reads one order object at the reader's position.
    static func read(_ reader: inout JSONByteReader, bytes: UnsafeRawBufferPointer, instrument: (String) -> Instrument?)
        throws(DecodeError) -> BybitOrderUpdate? {
        let start = reader.readerIndex
        let members = try JSONObjectMembers(&reader, bytes: bytes)
        let symbol = try members.requiredText("symbol", "symbol")
        guard let instrument = instrument(symbol) else { return nil }
        guard let status = BybitOrderStatus(rawValue: try members.requiredText("orderStatus", "orderStatus")) else {
            throw .invalidValue(offset: start)
        }
        return BybitOrderUpdate(
            symbol: symbol,
            orderID: try members.requiredText("orderId", "orderId"),
            orderLinkID: members.text("orderLinkId") ?? "",
            side: try BybitPrivateMessage.side(members, offset: start),
            status: status,
            rejectReason: members.text("rejectReason") ?? "",
            cancelType: members.text("cancelType") ?? "",
            quantity: try members.ticks("qty", scale: instrument.quantityScale, reader: reader),
            filledQuantity: try members.ticks("cumExecQty", scale: instrument.quantityScale, reader: reader),
            leavesQuantity: try members.ticks("leavesQty", scale: instrument.quantityScale, reader: reader),
            averagePrice: try members.decimal("avgPrice"),
            cumulativeFee: try members.decimal("cumExecFee"),
            updatedMilliseconds: try members.integer("updatedTime", reader: reader) ?? 0)
    }
}
