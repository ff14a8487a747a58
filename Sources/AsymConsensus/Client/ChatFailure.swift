/// Why a chat exchange (all its attempts) produced no completion.
public enum ChatFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The per-model timeout expired.
    case timedOut
    /// 429 on the last attempt, or a `Retry-After` (nanoseconds) longer than the configured maximum wait.
    case rateLimited(retryAfter: Int64?)
    /// 5xx on the last attempt.
    case serverError(status: Int)
    /// Another non-success status.
    case httpStatus(Int)
    /// The connection failed on the last attempt (libcurl's description).
    case transport(String)
    /// A 2xx body that is not a chat completion with content.
    case notAChatCompletion
    /// The budget had no room.
    case budget(BudgetDenial)
    /// The round was cancelled while waiting to retry.
    case cancelled

    /// The abstention it causes.
    public var abstentionReason: AbstentionReason {
        switch self {
        case .timedOut, .cancelled: .timeout
        case .rateLimited: .rateLimited
        case .serverError: .serverError
        case .httpStatus: .httpStatus
        case .transport: .transport
        case .notAChatCompletion: .unparseable
        case .budget: .budgetExhausted
        }
    }

    public var description: String {
        switch self {
        case .timedOut: "timed out"
        case .rateLimited(let retryAfter): retryAfter.map { "rate limited (Retry-After \($0 / 1_000_000) ms)" } ?? "rate limited"
        case .serverError(let status): "server error \(status)"
        case .httpStatus(let status): "HTTP \(status)"
        case .transport(let message): "transport: \(message)"
        case .notAChatCompletion: "not a chat completion"
        case .budget(let denial): "budget: \(denial)"
        case .cancelled: "cancelled"
        }
    }
}
