import ArgumentParser
import AsymCore
import AsymEngine
import Foundation

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Replay a recording as a venue feed server on loopback (the venue's real handshake, acks and heartbeats).",
        discussion: """
            Bybit: ws://HOST:PORT/v5/public/linear. OKX: ws://HOST:PORT/ws/v5/public. Binance: /public/ws/<stream>, \
            /public/stream?streams=a/b, /market/... (routed as in production: depth on /public, aggTrade on /market), \
            and GET /fapi/v1/depth?symbol=S&limit=N on the same port. New Bybit/OKX book subscribers get a snapshot of \
            the current book first. Replay advances only while a client is subscribed (unless --free-run). \
            Book faults (--drop-frame, --duplicate-frame, --malformed-frame) count book frames from 1; \
            --disconnect-after and --stall-after count all replayed frames.
            """
    )

    @Argument(help: "Recording in hftbacktest collector format (plain text).")
    var recording: String

    @Option(help: "Venue protocol: bybit, binance or okx.")
    var venue: Venue

    @Option(help: "Port to listen on (0 = ephemeral; the bound port is printed).")
    var port: UInt16 = 0

    @Option(help: "Interface to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Replay speed relative to the recorded timestamps.")
    var speed: Double = 1

    @Flag(help: "Replay without pacing.")
    var asFastAsPossible = false

    @Option(help: "Skip the K-th book frame (a gap).")
    var dropFrame: Int?

    @Option(help: "Send the K-th book frame twice.")
    var duplicateFrame: Int?

    @Option(help: "Send truncated JSON instead of the K-th book frame.")
    var malformedFrame: Int?

    @Option(help: "Close every client after N replayed frames (they may reconnect; replay continues).")
    var disconnectAfter: Int?

    @Option(help: "Pause sending after N replayed frames.")
    var stallAfter: Int?

    @Option(help: "Length of the --stall-after pause, seconds.")
    var stallSeconds: Double?

    @Option(help: "Seconds between server ping frames (default: 180 for Binance, none otherwise).")
    var pingInterval: Double?

    @Option(help: "Milliseconds added to this machine's clock in the venue's server-time answers (a skewed venue).")
    var clockOffsetMs: Int64 = 0

    @Flag(help: "Replay even while no client is subscribed.")
    var freeRun = false

    @Flag(help: "Exit when the recording ends instead of serving heartbeats until SIGINT.")
    var exitAtEnd = false

    func validate() throws {
        if !(speed > 0 && speed.isFinite) { throw ValidationError("--speed must be positive") }
        for (name, value) in [("--drop-frame", dropFrame), ("--duplicate-frame", duplicateFrame), ("--malformed-frame", malformedFrame),
                              ("--disconnect-after", disconnectAfter), ("--stall-after", stallAfter)] {
            if let value, value <= 0 { throw ValidationError("\(name) must be positive") }
        }
        if (stallAfter == nil) != (stallSeconds == nil) {
            throw ValidationError("--stall-after and --stall-seconds go together")
        }
        if let stallSeconds, !(stallSeconds > 0) { throw ValidationError("--stall-seconds must be positive") }
        if let pingInterval, !(pingInterval > 0) { throw ValidationError("--ping-interval must be positive") }
    }

    func run() throws {
        FeedInterrupt.install()
        let faults = FeedFaultPlan(
            dropBookFrame: dropFrame, duplicateBookFrame: duplicateFrame, malformedBookFrame: malformedFrame,
            disconnectAfterFrames: disconnectAfter, stallAfterFrames: stallAfter,
            stallDuration: .milliseconds(Int64((stallSeconds ?? 5) * 1000)))
        var configuration = VenueEmulatorConfiguration(
            venue: venue, recordingPath: recording, host: host, port: port,
            pacing: asFastAsPossible ? .asFastAsPossible : .speed(speed), faults: faults,
            pingInterval: pingInterval.map { .milliseconds(Int64($0 * 1000)) }, waitsForSubscribers: !freeRun)
        configuration.clockOffset = .milliseconds(clockOffsetMs)
        let emulator: VenueEmulator
        do {
            emulator = try VenueEmulator(configuration: configuration) { line in emit("serve: \(line)") }
        } catch {
            emit("asym serve: error: \(error)")
            throw ExitCode.failure
        }
        emit("asym serve: \(venue) feed on ws://\(host):\(emulator.port) (port \(emulator.port))")
        emulator.start()
        while !FeedInterrupt.isRequested {
            if exitAtEnd, emulator.summary.isFinished { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        emulator.stop()
        emit(emulator.summary.description)
    }
}

/// Writes a line to stdout unbuffered, so scripts reading the port see it at once.
private func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
