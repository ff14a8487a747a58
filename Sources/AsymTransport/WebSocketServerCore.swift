import CWebSockets
import Synchronization

/// The state behind a ``WebSocketServer``: one listening lws context, its service thread, and
/// the accepted connections. Separate from the public object for the same reason as the client.
final class WebSocketServerCore: @unchecked Sendable {
    // @unchecked Sendable: `shared` is guarded by its Mutex; the `let`s are immutable; all other
    // stored properties are confined to the service thread (lws callbacks).
    // `context` and `serviceThread` are written only in `start`, before the object is shared.

    let configuration: WebSocketServerConfiguration
    private let handler: @Sendable (WebSocketServerEvent) -> Void
    private let httpHandler: (@Sendable (WebSocketHTTPRequest) -> WebSocketHTTPResponse)?
    private let protocols: UnsafeMutablePointer<lws_protocols>
    private var context: OpaquePointer?
    private var serviceThread: WebSocketServiceThread?
    private(set) var port: UInt16 = 0

    private struct Shared {
        var outboxes: [UInt64: [WebSocketOutgoingFrame?]] = [:]
        var connections: [UInt64: WebSocketServerConnection] = [:]
        var dirty: [UInt64] = []
        var isShutDown = false
    }

    private let shared = Mutex(Shared())

    // Service-thread confined.
    private var states: [UInt64: WebSocketServerConnectionState] = [:]
    private var httpResponses: [UInt64: WebSocketHTTPResponse] = [:]
    /// POSTs whose body is still arriving.
    private var httpBodies: [UInt64: PendingHTTPRequest] = [:]
    private var nextID: UInt64 = 1

    init(
        configuration: WebSocketServerConfiguration,
        httpHandler: (@Sendable (WebSocketHTTPRequest) -> WebSocketHTTPResponse)?,
        handler: @escaping @Sendable (WebSocketServerEvent) -> Void
    ) {
        self.configuration = configuration
        self.httpHandler = httpHandler
        self.handler = handler
        // Safety: lws keeps a pointer to the protocol table for the context's whole life, so it
        // is heap-allocated here and freed only in deinit, after the context is destroyed. The
        // second, zeroed entry is the table terminator lws requires.
        protocols = .allocate(capacity: 2)
        protocols.initialize(repeating: lws_protocols(), count: 2)
        // One protocol serves both plain HTTP and WebSocket upgrades without a subprotocol.
        protocols[0].name = WebSocketLibrary.protocolName
        protocols[0].callback = webSocketServerCallback
        protocols[0].per_session_data_size = MemoryLayout<UInt64>.size
        protocols[0].rx_buffer_size = WebSocketLibrary.receiveChunkSize
    }

    deinit {
        protocols.deinitialize(count: 2)
        protocols.deallocate()
    }

    /// Creates the listening context, reads back the bound port, starts the service thread.
    func start() -> Result<Void, WebSocketError> {
        WebSocketLibrary.configureLogging()
        // Safety: as for the client core, the context user pointer is this core, kept alive by
        // the service thread until `lws_context_destroy` returns.
        let user = Unmanaged.passUnretained(self).toOpaque()
        let created = WebSocketTLSGate.creatingContext {
            CWebSockets_create_context(
                protocols, user, Int32(configuration.port), configuration.host, nil,
                configuration.certificatePath, configuration.privateKeyPath, 10
            )
        }
        guard let context = created else {
            return .failure(.contextCreationFailed(
                "lws_create_context failed listening on \(configuration.host):\(configuration.port)"))
        }
        let boundPort = lws_get_vhost_listen_port(lws_get_vhost_by_name(context, "default"))
        guard boundPort > 0 else {
            lws_context_destroy(context)
            return .failure(.contextCreationFailed("no listening port on \(configuration.host)"))
        }
        port = UInt16(truncatingIfNeeded: boundPort)
        self.context = context
        let thread = WebSocketServiceThread(context: context)
        if case .failure(let error) = thread.start(name: configuration.threadName, owner: self) {
            lws_context_destroy(context)
            self.context = nil
            return .failure(error)
        }
        serviceThread = thread
        return .success(())
    }

    func shutdown() {
        shared.withLock { $0.isShutDown = true }
        serviceThread?.stop()
    }

    // MARK: Caller-side (any thread)

