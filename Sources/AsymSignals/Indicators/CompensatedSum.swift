/// A sum kept as an unevaluated pair `high + low`, with every rounding error of `high` collected exactly in `low`
/// (Neumaier 1974; Knuth's TwoSum), so adding and later subtracting the same terms leaves almost no residue.
@usableFromInline
struct CompensatedSum: Sendable, BitwiseCopyable {
    @usableFromInline var high = 0.0
    @usableFromInline var low = 0.0

    @inlinable init() {}

    /// The sum rounded to one `Double`.
    @inlinable var value: Double { high + low }

    @inlinable
    mutating func add(_ term: Double) {
        let (sum, error) = Self.twoSum(high, term)
        high = sum
        low += error
    }

    /// `a + b` and its exact rounding error (Knuth's TwoSum: 6 flops, no branch).
    @inlinable
    static func twoSum(_ a: Double, _ b: Double) -> (sum: Double, error: Double) {
        let sum = a + b
        let bVirtual = sum - a
        let aVirtual = sum - bVirtual
        return (sum, (a - aVirtual) + (b - bVirtual))
    }
}
