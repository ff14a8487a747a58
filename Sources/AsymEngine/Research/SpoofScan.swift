public import AsymSignals

/// A `FeatureDumpSink` that collects every `SpoofEvent` (traded walls included) of a replay, in order.
public struct SpoofScan: FeatureDumpSink {
    /// The events so far.
    public private(set) var events: [SpoofEvent] = []

    public init() {}

    public mutating func bookUpdated(_ engine: inout BookFeatureEngine) throws {
        while let event = engine.spoof.popEvent() { events.append(event) }
    }

    public mutating func finish(_ engine: inout BookFeatureEngine) throws {
        while let event = engine.spoof.popEvent() { events.append(event) }
    }
}
