public import AsymCore

/// What an `AdvisoryBiasCell` holds: a bias, or the fact that the last round reached no consensus.
@usableFromInline
struct PublishedAdvisory: SeqlockPayload {
    @usableFromInline var present: Bool
    @usableFromInline var bias: AdvisoryBias

    @inlinable
    init(present: Bool, bias: AdvisoryBias) {
        self.present = present
        self.bias = bias
    }

    @usableFromInline static var wordCount: Int { 5 }

    /// Word 0 packs the small fields: instrument (bits 0–15), direction (16–23), agreeing models (24–31),
    /// present (bit 32).
    @inlinable
    func store(_ store: (Int, UInt64) -> Void) {
        let packed = UInt64(bias.instrument.rawValue) | UInt64(bias.direction.rawValue) << 16
            | UInt64(bias.agreeingModels) << 24 | (present ? 1 << 32 : 0)
        store(0, packed)
        store(1, bias.strength.bitPattern)
        store(2, bias.confidence.bitPattern)
        store(3, UInt64(bitPattern: bias.createdAt))
        store(4, UInt64(bitPattern: bias.expiresAt))
    }

    @inlinable
    init(loading load: (Int) -> UInt64) {
        let packed = load(0)
        present = packed & (1 << 32) != 0
        bias = AdvisoryBias(
            instrument: InstrumentID(UInt16(truncatingIfNeeded: packed)),
            direction: UInt8(truncatingIfNeeded: packed >> 16) == TradeDirection.short.rawValue ? .short : .long,
            strength: Double(bitPattern: load(1)), confidence: Double(bitPattern: load(2)),
            agreeingModels: UInt8(truncatingIfNeeded: packed >> 24),
            createdAt: Int64(bitPattern: load(3)), expiresAt: Int64(bitPattern: load(4)))
    }
}
