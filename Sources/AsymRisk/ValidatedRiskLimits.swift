/// Risk limits that passed `RiskLimits.validated()`: the only form a `RiskGate` accepts.
public struct ValidatedRiskLimits: Sendable, Equatable {
    /// The checked limits.
    public let limits: RiskLimits

    init(_ limits: RiskLimits) { self.limits = limits }

    /// FNV-1a (64-bit) of `limits.canonicalText`, printed and journalled at start so a run's limits
    /// can be proven later (config integrity).
    public var integrityHash: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in limits.canonicalText.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// `integrityHash` as 16 hex digits.
    public var integrityHashText: String {
        let hex = String(integrityHash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
