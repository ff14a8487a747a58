/// The best key (the one nearest the touch, in `LadderSide` key space) whose level a frame changed, per side
/// (internal to `OrderBook`): every level with a lower key is as it was before the frame.
@usableFromInline
struct BookFrameChange: Sendable, BitwiseCopyable {
    /// `Int64.min`: no level of the side changed; `Int64.max`: the whole side may have (a reset).
    @usableFromInline var bidKey: Int64
    @usableFromInline var askKey: Int64

    @usableFromInline static let none = BookFrameChange(bidKey: .min, askKey: .min)
    @usableFromInline static let everything = BookFrameChange(bidKey: .max, askKey: .max)

    @inlinable
    init(bidKey: Int64, askKey: Int64) {
        self.bidKey = bidKey
        self.askKey = askKey
    }
}
