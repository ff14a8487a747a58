/// The emulator's book state for all instruments of a recording, plus what Binance needs to
/// bootstrap from recorded REST snapshots.
struct EmulatorBooks {
    /// One book per venue symbol.
    var books: [String: EmulatedBook] = [:]
    /// Binance: the symbol of the last depth frame (REST snapshot bodies carry no symbol).
    var lastBookSymbol = ""
    /// Binance: recent depth updates per symbol, re-applied over a snapshot fetched after them.
    var recentDepth: [String: [EmulatorBufferedDepth]] = [:]

    /// Binance: how many recent depth updates are kept per symbol for snapshot reconciliation.
    static let recentDepthLimit = 4_096
}
