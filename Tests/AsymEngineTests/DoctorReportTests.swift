import AsymCore
@testable import AsymEngine
import Foundation
import Testing
import TestSupport

@Suite struct DoctorReportTests {
    @Test func theClockProbeReadsEachVenuesServerTimeAndMeasuresTheSkew() throws {
        let now = WallClock.nanoseconds()
        let twoSecondsAgo = now - 2_000_000_000
        let server = try LoopbackHTTPServer(routes: [
            "/v5/market/time": .text("{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"timeSecond\":\"\(now / 1_000_000_000)\",\"timeNano\":\"\(now)\"},\"time\":\(now / 1_000_000)}"),
            "/fapi/v1/time": .text("{\"serverTime\":\(twoSecondsAgo / 1_000_000)}"),
            "/api/v5/public/time": .text("{\"code\":\"0\",\"msg\":\"\",\"data\":[{\"ts\":\"\(now / 1_000_000)\"}]}"),
        ])
        defer { server.stop() }
        let probe = ClockSkewProbe(baseURL: [.bybit: server.baseURL, .binance: server.baseURL, .okx: server.baseURL])
        guard case let .measured(bybitSkew, _) = probe.probe(.bybit) else { Issue.record("bybit not measured"); return }
        #expect(abs(bybitSkew) < 500_000_000, "a server answering the local time shows a small skew")
        guard case let .measured(binanceSkew, _) = probe.probe(.binance) else { Issue.record("binance not measured"); return }
        #expect(binanceSkew > 1_500_000_000, "a server two seconds behind shows the local clock about 2 s ahead")
        guard case .measured = probe.probe(.okx) else { Issue.record("okx not measured"); return }
    }

    @Test func anUnreachableVenueIsOfflineAndGarbageIsUnreadable() throws {
        try LoopbackHTTPServer.withRefusingPort { port in
            let probe = ClockSkewProbe(baseURL: [.bybit: "http://127.0.0.1:\(port)"])
            guard case .offline = probe.probe(.bybit) else { Issue.record("expected offline"); return }
        }
        let server = try LoopbackHTTPServer(routes: ["/fapi/v1/time": .text("<html>maintenance</html>", status: 503)])
        defer { server.stop() }
        guard case .unreadable = ClockSkewProbe(baseURL: [.binance: server.baseURL]).probe(.binance) else {
            Issue.record("expected unreadable"); return
        }
    }

    @Test func anOfflineVenueDoesNotFailTheDoctorButABadConfigurationDoes() throws {
        try TemporaryDirectory.with { directory in
            try LoopbackHTTPServer.withRefusingPort { port in
                let probe = ClockSkewProbe(baseURL: [.bybit: "http://127.0.0.1:\(port)"])
                let good = directory.path("good.toml")
                try "[journal]\ndirectory = \"\(directory.path("journal"))\"\n".write(toFile: good, atomically: true, encoding: .utf8)
                let report = DoctorReport.run(configurationPath: good, probe: probe, minimumFreeBytes: 0)
                #expect(report.passed, "\(report.text)")
                #expect(report.checks.contains { $0.name == "clock vs bybit" && $0.verdict == .offline })
                #expect(report.checks.contains { $0.name == "journal" && $0.verdict == .ok })

                let bad = directory.path("bad.toml")
                try "[risk]\nmax_leverage = 50\n".write(toFile: bad, atomically: true, encoding: .utf8)
                let failed = DoctorReport.run(configurationPath: bad, probe: probe, minimumFreeBytes: 0)
                #expect(!failed.passed && failed.checks.contains { $0.name == "config" && $0.verdict == .failed })
            }
        }
    }

    @Test func theDoctorReadsTheClockAtTheRESTTwinOfAVenuesWebSocketOverride() throws {
        try TemporaryDirectory.with { directory in
            let recording = directory.path("okx.txt")
            _ = try SyntheticRecording.write(venue: .okx, frames: 20, seed: 3, to: recording, labelsPath: nil)
            var configuration = VenueEmulatorConfiguration(venue: .okx, recordingPath: recording)
            configuration.clockOffset = .seconds(-3)
            let emulator = try VenueEmulator(configuration: configuration)
            defer { emulator.stop() }
            let path = directory.path("asym.toml")
            try """
                [venues.okx]
                base_url = "ws://127.0.0.1:\(emulator.port)"
                [journal]
                directory = "\(directory.path("journal"))"

                """.write(toFile: path, atomically: true, encoding: .utf8)
            let report = DoctorReport.run(configurationPath: path, minimumFreeBytes: 0)
            let clock = try #require(report.checks.first { $0.name == "clock vs okx" })
            #expect(clock.verdict == .failed && clock.detail.hasPrefix("skew +3"), "\(clock.detail)")
            #expect(!report.passed)
        }
    }

    @Test func anUnwritableJournalDirectoryFails() {
        let check = DoctorReport.journalCheck("/proc/asym-journal", minimumFreeBytes: 0)
        #expect(check.verdict == .failed)
    }
}
