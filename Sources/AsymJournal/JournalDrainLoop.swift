/// The journal thread's body, with the segment writer type erased once (`JournalSink<URingFileWriter>` or
/// `JournalSink<PlainFileWriter>`), so `Journal` itself is not generic and the loop inside is fully specialised.
protocol JournalDrainLoop: AnyObject, Sendable {
    /// What opening the directory found.
    var recovery: JournalRecovery { get }
    /// Drains the ring, writes and commits until a stop is requested and the ring is empty; then closes the segment.
    func run()
}
