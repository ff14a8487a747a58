import AsymCore
import ArgumentParser
import AsymEngine
import AsymJournal

/// `asym journal`: tools for the event journal's directory.
struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Inspect an event journal directory.",
        subcommands: [Inspect.self]
    )

    /// `asym journal inspect DIR [--json]`: a read-only survey of every segment.
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Summarise a journal directory without modifying it.",
            discussion: """
                Reads every segment and checks every record's CRC, continuing past damage so the whole directory \
                is surveyed. Nothing is repaired: torn_tail_truncated is 1 when the last segment ends in a torn \
                tail (an interrupted append) that the next writer open will truncate, and torn_tail_bytes says how \
                many bytes that is. crc_errors counts damage with valid records after it (the writer refuses to \
                open over such damage in its last segment).
                With --json, prints one object: {"segments","records","first_seq","last_seq","bytes",\
                "torn_tail_truncated","torn_tail_bytes","crc_errors","sequence_gaps","by_type":{name: count}}.
                """
        )

        @Argument(help: "The journal directory.")
        var directory: String

        @Flag(help: "Print one JSON object instead of text.")
        var json = false

        func run() throws {
            let summary: JournalReadSummary
            do {
                summary = try JournalReader(directory: directory, corruptionPolicy: .skip).forEach { _ in }
            } catch {
                throw CommandFailure("\(directory): \(error)")
            }
            let byType = summary.recordsByType.sorted { $0.key < $1.key }
                .map { (JournalRecordType.name(forRawValue: $0.key), $0.value) }
            print(json ? Self.json(summary, byType) : Self.text(summary, byType, directory: directory))
        }

        static func json(_ summary: JournalReadSummary, _ byType: [(String, Int)]) -> String {
            let types = byType.map { "\(JSONText.quoted($0.0)):\($0.1)" }.joined(separator: ",")
            return "{\"segments\":\(summary.segments),\"records\":\(summary.records),"
                + "\"first_seq\":\(summary.firstSequence.map(String.init) ?? "null"),"
                + "\"last_seq\":\(summary.lastSequence.map(String.init) ?? "null"),"
                + "\"bytes\":\(summary.bytes),\"torn_tail_truncated\":\(summary.tornTailFound ? 1 : 0),"
                + "\"torn_tail_bytes\":\(summary.tornTailBytes),\"crc_errors\":\(summary.crcErrors),"
                + "\"sequence_gaps\":\(summary.sequenceGaps),\"by_type\":{\(types)}}"
        }

        static func text(_ summary: JournalReadSummary, _ byType: [(String, Int)], directory: String) -> String {
            var lines = ["\(directory): \(summary.segments) segment(s), \(summary.records) record(s), \(summary.bytes) bytes"]
            if let first = summary.firstSequence, let last = summary.lastSequence {
                lines.append("  sequences \(first) ... \(last)")
            }
            lines.append(summary.tornTailFound
                ? "  torn tail: \(summary.tornTailBytes) byte(s), truncated by the next writer open"
                : "  torn tail: none")
            lines.append("  crc errors: \(summary.crcErrors), sequence gaps: \(summary.sequenceGaps)")
            for corruption in summary.corruptions.prefix(10) {
                lines.append("    damage at \(corruption.path) offset \(corruption.offset)")
            }
            if !byType.isEmpty {
                lines.append("  by type: " + byType.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
            }
            return lines.joined(separator: "\n")
        }
    }
}
