import Foundation
import Testing

/// What `asym … --help` tells a user, read from the built binary.
@Suite struct CommandHelpTests {
    static func help(_ command: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try AsymBinary.path())
        process.arguments = [command, "--help"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func venueOptionsListTheVenueNamesTheParserAccepts() throws {
        for command in ["synth", "spoof", "features"] {
            // Help wraps at the terminal width: compare with the line breaks and indents folded to one space.
            let text = try Self.help(command).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(text.contains("(values: bybit, binance, okx)"), "\(command) --help: \(text)")
        }
    }
}
