import ArgumentParser
import AsymConsensus
import AsymEngine
import Foundation

struct AnalystsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analysts",
        abstract: "The AI analysts' offline stand-in.",
        subcommands: [AnalystsServeCommand.self]
    )
}

struct AnalystsServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve three deterministic rule-based analysts over an OpenAI-compatible API on loopback.",
        discussion: """
            POST /v1/chat/completions and GET /v1/models on http://HOST:PORT/v1. Models: momentum, mean-reversion, \
            order-flow, and the default consensus models (x-ai/grok-4-fast → momentum, qwen/qwen3-max → \
            mean-reversion, deepseek/deepseek-chat-v3.1 → order-flow), so a default consensus configuration with \
            base_url = http://127.0.0.1:PORT/v1 works without a key. Runs until SIGINT or SIGTERM.
            """
    )

    @Option(help: "Port to listen on (0 = ephemeral; the bound port is printed).")
    var port: UInt16 = 0

    @Option(help: "Loopback address to listen on.")
    var host = "127.0.0.1"

    func run() throws {
        FeedInterrupt.install()
        let endpoint = AnalystsEndpoint(configuration: AnalystsEndpointConfiguration(
            host: host, port: port, log: { line in FileHandle.standardError.write(Data("asym analysts: \(line)\n".utf8)) }))
        let outcome = Result { () throws(AnalystsEndpointError) in try endpoint.startBlocking() }
        switch outcome {
        case .success(let bound):
            emit("asym analysts: OpenAI-compatible analysts on \(endpoint.baseURL) (port \(bound))")
        case .failure(let error):
            emit("asym analysts: error: \(error)")
            throw ExitCode.failure
        }
        while !FeedInterrupt.isRequested { Thread.sleep(forTimeInterval: 0.05) }
        endpoint.stopBlocking()
        let statistics = endpoint.statistics
        emit("asym analysts: served \(statistics.totalRequests) chat completions")
    }
}

/// Writes a line to stdout unbuffered, so scripts reading the port see it at once.
private func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
