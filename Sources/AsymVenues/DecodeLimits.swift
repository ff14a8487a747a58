/// Bounds a codec enforces before trusting a frame.
public struct DecodeLimits: Sendable {
    /// Largest frame accepted; bigger ones throw `DecodeError.frameTooLarge` before any parsing.
    /// The default (4 MiB) is far above any documented message (a 1000-level snapshot is ~60 KiB).
    public var maximumFrameBytes: Int
    /// Deepest JSON nesting accepted (1...64). Venue messages nest at most 4 levels.
    public var maximumDepth: Int

    /// Limits with the given values.
    public init(maximumFrameBytes: Int = 4 << 20, maximumDepth: Int = 16) {
        precondition(maximumFrameBytes > 0, "maximumFrameBytes must be positive")
        precondition((1...64).contains(maximumDepth), "maximumDepth must be 1...64")
        self.maximumFrameBytes = maximumFrameBytes
        self.maximumDepth = maximumDepth
    }
}
