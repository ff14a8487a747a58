/// A fixed-size POD value a `SeqlockCell` can hold, stored as numbered 64-bit words.
///
/// The closures are non-escaping and the cell is generic over the payload, so after specialisation both
/// inline into straight-line atomic loads and stores.
public protocol SeqlockPayload: BitwiseCopyable {
    /// The number of words (at most `SeqlockCell.wordCapacity`), numbered from 0.
    static var wordCount: Int { get }
    /// Calls `store(index, word)` once for each of the `wordCount` words.
    func store(_ store: (Int, UInt64) -> Void)
    /// Rebuilds the value from `load(index)` for each of its words.
    init(loading load: (Int) -> UInt64)
}
