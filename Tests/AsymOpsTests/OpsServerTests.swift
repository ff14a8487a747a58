import AsymOps
import AsymTransport
import Foundation
import Testing

private let testToken = "ops-test-token-7f3a"

/// Generous bounds: they only keep a broken test from hanging, nothing asserts on time.
private let clientConfiguration = HTTPClientConfiguration(connectTimeoutMilliseconds: 10_000, timeoutMilliseconds: 20_000)

/// Runs `body` on a thread of its own, as the engine's threads call the server, and awaits its result.
///
/// `OpsServer.start()`/`stop()` and `HTTPClient` block their caller; on a thread of Swift's shared pool (where
/// tests run) parallel tests could block every pool thread the server's timer still needs.
private func onOwnThread<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

/// Starts a server on an ephemeral loopback port, runs `body` with it on a thread of its own, and always stops it.
private func withServer<Value: Sendable>(
    token: String? = testToken, backend: RecordingOpsBackend = RecordingOpsBackend(),
    _ body: @escaping @Sendable (_ base: String, _ client: HTTPClient) throws -> Value
) async throws -> Value {
    try await onOwnThread {
        let configuration = OpsServerConfiguration(port: 0, token: try token.map { try OpsToken($0) })
        let server = OpsServer(configuration: configuration, backend: backend)
        let port = try server.start()
        defer { server.stop() }
        #expect(server.port == port)
        return try body("http://127.0.0.1:\(port)", try HTTPClient(configuration: clientConfiguration))
    }
}

private func bearer(_ token: String) -> [HTTPHeader] { [HTTPHeader("Authorization", "Bearer \(token)")] }

private func text(_ response: HTTPResponse) -> String { String(decoding: response.body, as: UTF8.self) }

private func request(
    _ client: HTTPClient, _ method: HTTPMethod, _ url: String, headers: [HTTPHeader]
) throws -> HTTPResponse {
    try client.perform(HTTPRequest(method: method, url: url, headers: headers))
}

private let protectedRoutes: [(HTTPMethod, String)] = [
    (.get, "/metrics"), (.get, "/status"), (.post, "/kill"), (.post, "/pause"), (.post, "/resume"),
]

@Suite("OpsServer")
struct OpsServerTests {
    @Test("GET /healthz answers ok without a token")
    func healthzNeedsNoToken() async throws {
        try await withServer { base, client in
            let response = try client.get(base + "/healthz")
            #expect(response.status == 200)
            #expect(text(response) == "ok\n")
        }
    }

    @Test("every protected route refuses a request without a token or with a wrong one, and the backend hears nothing")
    func protectedRoutesRefuseMissingAndWrongTokens() async throws {
        let backend = RecordingOpsBackend()
        try await withServer(backend: backend) { base, client in
            let wrongHeaders: [[HTTPHeader]] = [
                [], bearer("wrong-token"), bearer(testToken + "x"), bearer(String(testToken.dropLast())),
                [HTTPHeader("Authorization", "Basic \(testToken)")], [HTTPHeader("Authorization", testToken)],
                [HTTPHeader("X-Token", testToken)],
            ]
            for (method, path) in protectedRoutes {
                for headers in wrongHeaders {
                    let response = try request(client, method, base + path, headers: headers)
                    #expect(response.status == 401, "\(method) \(path) \(headers)")
                    #expect(response.value(forHeader: "WWW-Authenticate")?.hasPrefix("Bearer") == true)
                    #expect(!text(response).contains(testToken))
                }
            }
        }
        #expect(backend.receivedCommands.isEmpty)
    }

    @Test("without a configured token the protected routes are closed (403), not open")
    func noConfiguredTokenClosesProtectedRoutes() async throws {
        let backend = RecordingOpsBackend()
        try await withServer(token: nil, backend: backend) { base, client in
            for (method, path) in protectedRoutes {
                for headers in [[], bearer(testToken), bearer("")] {
                    let response = try request(client, method, base + path, headers: headers)
                    #expect(response.status == 403, "\(method) \(path)")
                }
            }
            let health = try client.get(base + "/healthz")
            #expect(health.status == 200)
        }
        #expect(backend.receivedCommands.isEmpty)
    }

