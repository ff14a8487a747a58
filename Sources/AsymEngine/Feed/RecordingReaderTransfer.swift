import AsymTransport

/// Hands a `RecordingReader` to the emulator's replay thread.
///
/// @unchecked Sendable: the reader is taken out of the emulator before the thread starts and is then
/// used by that thread alone.
final class RecordingReaderTransfer: @unchecked Sendable {
    /// The reader, owned by the replay thread.
    let reader: RecordingReader

    /// Wraps `reader` for the transfer.
    init(_ reader: RecordingReader) { self.reader = reader }
}
