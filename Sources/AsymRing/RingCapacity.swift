/// Validation shared by the rings' initialisers.
@usableFromInline
internal enum RingCapacity {
    /// Traps unless `capacity` is a power of two ≥ 2: a misconfigured ring is a programming error.
    @usableFromInline
    static func validated(_ capacity: Int) -> Int {
        precondition(capacity >= 2 && capacity & (capacity - 1) == 0, "ring capacity must be a power of two ≥ 2, got \(capacity)")
        return capacity
    }
}
