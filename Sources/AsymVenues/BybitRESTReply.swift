public import AsymCore

/// A Bybit V5 REST reply: `{"retCode":…,"retMsg":…,"result":{…},"retExtInfo":{},"time":…}` (docs "Integration
/// guidance"). HTTP 200 does not mean success; `failure` is nil only for `retCode` 0.
public struct BybitRESTReply: Sendable, Equatable {
    public var retCode: Int64
    public var retMessage: String
    /// `result.orderId` of a create or cancel; nil otherwise.
    public var orderID: String?
    /// `result.orderLinkId` of a create or cancel; nil otherwise.
    public var orderLinkID: String?
    /// `result.list` of an order query, for the symbols `instrument` knows.
    public var orders: [BybitOrderUpdate]
    /// The venue's clock when it answered, ms (0 when absent).
    public var timeMilliseconds: Int64

    public var failure: BybitFailure? { BybitFailure(retCode: retCode) }

    /// Decodes a reply body.
    ///
    /// - Throws: `DecodeError` for malformed JSON, a missing `retCode`, or an order that does not decode.
    public static func decode(_ bytes: UnsafeRawBufferPointer, instrument: (String) -> Instrument? = { _ in nil })
        throws(DecodeError) -> BybitRESTReply {
        var reader = JSONByteReader(bytes)
        let members = try JSONObjectMembers(&reader, bytes: bytes)
        try reader.readEnd()
        guard let retCode = try members.integer("retCode", reader: reader) else { throw .missingField("retCode") }
        var reply = BybitRESTReply(retCode: retCode, retMessage: members.text("retMsg") ?? "", orderID: nil,
                                   orderLinkID: nil, orders: [],
                                   timeMilliseconds: try members.integer("time", reader: reader) ?? 0)
        var resultReader = reader
        if members.moveReader(&resultReader, to: "result"),
           try resultReader.readWhitespaceAndGetByte() == UInt8(ascii: "{") {
            let result = try JSONObjectMembers(&resultReader, bytes: bytes)
            reply.orderID = result.text("orderId")
            reply.orderLinkID = result.text("orderLinkId")
            if result.moveReader(&resultReader, to: "list") {
                reply.orders = try BybitPrivateMessage.readList(&resultReader) { (reader: inout JSONByteReader) throws(DecodeError) in
                    try BybitOrderUpdate.read(&reader, bytes: bytes, instrument: instrument)
                }
            }
        }
        return reply
    }
}