    var connections: [WebSocketServerConnection] {
        shared.withLock { Array($0.connections.values) }.sorted { $0.id.rawValue < $1.id.rawValue }
    }

    func connection(_ id: WebSocketConnectionID) -> WebSocketServerConnection? {
        shared.withLock { $0.connections[id.rawValue] }
    }

    /// Queues frames for each listed connection (all open ones if `ids` is nil).
    func enqueue(_ frames: [WebSocketOutgoingFrame], to ids: [WebSocketConnectionID]?) -> Result<Void, WebSocketError> {
        guard let serviceThread else { return .failure(.shutDown) }
        let outcome = shared.withLock { shared -> Result<Bool, WebSocketError> in
            if shared.isShutDown { return .failure(.shutDown) }
            let targets = ids?.map(\.rawValue) ?? Array(shared.outboxes.keys)
            if let missing = targets.first(where: { shared.outboxes[$0] == nil }) {
                return .failure(.unknownConnection(WebSocketConnectionID(rawValue: missing)))
            }
            let wasIdle = shared.dirty.isEmpty
            for target in targets {
                if shared.outboxes[target]!.isEmpty { shared.dirty.append(target) }
                for frame in frames { shared.outboxes[target]!.append(frame) }
            }
            return .success(wasIdle && !shared.dirty.isEmpty)
        }
        switch outcome {
        case .success(let wake):
            if wake { serviceThread.wake() }
            return .success(())
        case .failure(let error):
            return .failure(error)
        }
    }

    // MARK: Service thread

    func handle(
        wsi: OpaquePointer,
        reason: lws_callback_reasons,
        user: UnsafeMutableRawPointer?,
        input: UnsafeMutableRawPointer?,
        length: Int
    ) -> Int32 {
        switch reason {
        case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
            let dirty = shared.withLock { shared in
                defer { shared.dirty.removeAll(keepingCapacity: true) }
                return shared.dirty
            }
            for id in dirty { if let state = states[id] { lws_callback_on_writable(state.wsi) } }
            return 0
        case LWS_CALLBACK_ESTABLISHED:
            return established(wsi, user)
        case LWS_CALLBACK_RECEIVE:
            guard let state = state(for: user) else { return -1 }
            return receive(state, input, length)
        case LWS_CALLBACK_RECEIVE_PONG:
            guard let state = state(for: user) else { return 0 }
            // Safety: `input` holds `length` pong payload bytes, valid during this callback only.
            handler(.pong(WebSocketConnectionID(rawValue: state.id), UnsafeRawBufferPointer(start: input, count: length)))
            return 0
        case LWS_CALLBACK_SERVER_WRITEABLE:
            guard let state = state(for: user) else { return 0 }
            return writeNext(state)
        case LWS_CALLBACK_WS_PEER_INITIATED_CLOSE:
            // Safety: `input` holds the `length`-byte close payload, valid during this callback.
            let payload = UnsafeRawBufferPointer(start: input, count: length)
            state(for: user)?.peerCloseCode = WebSocketLibrary.parseClosePayload(payload).code
            return 0
        case LWS_CALLBACK_CLOSED:
            if let state = state(for: user) { closed(state) }
            return 0
        case LWS_CALLBACK_HTTP:
            return httpRequest(wsi, user, input)
        case LWS_CALLBACK_HTTP_BODY:
            return httpBody(wsi, user, input, length)
        case LWS_CALLBACK_HTTP_BODY_COMPLETION:
            guard let id = sessionID(user), let pending = httpBodies.removeValue(forKey: id) else { return -1 }
            guard !pending.isRefused else {
                return respond(wsi, id: id, to: nil, otherwise: WebSocketHTTPResponse(status: 413, text: "body too large"))
            }
            return respond(wsi, id: id, to: pending.request(body: pending.body))
        case LWS_CALLBACK_HTTP_WRITEABLE:
            return httpWriteable(wsi, user)
        case LWS_CALLBACK_CLOSED_HTTP:
            if let id = sessionID(user) {
                httpResponses[id] = nil
                httpBodies[id] = nil
            }
            return 0
        default:
            return lws_callback_http_dummy(wsi, reason, user, input, length)
        }
    }

