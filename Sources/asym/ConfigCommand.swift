import ArgumentParser
import AsymEngine
import AsymRisk

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check or show an asym.toml configuration.",
        subcommands: [Check.self, Show.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate FILE strictly; exit non-zero with a clear message on any problem.",
            discussion: "Unknown keys fail with their full path; risk limits beyond the compiled hard caps fail."
        )

        @Argument(help: "The configuration file.")
        var file: String

        func run() throws {
            do {
                let loaded = try AsymConfiguration.load(path: file)
                let limits = try loaded.risk.validated()
                print("\(file): ok (risk limits hash \(limits.integrityHashText))")
            } catch {
                throw CommandFailure("\(file): \(error)")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the effective configuration of FILE (defaults filled in, secrets redacted)."
        )

        @Argument(help: "The configuration file.")
        var file: String

        func run() throws {
            do {
                print(try AsymConfiguration.load(path: file).effectiveTOML, terminator: "")
            } catch {
                throw CommandFailure("\(file): \(error)")
            }
        }
    }
}