    @Test("POST /kill, /pause and /resume reach the backend once each, in order; the scheme is case-insensitive")
    func controlRoutesReachTheBackend() async throws {
        let backend = RecordingOpsBackend()
        try await withServer(backend: backend) { base, client in
            for (command, scheme) in [("kill", "Bearer"), ("pause", "bearer"), ("resume", "BEARER")] {
                let response = try client.post(
                    base + "/" + command, headers: [HTTPHeader("Authorization", "\(scheme) \(testToken)")], body: [])
                #expect(response.status == 202)
                #expect(text(response) == "{\"accepted\":\"\(command)\"}\n")
            }
        }
        #expect(backend.receivedCommands == ["kill", "pause", "resume"])
    }

    @Test("the backend is called on the server's own asym-ops thread, not on Swift's shared pool")
    func backendRunsOnTheOpsThread() async throws {
        let backend = RecordingOpsBackend()
        try await withServer(backend: backend) { base, client in
            for _ in 0..<5 {
                _ = try client.get(base + "/metrics", headers: bearer(testToken))
                _ = try client.get(base + "/status", headers: bearer(testToken))
            }
            _ = try client.post(base + "/pause", headers: bearer(testToken), body: [])
        }
        #expect(backend.callingThreads == ["asym-ops"])
    }

    @Test("GET on a control route or an unknown path does not reach the backend")
    func wrongMethodsAndPathsDoNothing() async throws {
        let backend = RecordingOpsBackend()
        try await withServer(backend: backend) { base, client in
            for path in ["/kill", "/pause", "/resume"] {
                let response = try client.get(base + path, headers: bearer(testToken))
                #expect(response.status >= 400, "GET \(path)")
            }
            let unknown = try client.post(base + "/halt", headers: bearer(testToken), body: [])
            #expect(unknown.status == 404)
            let postMetrics = try client.post(base + "/metrics", headers: bearer(testToken), body: [])
            #expect(postMetrics.status >= 400)
        }
        #expect(backend.receivedCommands.isEmpty)
    }

    @Test("GET /status returns the backend's status as JSON that decodes to the same value")
    func statusDecodes() async throws {
        let backend = RecordingOpsBackend()
        try await withServer(backend: backend) { base, client in
            let response = try client.get(base + "/status", headers: bearer(testToken))
            #expect(response.status == 200)
            #expect(response.value(forHeader: "Content-Type") == "application/json")
            #expect(try OpsStatus.decode(json: response.body) == backend.statusValue)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
            #expect(object["trading_state"] as? String == "halted")
            #expect(object["latest_signals"] is [Any])
        }
    }

    @Test("GET /metrics serves text format 0.0.4 that the strict parser accepts")
    func metricsParse() async throws {
        let backend = RecordingOpsBackend()
        try await withServer(backend: backend) { base, client in
            let response = try client.get(base + "/metrics", headers: bearer(testToken))
            #expect(response.status == 200)
            #expect(response.value(forHeader: "Content-Type") == "text/plain; version=0.0.4; charset=utf-8")
            let body = text(response)
            #expect(body == backend.metricsValue.prometheusText())
            let exposition = try PrometheusExposition.parse(body)
            #expect(exposition.value("asym_signals_total") == Double(backend.metricsValue.signalsTotal))
            // scripts/promtool-check sets this to check the same scrape with Prometheus's own promtool.
            if let path = ProcessInfo.processInfo.environment["ASYM_WRITE_METRICS"], !path.isEmpty {
                try Data(response.body).write(to: URL(fileURLWithPath: path))
            }
        }
    }

    @Test("start on a port in use or an address not on this host fails with bindFailed, and can be retried")
    func bindFailures() async throws {
        try await withServer { base, _ in
            let port = Int(base.split(separator: ":").last!)!
            let clash = OpsServer(configuration: OpsServerConfiguration(port: port, token: nil), backend: RecordingOpsBackend())
            #expect(throws: OpsServerError.self) { try clash.start() }
            do {
                try clash.start()
            } catch let error as OpsServerError {
                guard case .bindFailed(let address, let failedPort, _) = error else {
                    Issue.record("expected bindFailed, got \(error)")
                    return
                }
                #expect(address == "127.0.0.1" && failedPort == port)
            } catch {
                Issue.record("untyped error \(error)")
            }
            #expect(clash.port == nil)
        }
        try await onOwnThread {
            // TEST-NET-3 (RFC 5737) is never assigned to a local interface.
            let foreign = OpsServer(
                configuration: OpsServerConfiguration(bindAddress: "203.0.113.7", port: 0, token: nil),
                backend: RecordingOpsBackend())
            #expect(throws: OpsServerError.self) { try foreign.start() }
        }
    }

