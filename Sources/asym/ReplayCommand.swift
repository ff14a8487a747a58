import ArgumentParser
import AsymCore
import AsymEngine

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Decode and apply a recording as fast as possible and report the speed.",
        discussion: """
            Per-frame latency is decode + sequence + book apply, timed around each frame with the clock's own \
            cost subtracted. Allocations are counted after a 10,000-frame warm-up. With --json, prints one \
            object: {"frames","bytes","seconds","frames_per_s","ns_p50","ns_p99","ns_p999","allocs_per_frame"}.
            """
    )

    @Argument(help: "Recording file (plain or .gz).")
    var recording: String

    @Option(help: "Venue wire format: bybit, binance or okx.")
    var venue: Venue

    @Option(help: "Symbol of the recording's REST snapshot lines (default: guessed from the file name).")
    var symbol: String?

    @Flag(help: "Print one JSON object.")
    var json = false

    func run() throws {
        let session = try MarketDataSession(venue: venue)
        let report = try RecordingReplay.run(path: recording, session: session, symbol: symbol, measure: true)
        let latency = report.latency ?? LatencyPercentiles(p50: 0, p99: 0, p999: 0, max: 0)
        let allocations = report.allocationsPerFrame.map { JSONText.number($0) } ?? "null"
        if json {
            print("""
                {"frames":\(report.counters.frames),"bytes":\(report.counters.bytes),\
                "seconds":\(JSONText.number(report.seconds)),"frames_per_s":\(JSONText.number(report.framesPerSecond.rounded())),\
                "ns_p50":\(latency.p50),"ns_p99":\(latency.p99),"ns_p999":\(latency.p999),"allocs_per_frame":\(allocations)}
                """)
        } else {
            print("\(report.counters.frames) frames, \(report.counters.bytes) bytes in \(JSONText.number(report.seconds)) s "
                  + "= \(JSONText.number(report.framesPerSecond.rounded())) frames/s")
            print("decode+apply per frame: p50 \(latency.p50) ns, p99 \(latency.p99) ns, p99.9 \(latency.p999) ns; "
                  + "allocs/frame \(allocations)")
            print("gaps \(report.counters.gaps), resyncs \(report.counters.resyncs), decode errors \(report.counters.decodeErrors), "
                  + "crossed \(report.counters.crossed)")
        }
    }
}
