/// Why a recording line was not delivered: the line is skipped and counted (or thrown, per
/// ``RecordingReader/Configuration/throwsOnMalformedLine``), never trapped on.
public enum RecordingLineDefect: Error, Hashable, Sendable, CustomStringConvertible {
    /// No space between the timestamp and the frame (an empty line falls here too).
    case missingSeparator
    /// The text before the first space is not 1...19 ASCII digits that fit an `Int64`.
    case invalidTimestamp
    /// Longer than ``RecordingReader/Configuration/maximumLineLength``; skipped up to its newline.
    case tooLong
    /// The file ends without a final newline: a writer died mid-line, so the frame is likely cut.
    case unterminated

    public var description: String {
        switch self {
        case .missingSeparator: "no space after the timestamp"
        case .invalidTimestamp: "timestamp is not a non-negative Int64 of decimal digits"
        case .tooLong: "line exceeds the maximum line length"
        case .unterminated: "last line has no newline"
        }
    }
}
