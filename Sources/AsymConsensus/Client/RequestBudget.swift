/// What the analysts may spend: requests per rolling minute and tokens per UTC day.
///
/// A request reserves its worst case (prompt estimate + completion cap) before it is sent and settles to the
/// usage the endpoint reports afterwards, so concurrent requests cannot together overshoot the day's tokens.
struct RequestBudget: Sendable {
    static let minute: Int64 = 60_000_000_000
    static let day: Int64 = 86_400_000_000_000

    let requestsPerMinute: Int
    let tokensPerDay: Int
    /// Send times within the last minute, oldest first.
    private(set) var recentRequests: [Int64] = []
    /// The UTC day (days since the epoch) the token count belongs to.
    private(set) var day: Int64 = .min
    private(set) var tokensToday = 0

    init(requestsPerMinute: Int, tokensPerDay: Int) {
        self.requestsPerMinute = requestsPerMinute
        self.tokensPerDay = tokensPerDay
    }

    /// Reserves one request and `tokens` at `now`, or says which limit has no room.
    mutating func reserve(tokens: Int, now: Int64) -> BudgetDenial? {
        recentRequests.removeAll { $0 <= now - Self.minute }
        let today = now >= 0 ? now / Self.day : (now + 1) / Self.day - 1
        if today != day {
            day = today
            tokensToday = 0
        }
        if requestsPerMinute > 0, recentRequests.count >= requestsPerMinute { return .requestsPerMinute }
        if tokensPerDay > 0, tokensToday + tokens > tokensPerDay { return .tokensPerDay }
        recentRequests.append(now)
        tokensToday += tokens
        return nil
    }

    /// Replaces a reservation of `reserved` tokens made today by the `used` the endpoint reported.
    mutating func settle(reserved: Int, used: Int, reservedAt: Int64) {
        let reservedDay = reservedAt >= 0 ? reservedAt / Self.day : (reservedAt + 1) / Self.day - 1
        guard reservedDay == day else { return }
        tokensToday = max(0, tokensToday - reserved + used)
    }
}
