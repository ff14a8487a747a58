public import AsymJournal

/// Why a journal record was not stored: the ingest counts it, reports it and goes on; it never traps.
public enum RecordSkipReason: Error, Hashable, Sendable, CustomStringConvertible {
    /// A type value this build does not know (a newer writer, or damage that kept a valid CRC).
    case unknownType(rawValue: UInt16)
    /// A known type that no decoder stores (diagnostics, reserved types, AI records until their decoder is
    /// registered).
    case noDecoder(JournalRecordType)
    /// The payload's size is not the size of the type's payload struct.
    case payloadSize(JournalRecordType, expected: Int, found: Int)
    /// An enum field's byte is not one of its cases.
    case invalidField(JournalRecordType, field: String, byte: UInt8)

    public var description: String {
        switch self {
        case .unknownType(let rawValue): "unknown record type \(rawValue)"
        case .noDecoder(let type): "no decoder for \(type.name)"
        case .payloadSize(let type, let expected, let found):
            "\(type.name) payload is \(found) bytes, expected \(expected)"
        case .invalidField(let type, let field, let byte): "\(type.name).\(field) has invalid value \(byte)"
        }
    }
}
