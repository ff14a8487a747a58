/// Venue timestamps are Unix milliseconds; the engine keeps nanoseconds.
@usableFromInline
enum VenueTime {
    /// `milliseconds` × 10⁶, or `invalidNumber` when negative or out of `Int64` range.
    @inlinable
    static func nanoseconds(milliseconds: Int64, offset: Int) throws(DecodeError) -> Int64 {
        let (value, overflow) = milliseconds.multipliedReportingOverflow(by: 1_000_000)
        guard !overflow && milliseconds >= 0 else { throw .invalidNumber(offset: offset) }
        return value
    }
}
