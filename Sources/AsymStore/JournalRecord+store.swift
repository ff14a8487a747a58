public import AsymJournal

extension JournalRecord {
    /// The payload as `Payload` after checking its size and every listed enum field, so a record written by
    /// another build, or damaged under a valid CRC, is reported instead of loaded.
    ///
    /// - Throws: `.payloadSize` or `.invalidField` naming `type`.
    public func storePayload<Payload: BitwiseCopyable>(
        as payloadType: Payload.Type, type: JournalRecordType, enumFields: [StoreEnumField<Payload>] = []
    ) throws(RecordSkipReason) -> Payload {
        guard payload.count == MemoryLayout<Payload>.size else {
            throw .payloadSize(type, expected: MemoryLayout<Payload>.size, found: payload.count)
        }
        for field in enumFields {
            let byte = payload[field.offset]
            if Int(byte) >= field.caseCount { throw .invalidField(type, field: field.name, byte: byte) }
        }
        return load(as: Payload.self)
    }
}
