import AsymRisk

/// Entry intents denied, counted per `DenialReason`, in fixed inline storage.
///
/// Inline rather than an array because the engine thread copies the session's counters into every status
/// snapshot it publishes: a copied array would be shared with the snapshot, and the next denial would then copy
/// it on the frame path.
public struct DenialCounts: Sendable, Equatable {
    /// One counter per raw value `0..<count` (the largest `DenialReason` raw value + 1).
    public static let count = Int(DenialReason.allCases.map(\.rawValue).max()!) + 1
    private static let capacity = 64
    private var counts = InlineArray<64, Int64>(repeating: 0)

    /// All zero.
    public init() {
        precondition(Self.count <= Self.capacity, "DenialCounts holds at most \(Self.capacity) reasons")
    }

    /// The number of counters (`DenialCounts.count`).
    public var count: Int { Self.count }

    /// The raw values that have a counter.
    public var indices: Range<Int> { 0..<Self.count }

    /// The counter of the reason whose raw value is `index`.
    public subscript(index: Int) -> Int64 {
        get { counts[index] }
        set {
            precondition(index < Self.count, "no denial reason has raw value \(index)")
            counts[index] = newValue
        }
    }

    /// Denials of every reason.
    public var total: Int64 { indices.reduce(0) { $0 &+ counts[$1] } }

    public static func == (left: DenialCounts, right: DenialCounts) -> Bool {
        left.indices.allSatisfy { left.counts[$0] == right.counts[$0] }
    }
}
