public import AsymCore

/// One piece of a journalled request or response text (`JournalRecordType.aiRequest` / `.aiResponse`).
///
/// Texts are kilobytes and journal records are small (112 bytes by default), so a text is cut into fragments,
/// each a 24-byte little-endian header followed by up to `capacity` bytes; `AITranscript` puts them back together.
/// Header: round time (Int64), total length (UInt32), offset (UInt32), instrument (UInt16), analyst (UInt8),
/// attempt (UInt8), HTTP status (UInt16, 0 when no response), reserved (UInt16).
public struct AITextFragment: Sendable, Equatable {
    public static var headerSize: Int { 24 }

    public var roundTime: Int64
    public var totalLength: Int
    public var offset: Int
    public var instrument: InstrumentID
    public var analyst: Int
    /// 1-based HTTP attempt.
    public var attempt: Int
    public var status: Int
    public var bytes: [UInt8]

    public init(roundTime: Int64, totalLength: Int, offset: Int, instrument: InstrumentID, analyst: Int, attempt: Int,
                status: Int, bytes: [UInt8]) {
        self.roundTime = roundTime
        self.totalLength = totalLength
        self.offset = offset
        self.instrument = instrument
        self.analyst = analyst
        self.attempt = attempt
        self.status = status
        self.bytes = bytes
    }

    /// The record payload: header, then the bytes.
    public var encoded: [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(Self.headerSize + bytes.count)
        func append<T: FixedWidthInteger>(_ value: T) {
            var little = value.littleEndian
            for _ in 0..<MemoryLayout<T>.size {
                output.append(UInt8(truncatingIfNeeded: little))
                little = little >> 8
            }
        }
        append(roundTime)
        append(UInt32(clamping: totalLength))
        append(UInt32(clamping: offset))
        append(instrument.rawValue)
        append(UInt8(clamping: analyst))
        append(UInt8(clamping: attempt))
        append(UInt16(clamping: status))
        append(UInt16(0))
        output += bytes
        return output
    }

    /// Decodes a record payload; nil when shorter than the header or inconsistent.
    public init?<Bytes: Collection<UInt8>>(decoding payload: Bytes) {
        let bytes = Array(payload)
        guard bytes.count >= Self.headerSize else { return nil }
        func read<T: FixedWidthInteger>(_ type: T.Type, at start: Int) -> T {
            var value: T = 0
            for index in (0..<MemoryLayout<T>.size).reversed() { value = value << 8 | T(bytes[start + index]) }
            return value
        }
        roundTime = read(Int64.self, at: 0)
        totalLength = Int(read(UInt32.self, at: 8))
        offset = Int(read(UInt32.self, at: 12))
        instrument = InstrumentID(read(UInt16.self, at: 16))
        analyst = Int(read(UInt8.self, at: 18))
        attempt = Int(read(UInt8.self, at: 19))
        status = Int(read(UInt16.self, at: 20))
        self.bytes = Array(bytes[Self.headerSize...])
        guard offset + self.bytes.count <= totalLength else { return nil }
    }

    /// `text` cut into fragments of at most `recordSize` bytes each (header included).
    static func fragments(of text: [UInt8], recordSize: Int, roundTime: Int64, instrument: InstrumentID, analyst: Int,
                          attempt: Int, status: Int) -> [AITextFragment] {
        let capacity = recordSize - headerSize
        precondition(capacity > 0, "journal records too small for a text fragment")
        var fragments: [AITextFragment] = []
        var offset = 0
        repeat {
            let end = min(text.count, offset + capacity)
            fragments.append(AITextFragment(roundTime: roundTime, totalLength: text.count, offset: offset,
                                            instrument: instrument, analyst: analyst, attempt: attempt, status: status,
                                            bytes: Array(text[offset..<end])))
            offset = end
        } while offset < text.count
        return fragments
    }
}
