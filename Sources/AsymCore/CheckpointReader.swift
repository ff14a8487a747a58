/// Reads what a `CheckpointWriter` wrote, word by word in the same order, checking every value it can:
/// enums must be known cases, counts must be in range, and reading past the end throws.
public struct CheckpointReader: Sendable {
    public let words: [UInt64]
    /// The next word to read.
    public private(set) var position = 0

    public init(words: [UInt64]) { self.words = words }

    /// Whether every word was read.
    public var isAtEnd: Bool { position == words.count }

    public mutating func readUInt64() throws(CheckpointError) -> UInt64 {
        guard position < words.count else { throw .truncated(at: position) }
        defer { position += 1 }
        return words[position]
    }

    public mutating func readInt64() throws(CheckpointError) -> Int64 { Int64(bitPattern: try readUInt64()) }

    public mutating func readInt() throws(CheckpointError) -> Int { Int(Int64(bitPattern: try readUInt64())) }

    /// A finite `Double` (a NaN or an infinity in engine state is damage, not data).
    public mutating func readDouble() throws(CheckpointError) -> Double {
        let value = Double(bitPattern: try readUInt64())
        guard value.isFinite else { throw .invalidValue(at: position - 1) }
        return value
    }

    public mutating func readBool() throws(CheckpointError) -> Bool {
        switch try readUInt64() {
        case 0: return false
        case 1: return true
        default: throw .invalidValue(at: position - 1)
        }
    }

    public mutating func readInstrumentID() throws(CheckpointError) -> InstrumentID {
        let raw = try readUInt64()
        guard raw <= UInt64(UInt16.max) else { throw .invalidValue(at: position - 1) }
        return InstrumentID(UInt16(raw))
    }

    /// An enum written by its raw value; an unknown raw value throws.
    public mutating func read<Value: RawRepresentable>(_ type: Value.Type) throws(CheckpointError) -> Value
        where Value.RawValue: FixedWidthInteger
    {
        let raw = try readUInt64()
        guard let rawValue = Value.RawValue(exactly: raw), let value = Value(rawValue: rawValue) else {
            throw .invalidValue(at: position - 1)
        }
        return value
    }

    /// A count in `0...maximum` (array lengths are read this way, so damage cannot ask for a huge allocation).
    public mutating func readCount(maximum: Int) throws(CheckpointError) -> Int {
        let raw = try readUInt64()
        guard raw <= UInt64(maximum) else { throw .countOutOfRange(at: position - 1, count: raw, maximum: maximum) }
        return Int(raw)
    }
}
