/// A misbehaviour the loopback endpoint can put on for one model, to test that none of them crashes the consensus
/// or blocks the engine thread.
public enum AnalystFault: Sendable, Equatable {
    /// Says nothing for `seconds` (then answers, long after any sensible timeout).
    case hang(seconds: Double)
    /// 429 with `Retry-After: seconds`.
    case tooManyRequests(retryAfterSeconds: Int)
    /// A 5xx with an error body.
    case serverError(status: Int)
    /// 200 with an HTML page instead of JSON.
    case garbage
    /// 200 with the first half of a valid chat completion.
    case partialJSON
    /// The correct answer, `chunkBytes` at a time every `intervalMilliseconds`.
    case slowDrip(chunkBytes: Int, intervalMilliseconds: Int)
    /// The answer's JSON wrapped in prose and a ```json fence.
    case chattyJSON
    /// A well-formed reply with confidence 1.7.
    case outOfRange
    /// 400 whenever the request carries `response_format` (an endpoint without structured output).
    case rejectsResponseFormat
}
