/// A venue symbol packed into four machine words, so lookups compare integers, not `String`s.
///
/// Symbols of up to 32 bytes fit (`BTCUSDT`, `BTC-USDT-SWAP`, OKX option ids); bytes past the
/// length are zero, so two keys are equal exactly when the symbols are.
public struct SymbolKey: Hashable, Sendable, BitwiseCopyable {
    /// Longest symbol a key holds.
    public static let maximumLength = 32

    @usableFromInline var word0: UInt64 = 0
    @usableFromInline var word1: UInt64 = 0
    @usableFromInline var word2: UInt64 = 0
    @usableFromInline var word3: UInt64 = 0
    @usableFromInline var length: UInt8 = 0

    @inlinable
    init() {}

    /// The key of `symbol`, or nil when it is longer than `maximumLength` bytes.
    public init?(_ symbol: String) {
        let utf8 = Array(symbol.utf8)
        guard utf8.count <= Self.maximumLength else { return nil }
        for (index, byte) in utf8.enumerated() {
            let shifted = UInt64(byte) << UInt64((index % 8) * 8)
            switch index / 8 {
            case 0: word0 |= shifted
            case 1: word1 |= shifted
            case 2: word2 |= shifted
            default: word3 |= shifted
            }
        }
        length = UInt8(utf8.count)
    }

    /// A key from its packed words (bytes past `length` zero) and length.
    @inlinable @inline(__always)
    init(words: (UInt64, UInt64, UInt64, UInt64), length: UInt8) {
        (word0, word1, word2, word3) = words
        self.length = length
    }
}