    @Test("start, requests and stop work when called straight from Swift's shared pool, several servers at once",
          arguments: 0..<4)
    func startAndStopFromThePool(index: Int) throws {
        let backend = RecordingOpsBackend()
        let server = OpsServer(configuration: OpsServerConfiguration(port: 0, token: try OpsToken(testToken)), backend: backend)
        let port = try server.start()
        let client = try HTTPClient(configuration: clientConfiguration)
        let health = try client.get("http://127.0.0.1:\(port)/healthz")
        let kill = try client.post("http://127.0.0.1:\(port)/kill", headers: bearer(testToken), body: [])
        server.stop()
        #expect(health.status == 200 && kill.status == 202, "server \(index)")
        #expect(backend.receivedCommands == ["kill"])
    }

    @Test("stop closes a connection whose request body never finishes arriving")
    func stopClosesHalfSentRequests() async throws {
        try await onOwnThread {
            let server = OpsServer(configuration: OpsServerConfiguration(port: 0, token: nil), backend: RecordingOpsBackend())
            let port = try server.start()
            let stalled = try #require(StalledClient(
                port: port, partialRequest: "POST /kill HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789"))
            let client = try HTTPClient(configuration: clientConfiguration)
            // A full request after the stalled one proves the server had accepted and is serving both.
            #expect(try client.get("http://127.0.0.1:\(port)/healthz").status == 200)
            server.stop()
            #expect(server.port == nil)
            #expect(stalled.serverClosed)
        }
    }

    @Test("after the grace period stop cuts off a client that stopped reading a large response")
    func stopCutsOffClientsThatStopReading() async throws {
        // Long labels make a response far larger than the socket buffers, so the server's write must wait.
        var metrics = OpsFixtures.metrics()
        metrics.positions = (0..<8_000).map {
            OpsPositionMetric(venue: .bybit, symbol: String(repeating: "S", count: 1_000) + "\($0)", quantity: 1)
        }
        let backend = RecordingOpsBackend(metrics: metrics)
        try await onOwnThread {
            let server = OpsServer(
                configuration: OpsServerConfiguration(port: 0, token: try OpsToken(testToken), shutdownGraceSeconds: 0.2),
                backend: backend)
            let port = try server.start()
            let stalled = try #require(StalledClient(
                port: port, partialRequest: "GET /metrics HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(testToken)\r\n\r\n"))
            // The server has the request once it asked the backend (and is then stuck writing the answer).
            while backend.callingThreads.isEmpty { usleep(1_000) }
            server.stop()
            #expect(server.port == nil)
            #expect(stalled.serverClosed)
        }
    }

    @Test("an invalid port and a second start are refused; stop, then start again, serves again")
    func lifecycle() async throws {
        try await onOwnThread {
            let invalid = OpsServer(configuration: OpsServerConfiguration(port: 70_000, token: nil), backend: RecordingOpsBackend())
            #expect(throws: OpsServerError.invalidPort(70_000)) { try invalid.start() }

            let server = OpsServer(configuration: OpsServerConfiguration(port: 0, token: nil), backend: RecordingOpsBackend())
            let client = try HTTPClient(configuration: clientConfiguration)
            let first = try server.start()
            #expect(throws: OpsServerError.alreadyRunning) { try server.start() }
            #expect(try client.get("http://127.0.0.1:\(first)/healthz").status == 200)
            server.stop()
            #expect(server.port == nil)
            #expect(throws: HTTPClientError.self) { try client.get("http://127.0.0.1:\(first)/healthz") }
            server.stop()  // a second stop does nothing

            let second = try server.start()
            #expect(try client.get("http://127.0.0.1:\(second)/healthz").status == 200)
            server.stop()
        }
    }
}
