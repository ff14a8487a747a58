import CWebSockets
import Synchronization

/// The state behind a ``WebSocketClient``: one lws context, its service thread, and at most one
/// connection at a time. Kept separate from the public object so that the public object's
/// `deinit` can stop the thread while callbacks still reach a live core.
final class WebSocketClientCore: @unchecked Sendable {
    // @unchecked Sendable: `shared` is guarded by its Mutex; the `let`s are immutable; every
    // other stored property is confined to the service thread (touched only inside lws
    // callbacks, which lws runs one at a time on that thread).
    // `context` and `serviceThread` are written only in `start`, before the object is shared.

    let configuration: WebSocketClientConfiguration
    private let handler: @Sendable (WebSocketClientEvent) -> Void
    private let protocols: UnsafeMutablePointer<lws_protocols>
    private var context: OpaquePointer?
    private var serviceThread: WebSocketServiceThread?

    private enum Phase { case idle, connecting, open, closing }

    private struct Shared {
        var phase = Phase.idle
        var pendingAttempt: WebSocketConnectAttempt?
        var outbox: [WebSocketOutgoingFrame?] = []
        var lastPeerClose: (code: WebSocketCloseCode, reason: String)?
        var lastAttempt: (url: String, headers: [String: String])?
        var isShutDown = false
    }

    private let shared = Mutex(Shared())

    // Service-thread confined.
    private var wsi: OpaquePointer?
    private var attempt: WebSocketConnectAttempt?
    private var writing: [WebSocketOutgoingFrame?] = []
    private var writeIndex = 0
    private var receiveBuffer: WebSocketMessageBuffer
    private var peerClose: (code: WebSocketCloseCode, reason: String)?
    private var localCloseCode: WebSocketCloseCode?
    private var verifyFailure: String?
    private var holdsTLSGate = false

    init(configuration: WebSocketClientConfiguration, handler: @escaping @Sendable (WebSocketClientEvent) -> Void) {
        self.configuration = configuration
        self.handler = handler
        receiveBuffer = WebSocketMessageBuffer(
            initialCapacity: configuration.initialBufferCapacity,
            limit: configuration.maxMessageSize
        )
        // Safety: lws keeps a pointer to the protocol table for the context's whole life, so it
        // is heap-allocated here and freed only in deinit, after the context is destroyed. The
        // second, zeroed entry is the table terminator lws requires.
        protocols = .allocate(capacity: 2)
        protocols.initialize(repeating: lws_protocols(), count: 2)
        protocols[0].name = WebSocketLibrary.protocolName
        protocols[0].callback = webSocketClientCallback
        protocols[0].rx_buffer_size = WebSocketLibrary.receiveChunkSize
    }

    deinit {
        // The service thread (which retains us) has exited, so the context is already destroyed.
        releaseTLSGate()
        protocols.deinitialize(count: 2)
        protocols.deallocate()
    }

