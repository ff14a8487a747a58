import ArgumentParser
import AsymCore
import AsymEngine

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole engine in paper mode over loopback feeds, with a live status, and write a report.",
        discussion: """
            No network and no keys: deterministic recordings are generated, served over loopback WebSockets \
            (Bybit, Binance, OKX), and traded by the real engine. Writes the journal, the trade store and an HTML \
            report under --output. --json prints one summary object as the last line of stdout.
            """
    )

    @Option(help: "Wall-clock run time, e.g. 60s, 90s, 2m.")
    var duration = "60s"

    @Option(help: "Recorded time per wall-clock time.")
    var speed = 20.0

    @Option(help: "Comma-separated venues.")
    var venues = "bybit,binance,okx"

    @Option(help: "Output directory (recordings, journal, store, report).")
    var output = "asym-demo"

    @Option(help: "Seed of the synthetic market.")
    var seed: UInt64 = 42

    @Flag(help: "Print the summary as one JSON object (the status goes to stderr).")
    var json = false

    func run() throws {
        var options = DemoOptions()
        options.duration = try DurationText.parse(duration)
        guard speed > 0 && speed.isFinite else { throw CommandFailure("--speed must be positive") }
        options.speed = speed
        options.venues = try venues.split(separator: ",").map { name in
            guard let venue = Venue(name: String(name)) else { throw CommandFailure("unknown venue \(name)") }
            return venue
        }
        options.outputDirectory = output
        options.seed = seed
        let result: EngineRunResult
        do {
            result = try DemoRunner(options: options, statusToStandardError: json).run()
        } catch {
            throw CommandFailure("demo failed: \(error)")
        }
        if json {
            print(result.json)
        } else {
            print(EngineRunResultText.text(result))
        }
    }
}
