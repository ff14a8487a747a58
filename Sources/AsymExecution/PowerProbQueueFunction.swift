#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `f(back) / (f(back) + f(front))` with `f(x) = xⁿ`: the larger n, the more a decrease is attributed to
/// the longer side of the queue. Model: hftbacktest's `PowerProbQueueFunc` (n = 2 or 3 typical).
public struct PowerProbQueueFunction: QueueProbability, Sendable {
    public var n: Double

    public init(n: Double) {
        precondition(n > 0, "n must be positive")
        self.n = n
    }

    public func probability(front: Double, back: Double) -> Double {
        let b = pow(max(back, 0), n)
        let f = pow(max(front, 0), n)
        return b + f > 0 ? b / (b + f) : 1
    }
}
