import AsymCore
import AsymTransport
import Foundation

/// `asym doctor`: what this machine and configuration need to run asym, each check passed, warned or failed.
public struct DoctorReport: Sendable {
    /// One check's verdict.
    public enum Verdict: String, Sendable {
        case ok, warning, failed, offline
    }

    public struct Check: Sendable {
        public var name: String
        public var verdict: Verdict
        public var detail: String
    }

    public private(set) var checks: [Check] = []

    /// Whether nothing failed (warnings and offline venues do not fail).
    public var passed: Bool { !checks.contains { $0.verdict == .failed } }

    /// Runs every check: the system libraries, the configuration at `configurationPath` (if any), the journal
    /// directory and its free space, and the clock against the configured venues (offline reported as such).
    public static func run(configurationPath: String?, probe: ClockSkewProbe = ClockSkewProbe(),
                           minimumFreeBytes: UInt64 = 1 << 30) -> DoctorReport {
        var report = DoctorReport()
        for (library, version) in LibraryVersions.all {
            report.checks.append(Check(name: "library \(library)", verdict: version.isEmpty ? .failed : .ok, detail: version))
        }
        var configuration = AsymConfiguration()
        if let configurationPath {
            do {
                configuration = try AsymConfiguration.load(path: configurationPath)
                let limits = try configuration.risk.validated()
                report.checks.append(Check(name: "config", verdict: .ok,
                                           detail: "\(configurationPath) (risk limits hash \(limits.integrityHashText))"))
                do {
                    try configuration.checkSecrets()
                    report.checks.append(Check(name: "secrets", verdict: .ok,
                                               detail: configuration.mode == .paper ? "paper mode needs none" : "every venue's keys are set"))
                } catch {
                    report.checks.append(Check(name: "secrets", verdict: .failed, detail: "\(error)"))
                }
            } catch {
                report.checks.append(Check(name: "config", verdict: .failed, detail: "\(configurationPath): \(error)"))
            }
        } else {
            report.checks.append(Check(name: "config", verdict: .ok, detail: "no --config: defaults"))
        }
        report.checks.append(journalCheck(configuration.journal.directory, minimumFreeBytes: minimumFreeBytes))
        var probe = probe
        for settings in configuration.venues where probe.baseURL[settings.venue] == nil {
            probe.baseURL[settings.venue] = LiveFeedConfiguration.restBaseURL(for: settings.venue,
                                                                              webSocketBase: settings.baseURL)
        }
        for venue in configuration.venues.map(\.venue) {
            let outcome = probe.probe(venue, samples: 3)
            let verdict: Verdict = switch outcome {
            case .measured(let skew, _):
                abs(skew) > EngineConfiguration.defaultMaximumClockSkew ? .failed : abs(skew) > 250_000_000 ? .warning : .ok
            case .offline: .offline
            case .unreadable: .warning
            }
            let limit = EngineConfiguration.defaultMaximumClockSkew / 1_000_000
            let rule = if case .measured = outcome { "; start needs |skew| ≤ \(limit) ms" } else { "" }
            report.checks.append(Check(name: "clock vs \(venue)", verdict: verdict, detail: outcome.description + rule))
        }
        return report
    }

    /// The journal directory (or its nearest existing parent) must be writable and have `minimumFreeBytes` free.
    static func journalCheck(_ directory: String, minimumFreeBytes: UInt64) -> Check {
        var existing = URL(fileURLWithPath: directory).standardizedFileURL
        while !FileManager.default.fileExists(atPath: existing.path) && existing.path != "/" {
            existing.deleteLastPathComponent()
        }
        // Writing is the only honest test (permission bits say nothing to root, nor about read-only mounts).
        let probePath = existing.path + "/.asym-doctor-\(getpid())"
        let probe = open(probePath, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        if probe >= 0 {
            close(probe)
            unlink(probePath)
        }
        guard probe >= 0 else {
            return Check(name: "journal", verdict: .failed, detail: "\(existing.path) is not writable (journal at \(directory))")
        }
        var info = statvfs()
        guard statvfs(existing.path, &info) == 0 else {
            return Check(name: "journal", verdict: .failed, detail: "cannot stat the file system of \(existing.path)")
        }
        let free = UInt64(info.f_bavail) * UInt64(info.f_frsize)
        let detail = "\(directory): writable, \(free >> 20) MiB free"
        return Check(name: "journal", verdict: free < minimumFreeBytes ? .warning : .ok,
                     detail: free < minimumFreeBytes ? detail + " (less than \(minimumFreeBytes >> 20) MiB)" : detail)
    }

    /// One line per check.
    public var text: String {
        checks.map { "\($0.verdict.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \($0.name): \($0.detail)" }
            .joined(separator: "\n")
    }
}
