/// Which file writer the journal thread uses for its segments.
public enum JournalBackend: String, CaseIterable, Sendable {
    /// `URingFileWriter`: writes and the group-commit `fdatasync` go through io_uring.
    case uring
    /// `PlainFileWriter`: `pwrite` + `fdatasync`; the baseline, and the fallback where io_uring is forbidden.
    case plain
}
