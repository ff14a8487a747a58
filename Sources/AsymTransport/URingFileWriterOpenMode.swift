extension URingFileWriter {
    /// How a file writer opens its path.
    public enum OpenMode: Hashable, Sendable {
        /// Create the file, or truncate it to zero length if it exists (`O_CREAT | O_TRUNC`).
        case truncate
        /// Create the file if missing, else continue after its last byte (start offset = `fstat` size).
        ///
        /// `O_APPEND` is deliberately not used: writes carry explicit offsets and may complete out of order.
        case append
    }
}
