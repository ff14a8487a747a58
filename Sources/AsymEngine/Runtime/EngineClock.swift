/// The engine clock of a run: a frame's receive time (wall clock, ns), stretched by `speed` around `anchor` when
/// the source replays recorded time faster than real time (the demo at 10× sees ten seconds of market per
/// second, so cooldowns, signal ages and spoof lifetimes must run ten times faster too). At speed 1 — live
/// trading — engine time is the receive time.
public struct EngineClock: Sendable, Equatable {
    public var anchor: Int64
    public var speed: Double

    public init(anchor: Int64 = 0, speed: Double = 1) {
        precondition(speed > 0 && speed.isFinite, "the clock speed must be positive")
        self.anchor = anchor
        self.speed = speed
    }

    /// Engine time of a receive time.
    @inline(__always)
    public func engineTime(_ receiveTime: Int64) -> Int64 {
        speed == 1 ? receiveTime : anchor &+ Int64(Double(receiveTime &- anchor) * speed)
    }
}

/// What the engine thread hands each frame of a lane to: its session, with the receive time mapped through the
/// `EngineClock`, and — for a resumed recording — the frames before the journal's checkpoint fed to `warmUp`
/// (market models only) instead of `process`. Specialised per venue; no existential per frame.
final class SessionFrameConsumer<Rules: VenueSequencing>: FrameConsumer {
    let session: TradingSession<Rules>
    let clock: EngineClock
    /// Frames still to feed to `warmUp` (the resumed recording's lines before its checkpoint).
    private(set) var warmUpFramesLeft: Int64

    init(_ session: TradingSession<Rules>, clock: EngineClock, warmUpFrames: Int64) {
        self.session = session
        self.clock = clock
        warmUpFramesLeft = warmUpFrames
    }

    @inline(__always)
    func consume(_ frame: UnsafeRawBufferPointer, receiveTime: Int64) {
        let now = clock.engineTime(receiveTime)
        if warmUpFramesLeft > 0 {
            warmUpFramesLeft &-= 1
            session.warmUp(frame, receiveTime: now)
        } else {
            session.process(frame, receiveTime: now)
        }
    }
}
