import AsymTransport

/// The 32 bytes at the start of every segment file `journal-<first sequence, 20 digits>.log`.
///
/// ```
/// offset  size  field
///      0     8  magic           "ASYMJRNL"
///      8     2  version         UInt16 = 1
///     10     2  header size     UInt16 = 32
///     12     4  reserved        0
///     16     8  first sequence  UInt64, equal to the number in the file name
///     24     4  reserved        0
///     28     4  crc             CRC-32C over bytes 0 ..< 28
/// ```
/// Records (see `JournalRecordLayout`) follow back to back from offset 32.
public struct JournalSegmentHeader: Equatable, Sendable {
    /// Bytes reserved at the start of a segment.
    public static let size = 32
    /// The format version this build writes and reads.
    public static let currentVersion: UInt16 = 1
    static let magic: UInt64 = 0x4C4E_524A_4D59_5341  // "ASYMJRNL" read as a little-endian UInt64

    /// The sequence number of the segment's first record (the next sequence when the segment was created).
    public var firstSequence: UInt64
    /// The format version.
    public var version: UInt16

    /// A header for a new segment.
    public init(firstSequence: UInt64) {
        self.firstSequence = firstSequence
        version = Self.currentVersion
    }

    /// The header's bytes.
    func encoded() -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: Self.size)
        bytes.withUnsafeMutableBytes { raw in
            raw.storeBytes(of: Self.magic.littleEndian, toByteOffset: 0, as: UInt64.self)
            raw.storeBytes(of: version.littleEndian, toByteOffset: 8, as: UInt16.self)
            raw.storeBytes(of: UInt16(Self.size).littleEndian, toByteOffset: 10, as: UInt16.self)
            raw.storeBytes(of: firstSequence.littleEndian, toByteOffset: 16, as: UInt64.self)
            let crc = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[0..<28]))
            raw.storeBytes(of: crc.littleEndian, toByteOffset: 28, as: UInt32.self)
        }
        return bytes
    }

    /// Parses the header at the start of `bytes`; nil when short, of another format or version, or failing its CRC.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> JournalSegmentHeader? {
        guard bytes.count >= size,
              UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self)) == magic,
              UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: 10, as: UInt16.self)) == UInt16(size)
        else { return nil }
        let stored = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 28, as: UInt32.self))
        guard CRC32C.checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<28])) == stored else { return nil }
        let version = UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt16.self))
        guard version == currentVersion else { return nil }
        var header = JournalSegmentHeader(
            firstSequence: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self)))
        header.version = version
        return header
    }

    /// The file name of the segment whose first record is `firstSequence`.
    public static func fileName(firstSequence: UInt64) -> String {
        let digits = String(firstSequence)
        return "journal-" + String(repeating: "0", count: max(0, 20 - digits.count)) + digits + ".log"
    }

    /// The first sequence encoded in a segment file name, or nil if `name` is not a segment.
    public static func firstSequence(fileName name: String) -> UInt64? {
        let utf8 = Array(name.utf8)
        guard utf8.count == 32, name.hasPrefix("journal-"), name.hasSuffix(".log") else { return nil }
        let digits = utf8[8..<28]
        guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return UInt64(String(decoding: digits, as: UTF8.self))
    }
}
