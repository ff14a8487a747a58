extension URingFileWriter {
    /// Which flush a commit issues.
    public enum SyncMode: Hashable, Sendable {
        /// `fdatasync`: data plus the metadata needed to read it back (e.g. file size). The usual choice for logs.
        case data
        /// `fsync`: data and all metadata (timestamps included).
        case full
    }
}
