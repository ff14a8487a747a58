/// An enum field of a journal payload struct, checked before the payload is loaded: loading a byte that is not
/// one of the enum's cases would make an invalid value, and switching on it is undefined behaviour.
///
/// A payload-free enum with fewer than 257 cases occupies one byte holding the case's index in declaration
/// order, 0 ..< case count (Swift ABI, docs/ABI/TypeLayout.rst, "Single-Payload and No-Payload Enums"); the case
/// count is found once by trying every `UInt8` raw value.
public struct StoreEnumField<Payload>: Sendable {
    /// The field's name, for the skip report.
    public let name: String
    /// Byte offset of the field in the payload.
    public let offset: Int
    /// Valid bytes are `0 ..< caseCount`.
    public let caseCount: Int

    /// The enum field at `path` of `Payload`, a stored property whose type has a `UInt8` raw value.
    public init<Field: RawRepresentable>(_ name: String, _ path: KeyPath<Payload, Field>) where Field.RawValue == UInt8 {
        precondition(MemoryLayout<Field>.size == 1, "\(Field.self) is not a one-byte enum")
        guard let offset = MemoryLayout<Payload>.offset(of: path) else {
            preconditionFailure("\(name) is not a stored property of \(Payload.self)")
        }
        self.name = name
        self.offset = offset
        caseCount = (0...UInt8.max).reduce(0) { count, raw in count + (Field(rawValue: raw) == nil ? 0 : 1) }
    }
}
