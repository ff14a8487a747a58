public import ArgumentParser
public import AsymCore
import AsymEngine

extension Venue: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    /// The names the parser accepts, for help and completion (the default would list the raw values).
    public static var allValueStrings: [String] { allCases.map(\.description) }
}

struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Generate a deterministic synthetic recording in a venue's wire format.",
        discussion: """
            The market is a random-walk mid with jumps, level churn near the touch, taker sweeps that trade, \
            spoof walls that vanish as price approaches (sometimes layered) and genuine walls that rest and get \
            traded. Output is hftbacktest's collector format: one line per frame, "<receive ns> <frame text>". \
            The same seed always gives the same bytes.
            """
    )

    @Option(help: "Venue wire format: bybit, binance or okx.")
    var venue: Venue

    @Option(name: .short, help: "Number of frames (lines) to write.")
    var n: Int

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(name: .short, help: "Output recording file.")
    var o: String

    @Option(help: "Also write the ground-truth wall labels (JSON array) to this file.")
    var labels: String?

    @Flag(help: "OKX: put a real CRC32 in every book push (OKX itself sends 0 since 2026-06).")
    var okxChecksums = false

    func validate() throws {
        if n <= 0 { throw ValidationError("-n must be positive") }
    }

    func run() throws {
        let summary = try SyntheticRecording.write(venue: venue, frames: n, seed: seed, to: o, labelsPath: labels,
                                                   okxChecksums: okxChecksums)
        let spoofs = summary.walls.filter(\.isSpoof).count
        print("wrote \(summary.frames) frames (\(summary.steps) steps, \(summary.trades) trades, "
              + "\(spoofs) spoof walls, \(summary.walls.count - spoofs) genuine walls) to \(o)")
    }
}
