import Foundation

/// Parses an HTTP `Retry-After` value (RFC 9110 §10.2.3): delay-seconds, or an HTTP-date taken relative to `now`.
enum RetryAfter {
    /// The delay in nanoseconds (never negative), or nil when the value is neither form.
    static func delay(_ value: String, now: Int64) -> Int64? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed), seconds.isFinite, seconds >= 0 {
            return Int64(min(seconds, 86_400) * 1e9)
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: trimmed) else { return nil }
        let at = Int64(date.timeIntervalSince1970 * 1e9)
        return max(0, at - now)
    }
}
