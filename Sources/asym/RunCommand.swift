import ArgumentParser
import AsymCore
import AsymEngine
import AsymRisk
import AsymOps
import Foundation

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the engine as configured: live feeds or a recording, paper orders by default.",
        discussion: """
            Start is refused with a clear message when the configuration is invalid (unknown keys, limits above the \
            hard caps), a secret is missing, the journal cannot be opened or recovered, or this machine's clock is \
            more than 1 s off a venue's server time (an unreachable venue is reported, not checked). SIGINT or SIGTERM stops cleanly with \
            the journal flushed; SIGUSR1 or the kill file pulls the kill switch.
            """
    )

    @Option(name: .long, help: "The configuration file (asym.toml).")
    var config: String

    @Option(help: "A file whose appearance pulls the kill switch.")
    var killFile: String?

    @Flag(help: "Print the final summary as one JSON object (the status goes to stderr).")
    var json = false

    func run() throws {
        let configuration: AsymConfiguration
        do {
            configuration = try AsymConfiguration.load(path: config)
            try configuration.checkSecrets()
        } catch {
            throw CommandFailure("refusing to start: \(config): \(error)")
        }
        if configuration.mode == .live {
            throw CommandFailure("""
                refusing to start: mode = "live" is not available in this build: asym run trades only on the paper \
                venue (the Bybit order gateway is not wired into it yet, and Binance and OKX have none); use mode = "paper"
                """)
        }
        let killSwitch = KillSwitch()
        let engineConfiguration: EngineConfiguration
        do {
            engineConfiguration = try configuration.engineConfiguration(killSwitch: killSwitch)
        } catch {
            throw CommandFailure("refusing to start: \(config): \(error)")
        }
        let engine: EngineRuntime
        do {
            engine = try EngineRuntime(configuration: engineConfiguration)
            ShutdownSignal.install()
            try engine.start()
        } catch {
            throw CommandFailure("refusing to start: \(error)")
        }
        for (venue, outcome) in engine.clockReadings {
            let line = "clock vs \(venue): \(outcome)\n"
            (json ? FileHandle.standardError : FileHandle.standardOutput).write(Data(line.utf8))
        }
        let watcher = KillSwitchWatcher(killSwitch: killSwitch, killFilePath: killFile)
        defer { watcher.stop() }
        var opsServer: OpsServer?
        if configuration.ops.enabled {
            do {
                let source: OpsTokenSource = switch configuration.ops.token {
                case .environment(let name): .environment(name)
                case .file(let path): .file(path)
                }
                let ops = try EngineOpsServer.start(engine: engine, mode: configuration.mode.rawValue,
                                                    bind: configuration.ops.bind, port: configuration.ops.port, token: source)
                opsServer = ops.server
                let line = "ops server on http://\(configuration.ops.bind):\(ops.port)\n"
                (json ? FileHandle.standardError : FileHandle.standardOutput).write(Data(line.utf8))
            } catch {
                engine.stop()
                throw CommandFailure("refusing to start: ops server: \(error)")
            }
        }
        defer { opsServer?.stop() }
        let store: EngineTradeStore
        do {
            store = try EngineTradeStore(basePath: configuration.store.sqlitePath, journals: engine.journalsWithSymbols)
        } catch {
            engine.stop()
            throw CommandFailure("refusing to start: trade store \(configuration.store.sqlitePath): \(error)")
        }
        store.start()
        var display = EngineStatusDisplay(
            title: "asym run — \(configuration.mode.rawValue), \(configuration.source), "
                + configuration.venues.map(\.venue.description).joined(separator: ", "),
            toStandardError: json)
        while !ShutdownSignal.isRequested && !engine.sourcesExhausted && engine.failure == nil {
            display.refreshIfDue(engine)
            Thread.sleep(forTimeInterval: 0.05)
        }
        let failure = engine.failure
        let summaries = engine.stop()
        store.finish()
        if let failure { throw CommandFailure("stopped: \(failure)") }
        var result = EngineRunResult()
        for (venue, summary) in summaries {
            result.add(venue, summary, startingEquity: engineConfiguration.session.startingEquity)
        }
        result.latency = engine.status.latency
        result.addAllocations(of: engine.status)
        result.journalDirectory = engineConfiguration.journalDirectory ?? ""
        result.databases = store.databases.map(\.path)
        result.database = result.databases.count == 1 ? result.databases[0] : configuration.store.sqlitePath
        if json {
            print(result.json)
        } else {
            print(EngineRunResultText.text(result, title: "asym run summary"))
        }
    }
}