    /// Reads our connection id from lws's per-session storage (0 = not assigned).
    private func sessionID(_ user: UnsafeMutableRawPointer?) -> UInt64? {
        // Safety: lws allocates `per_session_data_size` (8) zeroed, suitably aligned bytes per
        // connection and passes them as `user` for that connection's callbacks.
        guard let id = user?.load(as: UInt64.self), id != 0 else { return nil }
        return id
    }

    private func assignSessionID(_ user: UnsafeMutableRawPointer?) -> UInt64? {
        guard let user else { return nil }
        let id = nextID
        nextID += 1
        // Safety: see `sessionID`; the storage is ours for the connection's lifetime.
        user.storeBytes(of: id, as: UInt64.self)
        return id
    }

    private func state(for user: UnsafeMutableRawPointer?) -> WebSocketServerConnectionState? {
        sessionID(user).flatMap { states[$0] }
    }

    private func established(_ wsi: OpaquePointer, _ user: UnsafeMutableRawPointer?) -> Int32 {
        guard let id = assignSessionID(user) else { return -1 }
        let info = WebSocketServerConnection(
            id: WebSocketConnectionID(rawValue: id),
            path: WebSocketLibrary.header(wsi, WSI_TOKEN_GET_URI) ?? "/",
            query: WebSocketLibrary.query(wsi),
            headers: WebSocketLibrary.requestHeaders(wsi, captured: configuration.capturedHeaderNames)
        )
        states[id] = WebSocketServerConnectionState(id: id, wsi: wsi, maxMessageSize: configuration.maxMessageSize)
        shared.withLock { shared in
            shared.outboxes[id] = []
            shared.connections[id] = info
        }
        handler(.connected(info))
        return 0
    }

    private func receive(_ state: WebSocketServerConnectionState, _ input: UnsafeMutableRawPointer?, _ length: Int) -> Int32 {
        let handler = handler
        let id = WebSocketConnectionID(rawValue: state.id)
        // Safety: `input` holds `length` bytes owned by lws, valid during this callback; the view
        // is lent to the handler for the same duration only.
        let chunk = UnsafeRawBufferPointer(start: input, count: length)
        let accepted = state.receiveBuffer.receive(
            chunk,
            isFinal: lws_is_final_fragment(state.wsi) != 0,
            opcode: lws_frame_is_binary(state.wsi) != 0 ? .binary : .text
        ) { opcode, message in
            handler(.message(id, opcode, message))
        }
        guard accepted else {
            state.localCloseCode = .messageTooBig
            lws_close_reason(state.wsi, LWS_CLOSE_STATUS_MESSAGE_TOO_LARGE, nil, 0)
            return -1
        }
        return 0
    }

    private func writeNext(_ state: WebSocketServerConnectionState) -> Int32 {
        if state.writeIndex == state.writing.count {
            state.writing.removeAll(keepingCapacity: true)
            state.writeIndex = 0
            shared.withLock { shared in
                if var outbox = shared.outboxes[state.id] {
                    swap(&outbox, &state.writing)
                    shared.outboxes[state.id] = outbox
                }
            }
            if state.writing.isEmpty { return 0 }
        }
        guard let frame = state.writing[state.writeIndex].take() else { return 0 }
        state.writeIndex += 1
        if case .close(let code, _) = frame { state.localCloseCode = code }
        if frame.write(to: state.wsi) != 0 { return -1 }
        if state.writeIndex < state.writing.count || shared.withLock({ !($0.outboxes[state.id]?.isEmpty ?? true) }) {
            lws_callback_on_writable(state.wsi)
        }
        return 0
    }

    private func closed(_ state: WebSocketServerConnectionState) {
        states[state.id] = nil
        shared.withLock { shared in
            shared.outboxes[state.id] = nil
            shared.connections[state.id] = nil
        }
        let code = state.peerCloseCode ?? state.localCloseCode ?? .abnormalClosure
        handler(.closed(WebSocketConnectionID(rawValue: state.id), code))
    }

