/// Mean and variance of the last `capacity` values, exact enough to match a two-pass computation.
///
/// A plain running Σx, Σx² (or Welford add/remove) leaves rounding residue behind on every eviction, and on prices
/// (≈ 3·10⁴) with a narrow window (σ ≈ 0.01) that residue reached 6·10⁻⁸ relative in z-scores. Here values are
/// shifted by an anchor `K` and Σ(x−K), Σ(x−K)² are kept as compensated double-double sums with exact products
/// (`TwoSum`/FMA, Ogita–Rump–Oishi 2005), so residue stays near 10⁻³² of the sums. When every value in the window
/// is equal the moments are exactly zero and the anchor moves to that value, which also keeps `x − K` small.
/// - Complexity: O(1) per update (≈ 30 flops); a `capacity`-value ring allocated at init, nothing after.
@usableFromInline
struct RollingMoments: Sendable {
    @usableFromInline var window: RollingWindow
    @usableFromInline var anchor = 0.0
    @usableFromInline var sum = CompensatedSum()
    @usableFromInline var sumOfSquares = CompensatedSum()
    /// Adjacent pairs in the window that differ; zero means the window is flat.
    @usableFromInline var changes = 0

    @usableFromInline
    init(capacity: Int) {
        window = RollingWindow(capacity: capacity)
    }

    @inlinable var count: Int { window.count }
    @inlinable var isFull: Bool { window.isFull }
    @inlinable var isFlat: Bool { changes == 0 }

    @inlinable
    mutating func append(_ value: Double) {
        if window.count > 0 && value != window.newest { changes += 1 }
        if window.isFull {
            if window.capacity > 1 && window[0] != window[1] { changes -= 1 }
            let evicted = window.oldest
            add(evicted, sign: -1)
        }
        window.append(value)
        if changes == 0 {
            anchor = value
            sum = CompensatedSum()
            sumOfSquares = CompensatedSum()
        } else {
            add(value, sign: 1)
        }
    }

    @inlinable
    mutating func add(_ value: Double, sign: Double) {
        let (deviation, deviationError) = CompensatedSum.twoSum(value, -anchor)
        sum.add(sign * deviation)
        sum.add(sign * deviationError)
        let square = deviation * deviation
        sumOfSquares.add(sign * square)
        sumOfSquares.add(sign * (-square).addingProduct(deviation, deviation))  // exact error of the square
        sumOfSquares.add(sign * (2 * deviation * deviationError))
    }

    /// Σ(x − mean)², i.e. n·Σd² − (Σd)² over n, in double-double before the single final rounding.
    @inlinable
    var sumOfSquaredDeviations: Double {
        guard changes > 0 else { return 0 }
        let n = Double(window.count)
        let s1 = sum.value
        var total = CompensatedSum()
        let scaled = n * sumOfSquares.high
        total.add(scaled)
        total.add((-scaled).addingProduct(n, sumOfSquares.high))
        total.add(n * sumOfSquares.low)
        let square = s1 * s1
        total.add(-square)
        total.add(-(-square).addingProduct(s1, s1))
        total.add(-2 * s1 * sum.low)
        return max(total.value, 0) / n
    }

    /// The window's mean.
    @inlinable
    var mean: Double { anchor + sum.value / Double(window.count) }

    /// `value − mean` without forming the mean (which would round at the anchor's magnitude).
    @inlinable
    func deviation(of value: Double) -> Double {
        let (d, e) = CompensatedSum.twoSum(value, -anchor)
        return d + (e - sum.value / Double(window.count))
    }
}
