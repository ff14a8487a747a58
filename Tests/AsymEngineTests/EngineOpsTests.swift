import AsymCore
@testable import AsymEngine
import AsymOps
import AsymRisk
import AsymTransport
import Foundation
import Testing
import TestSupport

/// The control API against a running engine: the token is required, and after `POST /kill` no entry order leaves.
@Suite(.serialized) struct EngineOpsTests {
    @Test func aFreshTokenFileIsPrivateAndAnUnwritablePathIsATypedError() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.path("token")
            let source = try EngineOpsServer.writeRandomToken(to: path)
            let mode = try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
            #expect(mode == 0o600)
            #expect(try String(contentsOfFile: path, encoding: .utf8).count == 48)
            _ = try OpsToken.load(from: source)
            let missing = directory.path("no-such-directory/token")
            #expect(throws: OpsTokenError.fileUnwritable(path: missing)) {
                try EngineOpsServer.writeRandomToken(to: missing)
            }
        }
    }

    @Test func afterPostKillTheEngineSendsNoNewEntryAndRequestsWithoutTheTokenAreRefused() throws {
        try TemporaryDirectory.with { directory in
            let path = try EngineRuntimeTests.recording(directory)
            var configuration = try EngineRuntimeTests.configuration(path)
            configuration.statusInterval = 1_000_000
            let engine = try EngineRuntime(configuration: configuration)
            let tokenSource = try EngineOpsServer.writeRandomToken(to: directory.path("token"))
            let token = try String(contentsOfFile: directory.path("token"), encoding: .utf8)
            let (server, port) = try EngineOpsServer.start(engine: engine, mode: "paper", bind: "127.0.0.1", port: 0,
                                                           token: tokenSource)
            defer { server.stop() }
            let base = "http://127.0.0.1:\(port)"
            let client = try HTTPClient()
            let authorised = [HTTPHeader("Authorization", "Bearer \(token)")]

            #expect(try client.get(base + "/healthz").status == 200)
            #expect(try client.get(base + "/metrics").status == 401)
            #expect(try client.post(base + "/kill", body: []).status == 401)
            #expect(try client.post(base + "/kill", headers: [HTTPHeader("Authorization", "Bearer wrong")], body: []).status == 401)
            #expect(!engine.killSwitch.isEngaged, "a refused request changes nothing")

            try engine.start()
            while (engine.status.venues.first?.summary.frames ?? 0) < 8_000 { Thread.sleep(forTimeInterval: 0.001) }
            #expect(try client.post(base + "/kill", headers: authorised, body: []).status == 202)
            var atKill = engine.status
            while !atKill.killSwitchEngaged { Thread.sleep(forTimeInterval: 0.001); atKill = engine.status }
            while !engine.sourcesExhausted { Thread.sleep(forTimeInterval: 0.01) }

            let status = try client.get(base + "/status", headers: authorised)
            #expect(status.status == 200)
            let decoded = try OpsStatus.decode(json: status.body)
            #expect(decoded.tradingState == "halted")
            let metrics = try client.get(base + "/metrics", headers: authorised)
            let text = String(decoding: metrics.body, as: UTF8.self)
            #expect(text.contains("asym_risk_denials_total{reason=\"kill_switch_engaged\"}"))
            #expect(text.contains("asym_feed_frames_total{venue=\"bybit\"} 40000"))

            let final = try #require(engine.stop().first).summary
            #expect(final.entryOrders == atKill.venues[0].summary.entryOrders, "no entry order after /kill")
            #expect(final.denials(.killSwitchEngaged) > 0 && final.cancelAlls >= 1)
        }
    }
}