    private func httpRequest(_ wsi: OpaquePointer, _ user: UnsafeMutableRawPointer?, _ input: UnsafeMutableRawPointer?) -> Int32 {
        guard let id = sessionID(user) ?? assignSessionID(user) else { return -1 }
        // Safety: for LWS_CALLBACK_HTTP, `in` is the NUL-terminated request path.
        let path = input.map { String(cString: $0.assumingMemoryBound(to: CChar.self)) } ?? "/"
        let isPost = lws_hdr_total_length(wsi, WSI_TOKEN_POST_URI) > 0
        let pending = PendingHTTPRequest(
            method: isPost ? .post : .get, path: path, query: WebSocketLibrary.query(wsi),
            headers: WebSocketLibrary.requestHeaders(wsi, captured: configuration.capturedHeaderNames))
        guard isPost else { return respond(wsi, id: id, to: pending.request(body: [])) }
        // lws calls HTTP_BODY_COMPLETION whenever a Content-Length was sent (0 included), so only a POST
        // without one is answered now.
        guard let declared = pending.headers["content-length"] else { return respond(wsi, id: id, to: pending.request(body: [])) }
        var accepted = pending
        // An oversized body is still read (and dropped) to its end, and refused then: answering before lws has
        // consumed it raced the connection's close against the answer.
        accepted.isRefused = Int(declared).map { $0 < 0 || $0 > configuration.maxMessageSize } ?? true
        httpBodies[id] = accepted
        return 0
    }

    private func httpBody(_ wsi: OpaquePointer, _ user: UnsafeMutableRawPointer?, _ input: UnsafeMutableRawPointer?, _ length: Int) -> Int32 {
        guard let id = sessionID(user), httpBodies[id] != nil else { return -1 }
        guard !httpBodies[id]!.isRefused, httpBodies[id]!.body.count + length <= configuration.maxMessageSize else {
            httpBodies[id]!.isRefused = true
            httpBodies[id]!.body = []
            return 0
        }
        // Safety: `input` holds `length` body bytes owned by lws, valid during this callback; they are copied.
        httpBodies[id]!.body.append(contentsOf: UnsafeRawBufferPointer(start: input, count: length))
        return 0
    }

    /// Answers `request` through the handler (or with `otherwise` when there is no request to hand it).
    private func respond(_ wsi: OpaquePointer, id: UInt64, to request: WebSocketHTTPRequest?,
                         otherwise fallback: WebSocketHTTPResponse = .notFound) -> Int32 {
        let response = request.flatMap { request in httpHandler?(request) } ?? fallback
        httpResponses[id] = response
        if CWebSockets_write_http_headers(wsi, UInt32(clamping: response.status), response.contentType, response.body.count) != 0 {
            return -1
        }
        lws_callback_on_writable(wsi)
        return 0
    }

    private func httpWriteable(_ wsi: OpaquePointer, _ user: UnsafeMutableRawPointer?) -> Int32 {
        guard let id = sessionID(user), let response = httpResponses.removeValue(forKey: id) else { return 0 }
        if !response.body.isEmpty {
            // Safety: the view is only read (copied behind LWS_PRE headroom) inside the closure.
            let frame = response.body.withUnsafeBytes { body in
                WebSocketOutgoingFrame.data(body, writeProtocol: LWS_WRITE_HTTP_FINAL.rawValue)
            }
            if frame.write(to: wsi) != 0 { return -1 }
        }
        // Nonzero means the connection should close (e.g. `Connection: close`).
        return lws_http_transaction_completed(wsi) != 0 ? -1 : 0
    }
}

/// lws protocol callback for server contexts: finds the core through the context user pointer.
private func webSocketServerCallback(
    wsi: OpaquePointer?,
    reason: lws_callback_reasons,
    user: UnsafeMutableRawPointer?,
    input: UnsafeMutableRawPointer?,
    length: Int
) -> Int32 {
    guard let wsi, let context = lws_get_context(wsi), let owner = lws_context_user(context) else { return 0 }
    // Safety: the context user pointer is the core (see `start`), alive until the context is destroyed.
    let core = Unmanaged<WebSocketServerCore>.fromOpaque(owner).takeUnretainedValue()
    return core.handle(wsi: wsi, reason: reason, user: user, input: input, length: length)
}

/// A request seen by `LWS_CALLBACK_HTTP` whose POST body is still to come.
private struct PendingHTTPRequest {
    let method: HTTPMethod
    let path: String
    let query: String
    let headers: [String: String]
    var body: [UInt8] = []
    /// Over `maxMessageSize`: read to its end and dropped, then answered 413.
    var isRefused = false

    func request(body: [UInt8]) -> WebSocketHTTPRequest {
        WebSocketHTTPRequest(method: method, path: path, query: query, headers: headers, body: body)
    }
}
