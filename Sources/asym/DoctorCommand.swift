import ArgumentParser
import AsymEngine

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the system libraries, the configuration, the journal directory and the clock against the venues.",
        discussion: "Exits non-zero when a check fails. An unreachable venue is reported as offline, not as a failure."
    )

    @Option(name: .long, help: "The configuration file to check.")
    var config: String?

    func run() throws {
        let report = DoctorReport.run(configurationPath: config)
        print(report.text)
        guard report.passed else { throw CommandFailure("doctor: some checks failed") }
    }
}
