public import ArgumentParser
import AsymEngine

extension BenchmarkSuite: ExpressibleByArgument {}

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run an in-process micro-benchmark suite.",
        discussion: """
            Each suite measures asym's implementation and a naive baseline in the same run, so ratios are \
            meaningful even when absolute times drift. allocs_per_op comes from asym's malloc interposer \
            (null when not measurable).

            Suites: \(BenchmarkSuite.allCases.map(\.rawValue).joined(separator: ", ")).
            With --json, prints exactly one JSON object: \
            {"suite","subject","ops","ns_p50","ns_p99","ns_p999","ops_per_s","allocs_per_op","baseline"}.
            """
    )

    @Argument(help: "The suite to run.")
    var suite: BenchmarkSuite

    @Option(name: .customLong("ops"), help: "Operations to measure (default depends on the suite).")
    var operations: Int?

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func validate() throws {
        if let operations, operations <= 0 { throw ValidationError("--ops must be positive") }
    }

    func run() throws {
        let result = try suite.run(operations: operations)
        print(json ? result.json : result.text)
    }
}
