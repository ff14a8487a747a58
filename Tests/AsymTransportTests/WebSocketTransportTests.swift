import AsymTransport
import Foundation
import Dispatch
import Synchronization
import Testing
import TestSupport

// MARK: - Recording helpers (events are copied so they outlive the handler call)

fileprivate enum ClientRecord: Sendable, Equatable {
    case connected
    case message(WebSocketOpcode, [UInt8])
    case pong([UInt8])
    case closed(WebSocketCloseCode, String)
    case error(WebSocketError)

    init(_ event: WebSocketClientEvent) {
        switch event {
        case .connected: self = .connected
        case .message(let opcode, let bytes): self = .message(opcode, Array(bytes))
        case .pong(let bytes): self = .pong(Array(bytes))
        case .closed(let code, let reason): self = .closed(code, reason)
        case .connectionError(let error): self = .error(error)
        }
    }

    var isEnd: Bool {
        switch self {
        case .closed, .error: true
        default: false
        }
    }
}

fileprivate enum ServerRecord: Sendable, Equatable {
    case connected(WebSocketServerConnection)
    case message(WebSocketConnectionID, WebSocketOpcode, [UInt8])
    case pong(WebSocketConnectionID, [UInt8])
    case closed(WebSocketConnectionID, WebSocketCloseCode)

    init(_ event: WebSocketServerEvent) {
        switch event {
        case .connected(let connection): self = .connected(connection)
        case .message(let id, let opcode, let bytes): self = .message(id, opcode, Array(bytes))
        case .pong(let id, let bytes): self = .pong(id, Array(bytes))
        case .closed(let id, let code): self = .closed(id, code)
        }
    }

    var connection: WebSocketServerConnection? {
        if case .connected(let connection) = self { return connection }
        return nil
    }
}

fileprivate func makeServer(
    _ configuration: WebSocketServerConfiguration = WebSocketServerConfiguration(),
    http: (@Sendable (WebSocketHTTPRequest) -> WebSocketHTTPResponse)? = nil
) throws -> (WebSocketServer, WebSocketEventLog<ServerRecord>) {
    let log = WebSocketEventLog<ServerRecord>()
    let server = try WebSocketServer(configuration: configuration, httpHandler: http) { log.append(ServerRecord($0)) }
    return (server, log)
}

fileprivate func makeClient(
    _ configuration: WebSocketClientConfiguration = WebSocketClientConfiguration()
) throws -> (WebSocketClient, WebSocketEventLog<ClientRecord>) {
    let log = WebSocketEventLog<ClientRecord>()
    let client = try WebSocketClient(configuration: configuration) { log.append(ClientRecord($0)) }
    return (client, log)
}

/// Waits for the `index`-th (0-based) accepted connection.
fileprivate func acceptedConnection(_ log: WebSocketEventLog<ServerRecord>, index: Int = 0) throws -> WebSocketServerConnection {
    var found: WebSocketServerConnection?
    log.wait { records in
        let connections = records.compactMap(\.connection)
        found = connections.count > index ? connections[index] : nil
        return found != nil
    }
    return try #require(found)
}

fileprivate struct ConnectedPair {
    let server: WebSocketServer
    let serverLog: WebSocketEventLog<ServerRecord>
    let client: WebSocketClient
    let clientLog: WebSocketEventLog<ClientRecord>
    let id: WebSocketConnectionID

    init(client configuration: WebSocketClientConfiguration = WebSocketClientConfiguration(), path: String = "/") throws {
        (server, serverLog) = try makeServer()
        (client, clientLog) = try makeClient(configuration)
        try client.connect(to: "ws://127.0.0.1:\(server.port)\(path)")
        id = try acceptedConnection(serverLog).id
    }
}

fileprivate func usleepMilliseconds(_ milliseconds: Int) {
    Thread.sleep(forTimeInterval: Double(milliseconds) / 1000)
}

fileprivate func pattern(_ count: Int, seed: UInt8 = 0) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(seed)) }
}

// MARK: - Messaging

@Suite("WebSocket transport")
struct WebSocketTransportTests {
    @Test func textRoundTripsBetweenClientAndServer() throws {
        let pair = try ConnectedPair()
        #expect(pair.clientLog.first { $0 == .connected } != nil)

        try pair.client.send(text: "hello from client")
        #expect(pair.serverLog.first { $0 == .message(pair.id, .text, Array("hello from client".utf8)) } != nil)

        try pair.server.send(text: "hello from server", to: pair.id)
        #expect(pair.clientLog.first { $0 == .message(.text, Array("hello from server".utf8)) } != nil)
    }

