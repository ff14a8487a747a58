import AsymCore

/// The members of one JSON object, by key, for the venues' slower, order-entry messages: REST replies and private
/// stream pushes, whose keys come in any order and whose shapes vary by endpoint. The market-data codecs read their
/// frames in one pass instead; these messages are rare enough to be read into a small table first.
struct JSONObjectMembers {
    /// Where one member's value lies.
    enum Value {
        /// The string's content, escapes left as sent.
        case string(Range<Int>)
        case number(Range<Int>)
        case bool(Bool)
        case null
        /// An object or array starting at `start`, at reader depth `depth` (re-read with `moveReaderIndex`).
        case container(start: Int, depth: Int)
    }

    /// Safety: the message being decoded; it outlives this table, which lives only inside one decode call.
    let bytes: UnsafeRawBufferPointer
    private(set) var values: [String: Value] = [:]

    /// Reads the object that starts at the reader's position; the reader ends after its `}`.
    init(_ reader: inout JSONByteReader, bytes: UnsafeRawBufferPointer) throws(DecodeError) {
        self.bytes = bytes
        try reader.readObjectStart()
        var isFirst = true
        while let key = try reader.readMemberKey(isFirst: &isFirst) {
            // Safety: `key` is a range the reader returned inside `bytes`; the slice is copied into a String at once.
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[key]), as: UTF8.self)
            values[name] = try Self.readValue(&reader)
        }
    }

    private static func readValue(_ reader: inout JSONByteReader) throws(DecodeError) -> Value {
        switch try reader.readWhitespaceAndGetByte() {
        case UInt8(ascii: "\""):
            return .string(try reader.readString())
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let start = reader.readerIndex
            let depth = reader.currentDepth
            try reader.skipValue()
            return .container(start: start, depth: depth)
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            return .bool(try reader.readBool())
        case UInt8(ascii: "n"):
            _ = try reader.readNullIfPresent()
            return .null
        default:
            let start = reader.readerIndex
            try reader.skipValue()
            guard reader.readerIndex > start else { throw .invalidNumber(offset: start) }
            return .number(start..<reader.readerIndex)
        }
    }

    /// A string member's text; nil when absent, null or not a string.
    func text(_ key: String) -> String? {
        guard case .string(let range) = values[key] else { return nil }
        // Safety: as in `init`, a range inside `bytes`, copied at once.
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// A required string member.
    func requiredText(_ key: String, _ field: StaticString) throws(DecodeError) -> String {
        guard let text = text(key) else { throw .missingField(field) }
        return text
    }

    /// An integer member written bare or quoted; nil when absent.
    func integer(_ key: String, reader: JSONByteReader) throws(DecodeError) -> Int64? {
        switch values[key] {
        case .number(let range), .string(let range): return try reader.getInteger(range)
        default: return nil
        }
    }

    /// A string member's 64-bit identifier (`JSONByteReader.getIdentifier`); nil when absent or empty.
    func identifier(_ key: String, reader: JSONByteReader) -> UInt64? {
        guard case .string(let range) = values[key], !range.isEmpty else { return nil }
        return reader.getIdentifier(range)
    }

    func bool(_ key: String) -> Bool? {
        guard case .bool(let value) = values[key] else { return nil }
        return value
    }

    /// A decimal string member in whole increments of `scale`; 0 when absent or empty (Bybit sends `""` for
    /// quantities that do not apply).
    func ticks(_ key: String, scale: FixedPointScale, reader: JSONByteReader) throws(DecodeError) -> Int64 {
        guard case .string(let range) = values[key], !range.isEmpty else { return 0 }
        return try reader.getTicks(range, scale: scale)
    }

    /// A decimal string member as a `Double` (fees and average prices, which are not on any grid); 0 when absent
    /// or empty.
    func decimal(_ key: String) throws(DecodeError) -> Double {
        guard case .string(let range) = values[key], !range.isEmpty else { return 0 }
        // Safety: as in `init`, a range inside `bytes`, copied at once.
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw .invalidNumber(offset: range.lowerBound) }
        return value
    }

    /// Moves `reader` to a container member's start; false when the member is absent or not a container.
    func moveReader(_ reader: inout JSONByteReader, to key: String) -> Bool {
        guard case .container(let start, let depth) = values[key] else { return false }
        reader.moveReaderIndex(to: start, depth: depth)
        return true
    }
}
