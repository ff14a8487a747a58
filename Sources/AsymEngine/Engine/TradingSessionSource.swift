/// Where a session's frames come from, which decides what recovery does with the journalled records after
/// the last checkpoint.
public enum TradingSessionSource: Sendable {
    /// A recording: it can be read again. The session resumes at the checkpoint's frame, the driver feeds the
    /// frames before it to `warmUp` and the rest to `process`, and the records the journal already holds are
    /// produced again and matched, not appended: the journal ends up exactly as an uninterrupted run's.
    case recording
    /// A live feed: the frames after the checkpoint are gone. The records after it are applied (orders,
    /// fills, positions, risk decisions, trading state), orders left open are settled by a query on their
    /// client id (the paper venue has cancelled them, as cancel-on-disconnect would), and client ids continue
    /// in a new run.
    case live
}
