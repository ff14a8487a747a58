import AsymTransport
import Testing
import TestSupport

/// Starts a loopback server with `routes`, runs `body`, and always stops the server.
private func withServer<Result>(
    _ routes: [String: LoopbackHTTPServer.Route] = [:], _ body: (LoopbackHTTPServer) throws -> Result
) throws -> Result {
    let server = try LoopbackHTTPServer(routes: routes)
    defer { server.stop() }
    return try body(server)
}

extension HTTPClientError {
    /// The case name, so failures print which error arrived instead of just "false".
    fileprivate var caseName: String? { Mirror(reflecting: self).children.first?.label }
}

/// Generous bounds: they only keep a broken test from hanging, nothing asserts on time.
private let testConfiguration = HTTPClientConfiguration(connectTimeoutMilliseconds: 10_000, timeoutMilliseconds: 20_000)

@Suite("HTTPClient")
struct HTTPClientTests {
    @Test(arguments: [HTTPVersion.http1_1, .http2])
    func getReturnsStatusHeadersInOrderAndBody(version: HTTPVersion) throws {
        let route = LoopbackHTTPServer.Route.text(
            "hello, world", status: 200,
            headers: [("X-Venue", "Loopback"), ("Set-Cookie", "a=1"), ("set-cookie", "b=2")])
        try withServer(["/hello": route]) { server in
            var configuration = testConfiguration
            configuration.version = version
            let client = try HTTPClient(configuration: configuration)
            let response = try client.get(server.url("/hello"), headers: [HTTPHeader("Accept", "text/plain")])

            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == "hello, world")
            #expect(response.value(forHeader: "x-VENUE") == "Loopback")
            #expect(response.values(forHeader: "SET-COOKIE") == ["a=1", "b=2"])
            #expect(response.headers.map(\.name) == ["X-Venue", "Set-Cookie", "set-cookie", "Content-Length"])
            #expect(response.value(forHeader: "Content-Length") == "12")
            #expect(server.recordedRequests.first?.method == "GET")
            #expect(server.recordedRequests.first?.header("Accept") == "text/plain")
        }
    }

    @Test func postSendsTheExactBodyBytesAndCustomHeaders() throws {
        try withServer(["/order": .echo(status: 201)]) { server in
            let client = try HTTPClient(configuration: testConfiguration)
            // Every byte value, CR/LF and NUL included, plus a large tail: nothing may be re-encoded.
            let body = (0...255).map(UInt8.init) + [UInt8](repeating: 0x7b, count: 100_000)
            let headers = [HTTPHeader("X-Signature", "3f9a0c"), HTTPHeader("Content-Type", "application/json"),
                           HTTPHeader("X-Empty", "")]
            let response = try client.post(server.url("/order?symbol=BTCUSDT"), headers: headers, body: body)

            #expect(response.status == 201)
            #expect(response.body == body)
            #expect(response.value(forHeader: "X-Echo-Method") == "POST")
            #expect(response.value(forHeader: "X-Echo-Path") == "/order?symbol=BTCUSDT")
            let received = try #require(server.recordedRequests.first)
            #expect(received.body == body)
            #expect(received.header("X-Signature") == "3f9a0c")
            #expect(received.header("Content-Type") == "application/json")
            #expect(received.header("X-Empty") == "")
            #expect(received.header("Content-Length") == String(body.count))
            #expect(received.header("Expect") == nil)
        }
    }

    @Test func postWithoutContentTypeSendsNoDefaultContentType() throws {
        try withServer(["/raw": .echo()]) { server in
            let client = try HTTPClient(configuration: testConfiguration)
            _ = try client.post(server.url("/raw"), body: Array("a=1&b=2".utf8))
            _ = try client.post(server.url("/raw"), body: [])
            let requests = server.recordedRequests
            try #require(requests.count == 2)
            #expect(requests[0].header("Content-Type") == nil)
            #expect(requests[0].body == Array("a=1&b=2".utf8))
            #expect(requests[1].header("Content-Length") == "0")
        }
    }

    @Test func deleteSendsDeleteWithAndWithoutBody() throws {
        try withServer(["/order/42": .echo(status: 200)]) { server in
            let client = try HTTPClient(configuration: testConfiguration)
            let plain = try client.delete(server.url("/order/42"))
            let withBody = try client.delete(server.url("/order/42"), body: Array("{\"id\":42}".utf8))

            #expect(plain.value(forHeader: "X-Echo-Method") == "DELETE")
            #expect(plain.body.isEmpty)
            #expect(withBody.value(forHeader: "X-Echo-Method") == "DELETE")
            #expect(withBody.body == Array("{\"id\":42}".utf8))
            #expect(server.recordedRequests.map(\.method) == ["DELETE", "DELETE"])
        }
    }

    @Test func errorStatusesAreResponsesNotErrors() throws {
        try withServer(["/busy": .text("try later", status: 503, headers: [("Retry-After", "1")])]) { server in
            let client = try HTTPClient(configuration: testConfiguration)
            let missing = try client.get(server.url("/missing"))
            let busy = try client.get(server.url("/busy"))

            #expect(missing.status == 404)
            #expect(String(decoding: missing.body, as: UTF8.self) == "not found")
            #expect(busy.status == 503)
            #expect(busy.value(forHeader: "retry-after") == "1")
        }
    }

    @Test func totalTimeoutAgainstASlowRouteThrowsTimedOut() throws {
        try withServer(["/slow": .text("late", delayMilliseconds: 30_000)]) { server in
            let client = try HTTPClient(configuration: testConfiguration)
            let request = HTTPRequest(url: server.url("/slow"), timeoutMilliseconds: 200)
            let error = #expect(throws: HTTPClientError.self) { try client.perform(request) }
            #expect(error?.caseName == "timedOut")
            #expect(error?.message.isEmpty == false)
        }
    }

    @Test func connectTimeoutAgainstAPortThatNeverAnswersThrowsConnectTimedOut() throws {
        try LoopbackHTTPServer.withUnresponsivePort { port in
            var configuration = testConfiguration
            configuration.connectTimeoutMilliseconds = 200
            let client = try HTTPClient(configuration: configuration)
            let error = #expect(throws: HTTPClientError.self) { try client.get("http://127.0.0.1:\(port)/") }
            #expect(error?.caseName == "connectTimedOut")
            #expect(error?.message.isEmpty == false)
        }
    }

    @Test func connectingToAClosedPortThrowsConnectionRefused() throws {
        try LoopbackHTTPServer.withRefusingPort { port in
            let client = try HTTPClient(configuration: testConfiguration)
            let error = #expect(throws: HTTPClientError.self) { try client.get("http://127.0.0.1:\(port)/") }
            #expect(error?.caseName == "connectionRefused")
            #expect(error?.message.isEmpty == false)
        }
    }

    @Test func unresolvableHostThrowsCouldNotResolveHost() throws {
        let client = try HTTPClient(configuration: testConfiguration)
        // .invalid never resolves (RFC 2606).
        let error = #expect(throws: HTTPClientError.self) { try client.get("http://asym-test.invalid/") }
        #expect(error?.caseName == "couldNotResolveHost")
    }

    @Test func httpsToAPlaintextServerThrowsTLSError() throws {
        try withServer { server in
            let client = try HTTPClient(configuration: testConfiguration)
            let error = #expect(throws: HTTPClientError.self) { try client.get("https://127.0.0.1:\(server.port)/") }
            #expect(error?.caseName == "tls")
            #expect(error?.message.isEmpty == false)
        }
    }

    @Test func http2PriorKnowledgeSendsTheHTTP2PrefaceAndFailsAgainstAnHTTP1Server() throws {
        try withServer(["/": .text("h1 only")]) { server in
            var configuration = testConfiguration
            configuration.version = .http2PriorKnowledge
            let client = try HTTPClient(configuration: configuration)
            #expect(throws: HTTPClientError.self) { try client.get(server.url("/")) }
            #expect(server.recordedRequests.first?.method == "PRI")
        }
    }

    @Test func malformedRequestsAreRejectedBeforeSending() throws {
        let client = try HTTPClient(configuration: testConfiguration)
        let headerError = #expect(throws: HTTPClientError.self) {
            try client.get("http://127.0.0.1:1/", headers: [HTTPHeader("X-Bad", "a\r\nInjected: yes")])
        }
        #expect(headerError?.caseName == "invalidRequest")
        let urlError = #expect(throws: HTTPClientError.self) { try client.get("not a url") }
        #expect(urlError?.caseName == "invalidRequest")
    }

    @Test func sequentialRequestsReuseOneConnection() throws {
        try withServer(["/ping": .text("pong")]) { server in
            let client = try HTTPClient(configuration: testConfiguration)
            var opened: [Int] = []
            for index in 0..<10 {
                let response = index.isMultiple(of: 2)
                    ? try client.get(server.url("/ping"))
                    : try client.post(server.url("/missing"), body: [1, 2, 3])
                opened.append(response.newConnections)
            }
            #expect(server.acceptedConnections == 1)
            #expect(opened == [1] + Array(repeating: 0, count: 9))
        }
    }

    @Test func concurrentRequestsAllCompleteInRequestOrder() throws {
        try withServer(["/slow-echo": LoopbackHTTPServer.Route(delayMilliseconds: 100, echo: true)]) { server in
            try LoopbackHTTPServer.withRefusingPort { closedPort in
                let client = try HTTPClient(configuration: testConfiguration)
                var requests = (0..<8).map { index in
                    HTTPRequest(method: .post, url: server.url("/slow-echo?n=\(index)"), body: Array("body \(index)".utf8))
                }
                requests.insert(HTTPRequest(url: "http://127.0.0.1:\(closedPort)/"), at: 3)
                let results = client.perform(requests)

                try #require(results.count == 9)
                for (index, result) in results.enumerated() where index != 3 {
                    let response = try result.get()
                    let n = index < 3 ? index : index - 1
                    #expect(response.status == 200)
                    #expect(response.body == Array("body \(n)".utf8))
                }
                guard case .failure(.connectionRefused) = results[3] else {
                    Issue.record("expected connection refused, got \(results[3])")
                    return
                }
                // HTTP/1.1 cannot multiplex, so requests that were in flight together each needed a connection.
                #expect(server.acceptedConnections == 8)
                // A second batch finds those connections idle in the pool.
                let again = client.perform(Array(requests[0..<3]))
                #expect(again.allSatisfy { (try? $0.get().status) == 200 })
                #expect(server.acceptedConnections == 8)
            }
        }
    }
}