    @Test func binaryRoundTripsBetweenClientAndServer() throws {
        let pair = try ConnectedPair()
        let bytes = pattern(1000) + [0, 0, 255]
        try pair.client.send(bytes, opcode: .binary)
        #expect(pair.serverLog.first { $0 == .message(pair.id, .binary, bytes) } != nil)

        try pair.server.send(bytes.reversed(), opcode: .binary, to: pair.id)
        #expect(pair.clientLog.first { $0 == .message(.binary, bytes.reversed()) } != nil)
    }

    @Test func oneMebibyteMessageArrivesWholeInBothDirections() throws {
        let pair = try ConnectedPair()
        let big = pattern(1 << 20, seed: 7)
        try pair.server.send(big, to: pair.id)
        let received = pair.clientLog.first { if case .message = $0 { true } else { false } }
        #expect(received == .message(.binary, big))

        try pair.client.send(big.reversed(), opcode: .binary)
        #expect(pair.serverLog.first { $0 == .message(pair.id, .binary, big.reversed()) } != nil)
    }

    @Test func clientReceivesFragmentedMessageWhole() throws {
        let pair = try ConnectedPair()
        let parts = [Array("{\"e\":\"depth\",".utf8), Array("\"b\":[[\"1.0\",\"2\"]],".utf8), Array("\"a\":[]}".utf8)]
        try pair.server.sendFragmented(parts, opcode: .text, to: pair.id)
        try pair.server.send(text: "after", to: pair.id)

        #expect(pair.clientLog.first { $0 == .message(.text, Array("after".utf8)) } != nil)
        let messages = pair.clientLog.all.filter { if case .message = $0 { true } else { false } }
        #expect(messages == [.message(.text, parts.flatMap { $0 }), .message(.text, Array("after".utf8))])
    }

    @Test func fragmentedBinaryMessageLargerThanReceiveChunkIsReassembled() throws {
        let pair = try ConnectedPair()
        let parts = [pattern(100_000, seed: 1), pattern(3, seed: 2), pattern(200_000, seed: 3)]
        try pair.server.sendFragmented(parts, opcode: .binary, to: pair.id)
        let received = pair.clientLog.first { if case .message = $0 { true } else { false } }
        #expect(received == .message(.binary, parts.flatMap { $0 }))
    }

    @Test func messageOverTheLimitClosesWith1009() throws {
        let pair = try ConnectedPair(client: WebSocketClientConfiguration(maxMessageSize: 1024, initialBufferCapacity: 256))
        try pair.server.sendFragmented([pattern(600), pattern(600)], opcode: .binary, to: pair.id)
        #expect(pair.clientLog.first { $0 == .error(.messageTooLarge(limit: 1024)) } != nil)
        #expect(pair.clientLog.first { $0 == .closed(.messageTooBig, "") } != nil)
        #expect(pair.serverLog.first { $0 == .closed(pair.id, .messageTooBig) } != nil)
        #expect(!pair.clientLog.all.contains { if case .message = $0 { true } else { false } })
    }

    // MARK: Ping / pong

    @Test func clientPingIsAnsweredWithPong() throws {
        let pair = try ConnectedPair()
        try pair.client.ping([1, 2, 3])
        #expect(pair.clientLog.first { $0 == .pong([1, 2, 3]) } != nil)
    }

    @Test func serverPingIsAnsweredAutomaticallyByClient() throws {
        let pair = try ConnectedPair()
        try pair.server.ping(pair.id, payload: Array("binance".utf8))
        #expect(pair.serverLog.first { $0 == .pong(pair.id, Array("binance".utf8)) } != nil)
    }

