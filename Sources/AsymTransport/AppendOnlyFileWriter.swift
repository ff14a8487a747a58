/// An append-only file writer with group commit: `URingFileWriter`, or `PlainFileWriter` as its baseline.
///
/// Generic code (the journal, benchmarks) is written once against this protocol and specialised for
/// each writer; it is never used as an existential on a hot path.
public protocol AppendOnlyFileWriter: AnyObject {
    /// Copies `bytes` into the writer's staging buffers.
    func append(_ bytes: UnsafeRawBufferPointer) throws(FileWriterError)
    /// Makes everything appended so far durable.
    func commit() throws(FileWriterError)
    /// Commits and releases the file.
    func close() throws(FileWriterError)
    /// File offset the next appended byte will land at.
    var offset: UInt64 { get }
}

extension AppendOnlyFileWriter {
    /// Copies `bytes` into the writer's staging buffers.
    public func append(_ bytes: [UInt8]) throws(FileWriterError) {
        // Array.withUnsafeBytes is untyped `rethrows`, so carry the typed error out by hand.
        var thrown: FileWriterError?
        // Safety: `raw` is only used inside the closure, where the array keeps it alive.
        bytes.withUnsafeBytes { raw in
            do throws(FileWriterError) { try append(raw) } catch { thrown = error }
        }
        if let thrown { throw thrown }
    }
}
