/// Whatever the engine thread hands a popped frame to: the bare `MarketDataProcessor` (book only) or a
/// `TradingSession` (book → features → signal → gate → router). Used as a generic constraint, never as an
/// existential, so the per-frame call is specialised.
public protocol FrameConsumer: AnyObject {
    /// Processes one frame received at `receiveTime` (ns).
    func consume(_ frame: UnsafeRawBufferPointer, receiveTime: Int64)
}

extension MarketDataProcessor: FrameConsumer {
    @inlinable
    public func consume(_ frame: UnsafeRawBufferPointer, receiveTime: Int64) {
        _ = process(frame, receiveTime: receiveTime)
    }
}

extension TradingSession: FrameConsumer {
    public func consume(_ frame: UnsafeRawBufferPointer, receiveTime: Int64) {
        process(frame, receiveTime: receiveTime)
    }
}
