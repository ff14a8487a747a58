/// How a recording file is stored: plain text or gzip, chosen from the file name as hftbacktest's collector does.
public enum RecordingCompression: Hashable, Sendable {
    /// Plain `<receive ns> <frame>\n` lines.
    case none
    /// The same lines inside gzip (one or more concatenated members).
    case gzip

    /// `.gzip` for a path ending in `.gz`, else `.none`.
    public init(path: String) {
        self = path.hasSuffix(".gz") ? .gzip : .none
    }
}