    @Test func oversizedPingPayloadIsRejected() throws {
        let pair = try ConnectedPair()
        #expect(throws: WebSocketError.invalidArgument("ping payload over 125 bytes")) {
            try pair.client.ping(pattern(126))
        }
    }

    // MARK: Close

    @Test(arguments: [WebSocketCloseCode(rawValue: 4001), .goingAway])
    func clientSeesServerCloseCode(code: WebSocketCloseCode) throws {
        let pair = try ConnectedPair()
        try pair.server.close(pair.id, code: code, reason: "bye")
        #expect(pair.clientLog.first { $0 == .closed(code, "bye") } != nil)
        #expect(pair.serverLog.first { $0 == .closed(pair.id, code) } != nil)
        #expect(!pair.client.isConnected)
        #expect(throws: WebSocketError.closedByPeer(code: code, reason: "bye")) {
            try pair.client.send(text: "too late")
        }
    }

    @Test func serverSeesClientCloseCode() throws {
        let pair = try ConnectedPair()
        try pair.client.send(text: "last words")
        try pair.client.close(code: WebSocketCloseCode(rawValue: 4000), reason: "done")
        #expect(pair.serverLog.first { $0 == .message(pair.id, .text, Array("last words".utf8)) } != nil)
        #expect(pair.serverLog.first { $0 == .closed(pair.id, WebSocketCloseCode(rawValue: 4000)) } != nil)
        #expect(pair.clientLog.first { $0 == .closed(WebSocketCloseCode(rawValue: 4000), "") } != nil)
        #expect(throws: WebSocketError.notConnected) { try pair.client.send(text: "closed") }
    }

    // MARK: Drop and reconnect

    @Test func clientSeesDropAndReconnectsWhenServerReturnsOnSamePort() throws {
        let (client, clientLog) = try makeClient()
        let port: UInt16
        do {
            let (server, _) = try makeServer()
            port = server.port
            try client.connect(to: "ws://127.0.0.1:\(port)/ws")
            #expect(client.isConnected)
            server.shutdown()
        }
        let drop = clientLog.first(where: \.isEnd)
        #expect(drop == .closed(.abnormalClosure, ""))
        #expect(!client.isConnected)

        // Nothing listening: the reconnect attempt fails with a typed error and an event.
        #expect(throws: WebSocketError.self) { try client.reconnect() }

        let (server, serverLog) = try makeServer(WebSocketServerConfiguration(port: port))
        #expect(server.port == port)
        try client.reconnect()
        let id = try acceptedConnection(serverLog).id
        try server.send(text: "welcome back", to: id)
        #expect(clientLog.first { $0 == .message(.text, Array("welcome back".utf8)) } != nil)
        #expect(clientLog.all.filter { $0 == .connected }.count == 2)
    }

    @Test func connectToClosedPortFailsWithConnectError() throws {
        let port: UInt16
        do {
            let (server, _) = try makeServer()
            port = server.port
        }
        let (client, log) = try makeClient()
        do {
            try client.connect(to: "ws://127.0.0.1:\(port)/")
            Issue.record("connect unexpectedly succeeded")
        } catch {
            guard case .connectFailed = error else {
                Issue.record("expected connectFailed, got \(error)")
                return
            }
        }
        #expect(log.first { if case .error(.connectFailed) = $0 { true } else { false } } != nil)
    }

    @Test func invalidURLIsRejected() throws {
        let (client, _) = try makeClient()
        #expect(throws: WebSocketError.invalidURL("http://127.0.0.1/")) { try client.connect(to: "http://127.0.0.1/") }
        #expect(throws: WebSocketError.notConnected) { try client.send(text: "nobody") }
    }

    @Test func secondConnectWhileConnectedIsRejected() throws {
        let pair = try ConnectedPair()
        #expect(throws: WebSocketError.alreadyConnected) {
            try pair.client.connect(to: "ws://127.0.0.1:\(pair.server.port)/")
        }
    }

    @Test func releasingConnectedClientClosesCleanly() throws {
        let (server, serverLog) = try makeServer()
        do {
            let (client, _) = try makeClient()
            try client.connect(to: "ws://127.0.0.1:\(server.port)/")
            _ = try acceptedConnection(serverLog)
        }
        #expect(serverLog.first { if case .closed = $0 { true } else { false } } != nil)
        #expect(server.connections.isEmpty)
    }

    @Test func shutdownReleasesHandlersOfClientAndServer() throws {
        final class Sentinel: Sendable {}
        weak var clientSentinel: Sentinel?
        weak var serverSentinel: Sentinel?
        do {
            let forClient = Sentinel()
            let forServer = Sentinel()
            clientSentinel = forClient
            serverSentinel = forServer
            let server = try WebSocketServer { _ in _ = forServer }
            let client = try WebSocketClient { _ in _ = forClient }
            try client.connect(to: "ws://127.0.0.1:\(server.port)/")
            server.shutdown()
            client.shutdown()
            client.shutdown()  // idempotent
        }
        // deinit joined the service threads, which held the only other references.
        #expect(clientSentinel == nil)
        #expect(serverSentinel == nil)
    }

    @Test func clientReleasedFromItsOwnHandlerShutsDownCleanly() throws {
        final class Sentinel: Sendable {}
        final class Holder: Sendable { let client = Mutex<WebSocketClient?>(nil) }
        let (server, serverLog) = try makeServer()
        let holder = Holder()
        weak var sentinel: Sentinel?
        do {
            let strongSentinel = Sentinel()
            sentinel = strongSentinel
            let client = try WebSocketClient { event in
                _ = strongSentinel
                if case .message = event {
                    // Drop the last reference on the service thread itself: deinit must not join it.
                    let last = holder.client.withLock { $0.take() }
                    _ = last
                }
            }
            try client.connect(to: "ws://127.0.0.1:\(server.port)/")
            holder.client.withLock { $0 = client }
        }
        let id = try acceptedConnection(serverLog).id
        try server.send(text: "release yourself", to: id)
        #expect(serverLog.first { $0 == .closed(id, .abnormalClosure) } != nil)
        let deadline = ContinuousClock.now + .seconds(10)
        while sentinel != nil, ContinuousClock.now < deadline { usleepMilliseconds(5) }
        #expect(sentinel == nil)
    }

    // MARK: Request metadata, HTTP, concurrency

    @Test func serverKnowsRequestPathQueryAndHeaders() throws {
        let (server, serverLog) = try makeServer(WebSocketServerConfiguration(capturedHeaderNames: ["X-MBX-APIKEY"]))
        let (client, _) = try makeClient()
        try client.connect(
            to: "ws://127.0.0.1:\(server.port)/public/stream?streams=btcusdt@depth@100ms",
            headers: ["X-MBX-APIKEY": "key123", "User-Agent": "asym-test"]
        )
        let connection = try acceptedConnection(serverLog)
        #expect(connection.path == "/public/stream")
        #expect(connection.query == "streams=btcusdt@depth@100ms")
        #expect(connection.target == "/public/stream?streams=btcusdt@depth@100ms")
        #expect(connection.headers["x-mbx-apikey"] == "key123")
        #expect(connection.headers["user-agent"] == "asym-test")
        #expect(connection.headers["host"] == "127.0.0.1:\(server.port)")
        #expect(server.connection(connection.id) == connection)
    }

    @Test func serverAnswersPlainHTTPGetOnWebSocketPort() throws {
        let (server, _) = try makeServer(http: { request in
            guard request.path == "/api/v3/depth" else { return .notFound }
            return WebSocketHTTPResponse(
                contentType: "application/json",
                text: "{\"lastUpdateId\":42,\"query\":\"\(request.query)\"}"
            )
        })
        let response = try LoopbackPortHTTPClient.get(port: server.port, target: "/api/v3/depth?symbol=BTCUSDT&limit=5000")
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "application/json")
        #expect(String(decoding: response.body, as: UTF8.self) == "{\"lastUpdateId\":42,\"query\":\"symbol=BTCUSDT&limit=5000\"}")

        let missing = try LoopbackPortHTTPClient.get(port: server.port, target: "/nope")
        #expect(missing.status == 404)
    }

    @Test func serverHandsPostBodiesAndCapturedHeadersToTheHTTPHandlerAndRefusesOversizedBodies() throws {
        let seen = WebSocketEventLog<WebSocketHTTPRequest>()
        let (server, _) = try makeServer(
            WebSocketServerConfiguration(maxMessageSize: 64 * 1024, capturedHeaderNames: ["X-BAPI-SIGN"]),
            http: { request in
                seen.append(request)
                return WebSocketHTTPResponse(contentType: "application/json", body: Array("{\"echo\":".utf8) + request.body + [0x7D])
            })
        let client = try HTTPClient()
        let base = "http://127.0.0.1:\(server.port)"
        // Larger than one lws body chunk, so it arrives in pieces.
        let body = Array("{\"qty\":\"".utf8) + Array(repeating: UInt8(ascii: "7"), count: 20_000) + Array("\"}".utf8)
        let posted = try client.post("\(base)/v5/order/create?x=1", headers: [HTTPHeader("X-BAPI-SIGN", "abc123"),
                                                                      HTTPHeader("Content-Type", "application/json")], body: body)
        #expect(posted.status == 200)
        #expect(posted.body == Array("{\"echo\":".utf8) + body + [0x7D])
        let request = try #require(seen.all.first)
        #expect(request.method == .post)
        #expect(request.path == "/v5/order/create")
        #expect(request.query == "x=1")
        #expect(request.headers["x-bapi-sign"] == "abc123")
        #expect(request.body == body)

        let empty = try client.post("\(base)/empty", body: [])
        #expect(empty.status == 200)
        #expect(seen.all.last?.body == [] && seen.all.last?.method == .post)

        let fetched = try client.get("\(base)/v5/order/realtime?orderLinkId=a", headers: [HTTPHeader("X-BAPI-SIGN", "def")])
        #expect(fetched.status == 200)
        #expect(seen.all.last?.method == .get && seen.all.last?.headers["x-bapi-sign"] == "def")

        let count = seen.all.count
        let tooLarge = try client.post("\(base)/big", body: Array(repeating: 0x61, count: 64 * 1024 + 1))
        #expect(tooLarge.status == 413)
        #expect(seen.all.count == count)
    }

    @Test func severalClientsConnectConcurrentlyAndReceiveBroadcast() throws {
        let (server, serverLog) = try makeServer()
        let count = 6
        let clients = try (0..<count).map { _ in try makeClient() }
        let failures = WebSocketEventLog<String>()
        DispatchQueue.concurrentPerform(iterations: count) { index in
            do {
                try clients[index].0.connect(to: "ws://127.0.0.1:\(server.port)/client/\(index)")
                try clients[index].0.send(text: "client \(index)")
            } catch {
                failures.append("client \(index): \(error)")
            }
        }
        #expect(failures.all.isEmpty)
        #expect(serverLog.wait { $0.filter { if case .message = $0 { true } else { false } }.count == count })
        #expect(Set(server.connections.map(\.path)) == Set((0..<count).map { "/client/\($0)" }))

        try server.broadcast(Array("tick".utf8), opcode: .text)
        for (_, log) in clients {
            #expect(log.first { $0 == .message(.text, Array("tick".utf8)) } != nil)
        }
    }

    // MARK: TLS

    @Test func tlsRoundTripWithSelfSignedCertificateTrustedAsCA() throws {
        let tls = try WebSocketTLSFixture.make()
        defer { tls.remove() }
        let (server, serverLog) = try makeServer(WebSocketServerConfiguration(
            certificatePath: tls.certificatePath, privateKeyPath: tls.privateKeyPath))
        let (client, clientLog) = try makeClient(WebSocketClientConfiguration(caFilePath: tls.certificatePath))
        try client.connect(to: "wss://127.0.0.1:\(server.port)/secure?x=1")
        let id = try acceptedConnection(serverLog).id
        try client.send(text: "secret")
        #expect(serverLog.first { $0 == .message(id, .text, Array("secret".utf8)) } != nil)
        try server.send(pattern(200_000), to: id)
        #expect(clientLog.first { $0 == .message(.binary, pattern(200_000)) } != nil)
    }

    @Test func tlsConnectFailsWithTypedErrorWhenCertificateIsUnverified() throws {
        let tls = try WebSocketTLSFixture.make()
        defer { tls.remove() }
        let (server, _) = try makeServer(WebSocketServerConfiguration(
            certificatePath: tls.certificatePath, privateKeyPath: tls.privateKeyPath))
        let (client, log) = try makeClient()  // verification on, system CAs only
        do {
            try client.connect(to: "wss://127.0.0.1:\(server.port)/")
            Issue.record("connect to an untrusted certificate succeeded")
        } catch {
            guard case .tlsFailed(let reason) = error else {
                Issue.record("expected tlsFailed, got \(error)")
                return
            }
            #expect(reason.contains("self-signed") || reason.contains("self signed"), "\(reason)")
        }
        #expect(log.first { if case .error(.tlsFailed) = $0 { true } else { false } } != nil)
        #expect(server.connections.isEmpty)
    }

    @Test func tlsClientSeesDropWhileSendingToVanishedServer() throws {
        let tls = try WebSocketTLSFixture.make()
        defer { tls.remove() }
        let (server, _) = try makeServer(WebSocketServerConfiguration(
            certificatePath: tls.certificatePath, privateKeyPath: tls.privateKeyPath))
        let (client, clientLog) = try makeClient(WebSocketClientConfiguration(verifiesCertificate: false))
        try client.connect(to: "wss://127.0.0.1:\(server.port)/")
        server.shutdown()
        // Keep writing into the dead TLS connection: must surface as a close, not SIGPIPE.
        let chunk = pattern(64 * 1024)
        let deadline = ContinuousClock.now + .seconds(10)
        while client.isConnected, ContinuousClock.now < deadline {
            try? client.send(chunk, opcode: .binary)
        }
        #expect(clientLog.first(where: \.isEnd) != nil)
    }

    @Test func tlsWithVerificationDisabledAcceptsSelfSignedPeer() throws {
        let tls = try WebSocketTLSFixture.make()
        defer { tls.remove() }
        let (server, serverLog) = try makeServer(WebSocketServerConfiguration(
            certificatePath: tls.certificatePath, privateKeyPath: tls.privateKeyPath))
        let (client, _) = try makeClient(WebSocketClientConfiguration(verifiesCertificate: false))
        try client.connect(to: "wss://127.0.0.1:\(server.port)/")
        let id = try acceptedConnection(serverLog).id
        try client.send(text: "insecure but fine for tests")
        #expect(serverLog.first { $0 == .message(id, .text, Array("insecure but fine for tests".utf8)) } != nil)
    }
}
