/// A small dense index for an instrument registered with the engine, so hot-path events never
/// carry a `String` symbol.
public struct InstrumentID: Hashable, Sendable, BitwiseCopyable, Comparable {
    /// The index into the engine's instrument table.
    public var rawValue: UInt16

    @inlinable
    public init(_ rawValue: UInt16) { self.rawValue = rawValue }

    @inlinable
    public static func < (lhs: InstrumentID, rhs: InstrumentID) -> Bool { lhs.rawValue < rhs.rawValue }
}
