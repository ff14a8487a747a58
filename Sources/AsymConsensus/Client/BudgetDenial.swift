/// Which budget limit refused a request.
public enum BudgetDenial: Sendable, Equatable, CustomStringConvertible {
    case requestsPerMinute
    case tokensPerDay

    public var description: String {
        switch self {
        case .requestsPerMinute: "requests per minute"
        case .tokensPerDay: "tokens per day"
        }
    }
}
