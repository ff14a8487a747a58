public import AsymCore

/// What `asym demo` runs: how long, how fast, which venues, where it writes.
public struct DemoOptions: Sendable {
    /// Wall-clock run time.
    public var duration: Duration = .seconds(60)
    /// Recorded time per wall-clock time (20 ⇒ twenty minutes of market in one minute).
    public var speed = 20.0
    /// Venues to run, each over its own loopback feed.
    public var venues: [Venue] = [.bybit, .binance, .okx]
    /// Where the recordings, journal, store and report go (replaced on every run).
    public var outputDirectory = "asym-demo"
    /// Recording seed: the same seed gives the same market.
    public var seed: UInt64 = 42
    /// Status refresh period on a terminal; plain progress lines come every `progressInterval`.
    public var refreshInterval: Duration = .milliseconds(500)
    public var progressInterval: Duration = .seconds(5)

    public init() {}

    /// The one symbol the demo trades on `venue`.
    public static func symbol(for venue: Venue) -> String {
        venue == .okx ? "BTC-USDT-SWAP" : "BTCUSDT"
    }

    /// The demo market's chance per 20 ms step of a new wall (half of them spoofs): a wall every 10 s, so the
    /// spoof filter has work without vetoing nearly everything.
    static let wallProbability = 0.002

    /// Frames of recording to generate per venue: the market time the run can cover (a synthetic step is 20 ms
    /// and about 1.5 frames), with a margin.
    var framesPerVenue: Int {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        return max(5_000, Int(seconds * speed * 50 * 1.6) + 2_000)
    }
}
