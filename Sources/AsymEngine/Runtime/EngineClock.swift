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

/// Hands frames to `inner` with their receive time mapped through an `EngineClock` (specialised, no
/// existential: one multiply per frame).
final class ClockedConsumer<Inner: FrameConsumer>: FrameConsumer {
    let inner: Inner
    let clock: EngineClock

    init(_ inner: Inner, clock: EngineClock) {
        self.inner = inner
        self.clock = clock
    }

    @inline(__always)
    func consume(_ frame: UnsafeRawBufferPointer, receiveTime: Int64) {
        inner.consume(frame, receiveTime: clock.engineTime(receiveTime))
    }
}
