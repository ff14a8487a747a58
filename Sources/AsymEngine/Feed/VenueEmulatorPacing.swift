/// How fast a ``VenueEmulator`` replays its recording.
public enum VenueEmulatorPacing: Hashable, Sendable {
    /// Frames keep their recorded spacing divided by this factor (1 = real time, 10 = ten times faster).
    case speed(Double)
    /// No waiting between frames.
    case asFastAsPossible
}
