/// A signal strategy: maps the latest book features plus candle indicators and the regime to an optional signal.
///
/// Strategies are used only through generics (`SignalEngine<S: Strategy>`, `StrategyCombination<A, B, C>`), never
/// as `any Strategy`, so the engine's call specialises and inlines (DESIGN §2: no existentials on the hot path).
/// `evaluate` runs on every book update: it must not allocate, lock or block. It may keep fixed-size state
/// (hence `mutating`). One interface, swappable implementations, as hftbacktest's `LatencyModel`/`QueueModel`.
public protocol Strategy: Sendable {
    /// The signal for this update, or nil.
    mutating func evaluate(_ features: borrowing BookFeatures, _ context: borrowing StrategyContext) -> Signal?
}
