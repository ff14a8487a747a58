public import AsymCore

/// A message from Bybit's private stream (`/v5/private`), decoded (docs "Connect", "Order", "Execution").
///
/// Orders and fills of symbols the caller does not trade are left out (`instrument` returns nil for them).
/// Decoding runs on the gateway's thread, never on the engine's hot path; it allocates.
public enum BybitPrivateMessage: Sendable, Equatable {
    /// The answer to `op: auth`.
    case authenticated(success: Bool, message: String)
    /// The answer to `op: subscribe`.
    case subscribed(success: Bool, message: String)
    case pong
    case orders([BybitOrderUpdate])
    case executions([BybitExecution])
    /// A topic or op the gateway does not use.
    case other

    /// Decodes one text message.
    ///
    /// - Throws: `DecodeError` for malformed JSON, a missing field, an unknown status or side, or a price or size
    ///   off the instrument's grid.
    public static func decode(_ bytes: UnsafeRawBufferPointer, instrument: (String) -> Instrument?) throws(DecodeError) -> BybitPrivateMessage {
        var reader = JSONByteReader(bytes)
        let members = try JSONObjectMembers(&reader, bytes: bytes)
        try reader.readEnd()
        if let op = members.text("op") {
            let success = members.bool("success") ?? false
            let message = members.text("ret_msg") ?? ""
            switch op {
            case "auth": return .authenticated(success: success, message: message)
            case "subscribe": return .subscribed(success: success, message: message)
            case "pong", "ping": return .pong
            default: return .other
            }
        }
        guard let topic = members.text("topic") else { throw .missingField("topic") }
        let isOrder = topic == "order" || topic == "order.linear"
        guard isOrder || topic == "execution" || topic == "execution.linear" else { return .other }
        guard members.moveReader(&reader, to: "data") else { throw .missingField("data") }
        if isOrder {
            return .orders(try readList(&reader) { (reader: inout JSONByteReader) throws(DecodeError) in
                try BybitOrderUpdate.read(&reader, bytes: bytes, instrument: instrument)
            })
        }
        return .executions(try readList(&reader) { (reader: inout JSONByteReader) throws(DecodeError) in
            try BybitExecution.read(&reader, bytes: bytes, instrument: instrument)
        })
    }

    /// Reads an array of objects, keeping the non-nil results.
    static func readList<Element>(_ reader: inout JSONByteReader,
                                  _ element: (inout JSONByteReader) throws(DecodeError) -> Element?) throws(DecodeError) -> [Element] {
        try reader.readArrayStart()
        var list: [Element] = []
        var isFirst = true
        while try reader.readArrayElement(isFirst: &isFirst) {
            if let value = try element(&reader) { list.append(value) }
        }
        return list
    }

    static func side(_ members: JSONObjectMembers, offset: Int) throws(DecodeError) -> TakerSide {
        switch try members.requiredText("side", "side") {
        case "Buy": .buy
        case "Sell": .sell
        default: throw .invalidValue(offset: offset)
        }
    }
}
