import AsymTransport

/// The on-disk layout of one journal record. All integers are little-endian and unaligned (records are packed).
///
/// ```
/// offset  size  field
///      0     2  type       UInt16   JournalRecordType raw value (0 is never written)
///      2     4  length     UInt32   payload bytes
///      6     8  sequence   UInt64   1, 2, 3, … strictly increasing by one across all segments
///     14     8  time       Int64    nanoseconds (the engine's injected clock)
///     22     n  payload    n = length bytes
///   22+n     4  crc        UInt32   CRC-32C (Castagnoli) over bytes 0 ..< 22+n (header and payload)
/// ```
///
/// A record is `26 + length` bytes; a 16-byte event takes 42. The header is not padded to 8 bytes because padding
/// would cost more disk bandwidth than unaligned loads cost CPU.
public enum JournalRecordLayout {
    /// Bytes in front of the payload.
    public static let headerSize = 22
    /// Bytes after the payload (the CRC).
    public static let trailerSize = 4
    /// Header plus trailer: a record's size is `overhead + length`.
    public static let overhead = headerSize + trailerSize
    /// The largest payload a reader accepts; anything larger is treated as a damaged length field.
    public static let maximumPayloadLength = 1 << 24

    static let typeOffset = 0
    static let lengthOffset = 2
    static let sequenceOffset = 6
    static let timeOffset = 14

    /// Writes a complete record at `destination` and returns its size.
    ///
    /// Safety: `destination` must have room for `overhead + payload.count` bytes.
    static func encode(into destination: UnsafeMutableRawPointer, type: UInt16, sequence: UInt64, time: Int64,
                       payload: UnsafeRawBufferPointer) -> Int {
        destination.storeBytes(of: type.littleEndian, toByteOffset: typeOffset, as: UInt16.self)
        destination.storeBytes(of: UInt32(payload.count).littleEndian, toByteOffset: lengthOffset, as: UInt32.self)
        destination.storeBytes(of: sequence.littleEndian, toByteOffset: sequenceOffset, as: UInt64.self)
        destination.storeBytes(of: time.littleEndian, toByteOffset: timeOffset, as: Int64.self)
        if let source = payload.baseAddress, payload.count > 0 {
            (destination + headerSize).copyMemory(from: source, byteCount: payload.count)
        }
        let covered = headerSize + payload.count
        let crc = CRC32C.checksum(UnsafeRawBufferPointer(start: destination, count: covered))
        destination.storeBytes(of: crc.littleEndian, toByteOffset: covered, as: UInt32.self)
        return covered + trailerSize
    }

    /// The record at `offset` in `bytes` if it is complete and its CRC matches; nil otherwise.
    static func decode(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> JournalRecord? {
        let available = bytes.count - offset
        guard available >= overhead, let base = bytes.baseAddress.map({ $0 + offset }) else { return nil }
        let length = Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: lengthOffset, as: UInt32.self)))
        guard length <= maximumPayloadLength, length <= available - overhead else { return nil }
        let type = UInt16(littleEndian: base.loadUnaligned(fromByteOffset: typeOffset, as: UInt16.self))
        guard type != 0 else { return nil }
        let covered = headerSize + length
        let stored = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: covered, as: UInt32.self))
        guard CRC32C.checksum(UnsafeRawBufferPointer(start: base, count: covered)) == stored else { return nil }
        return JournalRecord(
            typeRawValue: type,
            sequence: UInt64(littleEndian: base.loadUnaligned(fromByteOffset: sequenceOffset, as: UInt64.self)),
            time: Int64(littleEndian: base.loadUnaligned(fromByteOffset: timeOffset, as: Int64.self)),
            payload: UnsafeRawBufferPointer(start: base + headerSize, count: length))
    }

    /// The sequence field at `offset`, without validating anything (for the resynchronising scan).
    static func peekSequence(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + sequenceOffset, as: UInt64.self))
    }
}
