import AsymCore
import Foundation

/// Shows a running engine's status: a screen redrawn in place on a terminal, plain progress lines otherwise.
public struct EngineStatusDisplay {
    public let toStandardError: Bool
    public let isTerminal: Bool
    let title: String
    let refreshInterval: Int64
    let started: Int64
    var nextRefresh: Int64
    var previous: EngineStatus?
    /// Total run time for the header, if bounded (ns).
    var plannedDuration: Int64?

    /// A display on stderr (when stdout carries JSON) or stdout, refreshing every `refresh` on a terminal and
    /// every `progress` otherwise.
    public init(title: String, toStandardError: Bool, refresh: Duration = .milliseconds(500),
                progress: Duration = .seconds(5), plannedDuration: Duration? = nil) {
        self.title = title
        self.toStandardError = toStandardError
        isTerminal = isatty(toStandardError ? STDERR_FILENO : STDOUT_FILENO) == 1
        let interval = isTerminal ? refresh : progress
        refreshInterval = interval.components.seconds * 1_000_000_000 + interval.components.attoseconds / 1_000_000_000
        started = MonotonicClock.nanoseconds()
        nextRefresh = started + refreshInterval
        self.plannedDuration = plannedDuration.map { $0.components.seconds * 1_000_000_000 + $0.components.attoseconds / 1_000_000_000 }
    }

    /// Seconds since the display was created.
    public var elapsedSeconds: Double { Double(MonotonicClock.nanoseconds() - started) / 1e9 }

    /// Redraws or prints a progress line when due.
    public mutating func refreshIfDue(_ engine: EngineRuntime, bias: String? = nil) {
        let now = MonotonicClock.nanoseconds()
        guard now >= nextRefresh else { return }
        nextRefresh = now + refreshInterval
        let status = engine.status
        let elapsed = Double(now - started) / 1e9
        if isTerminal {
            let clock = plannedDuration.map { String(format: "   %.0f / %.0f s", elapsed, Double($0) / 1e9) }
                ?? String(format: "   %.0f s", elapsed)
            let screen = EngineStatusText.screen(status, previous: previous, title: title + clock, bias: bias)
            write("\u{1B}[H\u{1B}[2J" + screen + "\n")
        } else {
            write(EngineStatusText.progressLine(status, elapsedSeconds: elapsed) + "\n")
        }
        previous = status
    }

    public func write(_ text: String) {
        (toStandardError ? FileHandle.standardError : FileHandle.standardOutput).write(Data(text.utf8))
    }
}