    /// Creates the lws context and starts the service thread.
    func start() -> Result<Void, WebSocketError> {
        WebSocketLibrary.configureLogging()
        let timeout = UInt32(clamping: max(1, configuration.connectTimeout.components.seconds))
        // Safety: the context user pointer is this core, unretained; the service thread retains
        // the core until `lws_context_destroy` returns, and lws only calls back on this thread
        // (during creation) or on the service thread.
        let user = Unmanaged.passUnretained(self).toOpaque()
        let created = WebSocketTLSGate.creatingContext {
            CWebSockets_create_context(protocols, user, -1, nil, configuration.caFilePath, nil, nil, timeout)
        }
        guard let context = created else {
            return .failure(.contextCreationFailed("lws_create_context failed (CA file \(configuration.caFilePath ?? "none"))"))
        }
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

    /// Stops the service thread (which closes any connection and destroys the context).
    func shutdown() {
        shared.withLock { $0.isShutDown = true }
        serviceThread?.stop()
    }

    // MARK: Caller-side (any thread)

    var isConnected: Bool { shared.withLock { $0.phase == .open } }

    func connect(url string: String, headers: [String: String]) -> Result<Void, WebSocketError> {
        guard let serviceThread else { return .failure(.shutDown) }
        guard !serviceThread.isCurrent else { return .failure(.calledOnServiceThread) }
        let url: WebSocketURL
        switch WebSocketURL.parse(string) {
        case .success(let parsed): url = parsed
        case .failure(let error): return .failure(error)
        }
        let attempt = WebSocketConnectAttempt(
            url: url,
            headers: headers.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
        )
        let admitted = shared.withLock { shared -> Result<Void, WebSocketError> in
            if shared.isShutDown { return .failure(.shutDown) }
            guard shared.phase == .idle else { return .failure(.alreadyConnected) }
            shared.phase = .connecting
            shared.pendingAttempt = attempt
            shared.outbox.removeAll()
            shared.lastPeerClose = nil
            shared.lastAttempt = (string, headers)
            return .success(())
        }
        guard case .success = admitted else { return admitted }
        serviceThread.wake()
        return attempt.wait(timeout: configuration.connectTimeout)
    }

    func reconnect() -> Result<Void, WebSocketError> {
        guard let last = shared.withLock({ $0.lastAttempt }) else { return .failure(.notConnected) }
        return connect(url: last.url, headers: last.headers)
    }

    /// Queues frames for the service thread; wakes it only if the queue was empty (otherwise a
    /// wake-up or writeable callback is already pending and will drain everything).
    func enqueue(_ frames: [WebSocketOutgoingFrame], closing: Bool = false) -> Result<Void, WebSocketError> {
        guard let serviceThread else { return .failure(.shutDown) }
        let outcome = shared.withLock { shared -> Result<Bool, WebSocketError> in
            guard shared.phase == .open else {
                if shared.isShutDown { return .failure(.shutDown) }
                if let close = shared.lastPeerClose { return .failure(.closedByPeer(code: close.code, reason: close.reason)) }
                return .failure(.notConnected)
            }
            let wasEmpty = shared.outbox.isEmpty
            for frame in frames { shared.outbox.append(frame) }
            if closing { shared.phase = .closing }
            return .success(wasEmpty)
        }
        switch outcome {
        case .success(let wasEmpty):
            if wasEmpty { serviceThread.wake() }
            return .success(())
        case .failure(let error):
            return .failure(error)
        }
    }

    // MARK: Service thread

    /// Dispatches one lws callback (service thread, or the creating thread during creation).
    func handle(
        wsi: OpaquePointer,
        reason: lws_callback_reasons,
        user: UnsafeMutableRawPointer?,
        input: UnsafeMutableRawPointer?,
        length: Int
    ) -> Int32 {
        switch reason {
        case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
            serviceWakeUp()
            return 0
        case LWS_CALLBACK_CLIENT_APPEND_HANDSHAKE_HEADER:
            guard let attempt, let input else { return 0 }
            for header in attempt.headers
            where CWebSockets_append_handshake_header(wsi, input, length, header.name, header.value) != 0 {
                return -1
            }
            return 0
        case LWS_CALLBACK_CLIENT_ESTABLISHED:
            return established(wsi)
        case LWS_CALLBACK_OPENSSL_PERFORM_SERVER_CERT_VERIFICATION:
            // `len` is OpenSSL's preverify_ok; remember the first failure for a readable error.
            // Returning 0 keeps OpenSSL's verdict (we never override verification).
            if length == 0, verifyFailure == nil {
                // Safety: lws passes the X509_STORE_CTX as `user`; the shim only reads its error
                // code, and the returned string is a static OpenSSL constant.
                verifyFailure = String(cString: CWebSockets_x509_verify_error(user))
            }
            return 0
        case LWS_CALLBACK_CLIENT_CONNECTION_ERROR:
            // Safety: lws passes a NUL-terminated description (or NULL) valid for this call.
            let message = input.map { String(cString: $0.assumingMemoryBound(to: CChar.self)) } ?? "connection error"
            if let verifyFailure {
                failed(.tlsFailed(reason: "certificate verification failed: \(verifyFailure) (\(message))"))
            } else {
                failed(WebSocketLibrary.classifyConnectError(message))
            }
            return 0
        case LWS_CALLBACK_CLIENT_RECEIVE:
            return receive(wsi, input, length)
        case LWS_CALLBACK_CLIENT_RECEIVE_PONG:
            // Safety: `input` holds `length` pong payload bytes, valid during this callback only.
            handler(.pong(UnsafeRawBufferPointer(start: input, count: length)))
            return 0
        case LWS_CALLBACK_CLIENT_WRITEABLE:
            return writeNext(wsi)
        case LWS_CALLBACK_WS_PEER_INITIATED_CLOSE:
            // Safety: `input` holds the `length`-byte close payload, valid during this callback.
            peerClose = WebSocketLibrary.parseClosePayload(UnsafeRawBufferPointer(start: input, count: length))
            return 0
        case LWS_CALLBACK_CLIENT_CLOSED:
            closed()
            return 0
        case LWS_CALLBACK_WSI_DESTROY:
            // Backstop: make sure the connection's end is reported even if lws skipped the above.
            if attempt != nil {
                failed(.connectFailed(reason: "connection destroyed before the handshake completed"))
            } else if self.wsi == wsi {
                closed()
            }
            return 0
        default:
            return lws_callback_http_dummy(wsi, reason, user, input, length)
        }
    }

    private func serviceWakeUp() {
        let (newAttempt, hasOutgoing) = shared.withLock { shared in
            (shared.pendingAttempt.take(), !shared.outbox.isEmpty)
        }
        if let newAttempt { begin(newAttempt) }
        if hasOutgoing, let wsi { lws_callback_on_writable(wsi) }
    }

    private func begin(_ newAttempt: WebSocketConnectAttempt) {
        guard let context else { return }
        attempt = newAttempt
        peerClose = nil
        localCloseCode = nil
        verifyFailure = nil
        receiveBuffer.reset()
        let url = newAttempt.url
        if url.isTLS {
            WebSocketTLSGate.beginHandshake()
            holdsTLSGate = true
        }
        let connection = CWebSockets_client_connect(
            context, url.host, Int32(url.port), url.isTLS ? 1 : 0,
            configuration.verifiesCertificate ? 0 : 1, url.pathAndQuery, url.hostHeader
        )
        // lws may already have reported CONNECTION_ERROR from inside the call.
        if connection == nil, attempt === newAttempt {
            failed(.connectFailed(reason: "lws_client_connect_via_info failed for \(url.host):\(url.port)"))
        }
    }

    private func established(_ wsi: OpaquePointer) -> Int32 {
        releaseTLSGate()
        let pending = attempt
        attempt = nil
        self.wsi = wsi
        // Open before waking the caller, so it can send as soon as `connect` returns.
        let hasOutgoing = shared.withLock { shared in
            shared.phase = .open
            return !shared.outbox.isEmpty
        }
        guard pending?.finish(.success(())) ?? false else {
            // The caller timed out; nobody owns this connection, so close it.
            shared.withLock { $0.phase = .closing }
            localCloseCode = .goingAway
            lws_close_reason(wsi, LWS_CLOSE_STATUS_GOINGAWAY, nil, 0)
            return -1
        }
        handler(.connected)
        if hasOutgoing { lws_callback_on_writable(wsi) }
        return 0
    }

    private func receive(_ wsi: OpaquePointer, _ input: UnsafeMutableRawPointer?, _ length: Int) -> Int32 {
        let handler = handler
        // Safety: `input` holds `length` received bytes owned by lws, valid during this callback;
        // the view is passed on to the handler for the same duration only.
        let chunk = UnsafeRawBufferPointer(start: input, count: length)
        let accepted = receiveBuffer.receive(
            chunk,
            isFinal: lws_is_final_fragment(wsi) != 0,
            opcode: lws_frame_is_binary(wsi) != 0 ? .binary : .text
        ) { opcode, message in
            handler(.message(opcode, message))
        }
        guard accepted else {
            handler(.connectionError(.messageTooLarge(limit: receiveBuffer.limit)))
            localCloseCode = .messageTooBig
            lws_close_reason(wsi, LWS_CLOSE_STATUS_MESSAGE_TOO_LARGE, nil, 0)
            return -1
        }
        return 0
    }

    private func writeNext(_ wsi: OpaquePointer) -> Int32 {
        if writeIndex == writing.count {
            writing.removeAll(keepingCapacity: true)
            writeIndex = 0
            shared.withLock { swap(&writing, &$0.outbox) }
            if writing.isEmpty { return 0 }
        }
        guard let frame = writing[writeIndex].take() else { return 0 }
        writeIndex += 1
        if case .close(let code, _) = frame { localCloseCode = code }
        // lws allows one write per writeable callback; ask again if more is queued.
        if frame.write(to: wsi) != 0 { return -1 }
        if writeIndex < writing.count || shared.withLock({ !$0.outbox.isEmpty }) {
            lws_callback_on_writable(wsi)
        }
        return 0
    }

    /// The attempt failed, or an open connection errored before closing.
    private func failed(_ error: WebSocketError) {
        releaseTLSGate()
        let pending = attempt
        attempt = nil
        wsi = nil
        resetQueues()
        _ = pending?.finish(.failure(error))
        handler(.connectionError(error))
    }

    private func closed() {
        releaseTLSGate()
        let code = peerClose?.code ?? localCloseCode ?? .abnormalClosure
        let reason = peerClose?.reason ?? ""
        let closedByPeer = peerClose
        wsi = nil
        if let pending = attempt {
            attempt = nil
            _ = pending.finish(.failure(.connectFailed(reason: "closed during the handshake")))
        }
        resetQueues(lastPeerClose: closedByPeer)
        handler(.closed(code, reason: reason))
    }

    private func releaseTLSGate() {
        guard holdsTLSGate else { return }
        holdsTLSGate = false
        WebSocketTLSGate.endHandshake()
    }

    private func resetQueues(lastPeerClose: (code: WebSocketCloseCode, reason: String)? = nil) {
        writing.removeAll()
        writeIndex = 0
        receiveBuffer.reset()
        shared.withLock { shared in
            shared.phase = .idle
            shared.outbox.removeAll()
            shared.lastPeerClose = lastPeerClose
        }
    }
}

/// lws protocol callback for client contexts: finds the core through the context user pointer.
private func webSocketClientCallback(
    wsi: OpaquePointer?,
    reason: lws_callback_reasons,
    user: UnsafeMutableRawPointer?,
    input: UnsafeMutableRawPointer?,
    length: Int
) -> Int32 {
    guard let wsi, let context = lws_get_context(wsi), let owner = lws_context_user(context) else { return 0 }
    // Safety: the context user pointer is the core (see `start`), alive until the context is destroyed.
    let core = Unmanaged<WebSocketClientCore>.fromOpaque(owner).takeUnretainedValue()
    return core.handle(wsi: wsi, reason: reason, user: user, input: input, length: length)
}
