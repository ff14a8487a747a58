import ArgumentParser

@main
struct Asym: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "asym",
        abstract: "A low-latency crypto trading core: market data, signals, a pre-trade risk gate and execution.",
        discussion: """
            Every limit is enforced in code on the only path to an order. Paper trading needs no keys.
            """,
        version: AsymVersionText.short,
        subcommands: [
            DemoCommand.self, RunCommand.self, DoctorCommand.self, VersionCommand.self, BenchCommand.self, SynthCommand.self, BookCommand.self, ReplayCommand.self,
            ServeCommand.self, RecordCommand.self, ConfigCommand.self, KillCommand.self,
            SpoofCommand.self, FeaturesCommand.self,
            IndicatorsCommand.self, BacktestCommand.self,
            JournalCommand.self, AnalystsCommand.self, TradesCommand.self,
        ]
    )
}
