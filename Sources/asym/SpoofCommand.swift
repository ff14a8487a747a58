import ArgumentParser
import AsymCore
import AsymEngine
import AsymSignals
import Foundation

struct SpoofCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spoof",
        abstract: "List spoofing events in a recording, or score detection against ground-truth labels.",
        discussion: """
            A wall is a level ≥ 5× the rolling median level size within 20 ticks of the touch; it is a spoof \
            event when it drops back below that size with no trade at or through its price, scored in [0, 1] \
            higher when larger, approached by price, quickly pulled and layered (see SpoofDetector). Events \
            scoring ≥ the threshold are listed; --all also lists traded and low-scoring walls. With --json, \
            prints one array of {"side","price","size","appeared_ns","vanished_ns","traded","score"}; times are \
            receive times of the frames where the wall appeared and vanished, size is the level's peak size. \
            With --labels (from asym synth --labels), prints precision and recall instead.
            """
    )

    @Argument(help: "Recording file (plain or .gz).")
    var recording: String

    @Option(help: "Venue wire format: bybit, binance or okx.")
    var venue: Venue

    @Option(help: "Symbol (default: guessed from the file name, else the venue's first default).")
    var symbol: String?

    @Flag(help: "Print one JSON array.")
    var json = false

    @Flag(help: "List every wall episode, including traded and low-scoring ones.")
    var all = false

    @Option(help: "Ground-truth labels (JSON array from asym synth --labels): print precision and recall.")
    var labels: String?

    @Option(help: "Score at or above which an event is reported as spoofing.")
    var threshold = SpoofConfiguration().flagThreshold

    @Option(help: "Appearance-time tolerance when matching labels, milliseconds.")
    var toleranceMs: Int64 = 100

    func run() throws {
        let session = try MarketDataSession(venue: venue)
        var configuration = BookFeatureConfiguration()
        configuration.spoof.flagThreshold = threshold
        let result = try FeatureDumpReplay.run(path: recording, session: session, symbol: symbol,
                                               configuration: configuration, sink: SpoofScan())
        let id = symbol.flatMap(session.instrumentID(of:)) ?? session.instrumentID(forRecording: recording) ?? InstrumentID(0)
        let instrument = session.instruments[Int(id.rawValue)]
        let events = result.sink.events
        if let labels {
            let text = try String(contentsOfFile: labels, encoding: .utf8)
            let truth = try SpoofLabel.parse(text, prices: instrument.priceScale)
            let evaluation = SpoofEvaluation(events: events, labels: truth, threshold: threshold,
                                             tolerance: toleranceMs * 1_000_000,
                                             span: result.firstReceiveTime...result.lastReceiveTime)
            let detections = evaluation.truePositives + evaluation.falsePositives
            if json {
                print("{\"precision\":\(JSONText.number(evaluation.precision)),\"recall\":\(JSONText.number(evaluation.recall)),"
                      + "\"true_positives\":\(evaluation.truePositives),\"false_positives\":\(evaluation.falsePositives),"
                      + "\"false_negatives\":\(evaluation.falseNegatives),\"genuine_matches\":\(evaluation.genuineMatches),"
                      + "\"excluded_spoofs\":\(evaluation.excludedSpoofs)}")
            } else {
                print("precision \(format(evaluation.precision)) recall \(format(evaluation.recall)) "
                      + "(\(detections) detections: \(evaluation.truePositives) spoofs, \(evaluation.genuineMatches) genuine walls, "
                      + "\(evaluation.falsePositives - evaluation.genuineMatches) unlabelled; \(evaluation.falseNegatives) spoofs missed; "
                      + "\(evaluation.excludedSpoofs) spoofs still resting at the end excluded; \(evaluation.genuineLabels) genuine walls)")
            }
            return
        }
        let listed = all ? events : events.filter { $0.isSpoof(threshold: threshold) }
        let prices = instrument.priceScale
        let sizes = instrument.quantityScale
        if json {
            let objects = listed.map { event in
                "{\"side\":\(JSONText.quoted(event.side == .bid ? "bid" : "ask")),"
                    + "\"price\":\(JSONText.quoted(prices.format(ticks: event.price.ticks))),"
                    + "\"size\":\(JSONText.quoted(sizes.format(ticks: event.size.lots))),"
                    + "\"appeared_ns\":\(event.appearedAt),\"vanished_ns\":\(event.vanishedAt),"
                    + "\"traded\":\(event.traded),\"score\":\(JSONText.number(event.score))}"
            }
            print("[" + objects.joined(separator: ",\n") + "]")
            return
        }
        print("\(venue) \(instrument.symbol): \(result.frames) frames, \(listed.count) events")
        for event in listed {
            let lifetime = Double(event.vanishedAt - event.appearedAt) / 1e6
            print("  \(event.side == .bid ? "bid" : "ask") \(sizes.format(ticks: event.size.lots)) @ "
                  + "\(prices.format(ticks: event.price.ticks)) appeared \(event.appearedAt) lived \(format(lifetime)) ms "
                  + "distance \(event.initialDistance)→\(event.closestDistance) ticks, \(event.layers) layer(s), "
                  + "\(event.traded ? "traded" : "not traded"), score \(format(event.score))")
        }
    }

    private func format(_ value: Double) -> String { String(format: "%.3f", value) }
}
