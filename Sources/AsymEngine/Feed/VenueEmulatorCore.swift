import AsymCore
import AsymTransport
import Synchronization

/// The shared state behind a ``VenueEmulator``: clients, books, counters, and the replay and heartbeat loops.
final class VenueEmulatorCore: Sendable {
    private struct State {
        var server: WebSocketServer?
        var books = EmulatorBooks()
        var clients: [WebSocketConnectionID: EmulatedClient] = [:]
        var summary = VenueEmulatorSummary()
        var connectionNumber = 0
    }

    let configuration: VenueEmulatorConfiguration
    let dialect: any EmulatorDialect
    let log: (@Sendable (String) -> Void)?
    let stopping = Atomic<Bool>(false)
    let finished = Atomic<Bool>(false)
    private let state = Mutex(State())

    init(configuration: VenueEmulatorConfiguration, dialect: any EmulatorDialect, log: (@Sendable (String) -> Void)?) {
        self.configuration = configuration
        self.dialect = dialect
        self.log = log
    }

    /// Gives the core the server it sends through (created after the core, as it calls back into it).
    func attach(_ server: WebSocketServer) { state.withLock { $0.server = server } }

    /// Drops the server reference, breaking the server ⇄ core cycle.
    func detach() { state.withLock { $0.server = nil } }

    var summary: VenueEmulatorSummary {
        var copy = state.withLock { $0.summary }
        copy.isFinished = finished.load(ordering: .acquiring)
        return copy
    }

    // MARK: Service thread

    func handle(_ event: WebSocketServerEvent) {
        switch event {
        case .connected(let connection):
            state.withLock { state in
                state.connectionNumber += 1
                let tag = "emu\(String(state.connectionNumber, radix: 16))-\(configuration.venue)"
                if let client = dialect.accept(connection, connectionTag: tag) {
                    state.clients[connection.id] = client
                    state.summary.connectionsAccepted += 1
                } else {
                    state.summary.connectionsRefused += 1
                    try? state.server?.close(connection.id, code: .policyViolation, reason: "unknown path")
                }
            }
        case .message(let id, _, let bytes):
            // Safety: `bytes` is valid only during this callback; it is copied into a String here.
            let text = String(decoding: bytes, as: UTF8.self)
            state.withLock { state in
                guard var client = state.clients[id] else { return }
                let answer = dialect.respond(to: text, client: &client, books: state.books)
                state.clients[id] = client
                for reply in answer.replies { try? state.server?.send(text: reply, to: id) }
                state.summary.messagesSent += answer.replies.count
                state.summary.snapshotsSent += answer.snapshots
            }
        case .pong:
            state.withLock { $0.summary.pongsReceived += 1 }
        case .closed(let id, _):
            _ = state.withLock { $0.clients.removeValue(forKey: id) }
        }
    }

    func http(_ request: WebSocketHTTPRequest) -> WebSocketHTTPResponse {
        let now = WallClock.nanoseconds() &+ FeedClock.nanoseconds(configuration.clockOffset)
        if let answer = EmulatorServerTime.response(configuration.venue, path: request.path, now: now) {
            state.withLock { $0.summary.serverTimesServed += 1 }
            return answer
        }
        return state.withLock { state in
            let response = dialect.http(request, books: state.books)
            if response.status == 200 { state.summary.restSnapshotsServed += 1 }
            return response
        }
    }

    // MARK: Replay thread

    func replay(_ reader: RecordingReader) {
        let faults = configuration.faults
        var frameIndex = 0
        var bookIndex = 0
        var pacingBase: (recorded: Int64, monotonic: Int64)?
        log?("replaying \(configuration.recordingPath)")
        while !stopping.load(ordering: .acquiring) {
            let line: RecordingLine
            do throws(RecordingError) {
                guard let next = try reader.next() else { break }
                line = next
            } catch {
                log?("recording read failed: \(error)")
                break
            }
            // Safety: `line.frame` is valid until the next `reader.next()`; it is copied into a String here.
            let text = String(decoding: line.frame, as: UTF8.self)
            let frame = dialect.classify(receiveTime: line.receiveTimeNanoseconds, text: text)
            state.withLock { $0.summary.linesRead += 1 }
            switch frame.kind {
            case .ignored: continue
            case .restSnapshot:
                state.withLock { dialect.apply(frame, to: &$0.books) }
                continue
            case .data: break
            }
            if configuration.waitsForSubscribers, !waitForSubscriber() {
                pacingBase = nil
            }
            if stopping.load(ordering: .acquiring) { break }
            if case .speed(let speed) = configuration.pacing {
                if let base = pacingBase {
                    let offset = Int64(Double(frame.receiveTime - base.recorded) / speed)
                    FeedClock.sleep(until: base.monotonic + offset, unlessSet: stopping)
                } else {
                    pacingBase = (frame.receiveTime, MonotonicClock.nanoseconds())
                }
            }
            frameIndex += 1
            if frame.isBook { bookIndex += 1 }
            let events = deliver(frame, frameIndex: frameIndex, bookIndex: frame.isBook ? bookIndex : nil, faults: faults)
            for event in events { log?(event.description) }
            if frameIndex == faults.disconnectAfterFrames {
                let event = disconnectAll(frameIndex: frameIndex)
                log?(event.description)
            }
            if frameIndex == faults.stallAfterFrames {
                let event = FeedFaultEvent(kind: .stalled, frameIndex: frameIndex, bookFrameIndex: nil,
                                           clients: state.withLock { $0.clients.count })
                state.withLock { $0.summary.faults.append(event) }
                log?("\(event.description) for \(faults.stallDuration)")
                FeedClock.sleep(until: MonotonicClock.nanoseconds() + FeedClock.nanoseconds(faults.stallDuration), unlessSet: stopping)
                pacingBase = nil
            }
        }
        reader.close()
        if !stopping.load(ordering: .acquiring) {
            finished.store(true, ordering: .releasing)
            log?("recording finished: \(frameIndex) frames replayed")
        }
    }

    /// Blocks until some client is subscribed; returns true if one already was (no pause happened).
    private func waitForSubscriber() -> Bool {
        var waited = false
        while !stopping.load(ordering: .acquiring) {
            if state.withLock({ $0.clients.values.contains { !$0.subscriptions.isEmpty } }) { return !waited }
            waited = true
            FeedClock.sleep(nanoseconds: 2_000_000)
        }
        return !waited
    }

    /// Applies a frame to the book and sends it (or its fault) to every subscriber, under the lock so
    /// snapshots rendered on the service thread see exactly the frames already queued before them.
    private func deliver(_ frame: RecordedFrame, frameIndex: Int, bookIndex: Int?, faults: FeedFaultPlan) -> [FeedFaultEvent] {
        state.withLock { state in
            if frame.isBook { dialect.apply(frame, to: &state.books) }
            state.summary.framesReplayed += 1
            if frame.isBook { state.summary.bookFramesReplayed += 1 }
            let kind: FeedFaultEvent.Kind? = switch bookIndex {
            case .some(let index) where index == faults.dropBookFrame: .dropped
            case .some(let index) where index == faults.malformedBookFrame: .malformed
            case .some(let index) where index == faults.duplicateBookFrame: .duplicated
            default: nil
            }
            var recipients = 0
            for client in state.clients.values {
                guard let payload = dialect.payload(for: frame, to: client), let server = state.server else { continue }
                recipients += 1
                switch kind {
                case .dropped:
                    continue
                case .malformed:
                    // Cut mid-frame: unbalanced braces, as a torn write would leave it.
                    try? server.send(text: String(payload.prefix(max(1, payload.utf8.count / 2))), to: client.id)
                    state.summary.messagesSent += 1
                case .duplicated:
                    try? server.send(text: payload, to: client.id)
                    try? server.send(text: payload, to: client.id)
                    state.summary.messagesSent += 2
                default:
                    try? server.send(text: payload, to: client.id)
                    state.summary.messagesSent += 1
                }
            }
            guard let kind else { return [] }
            let event = FeedFaultEvent(kind: kind, frameIndex: frameIndex, bookFrameIndex: bookIndex, clients: recipients)
            state.summary.faults.append(event)
            return [event]
        }
    }

    /// Closes every client with 1001 and forgets them at once, so no later frame is queued behind the close.
    private func disconnectAll(frameIndex: Int) -> FeedFaultEvent {
        state.withLock { state in
            for id in state.clients.keys {
                try? state.server?.close(id, code: .goingAway, reason: "emulated disconnect")
            }
            let event = FeedFaultEvent(kind: .disconnected, frameIndex: frameIndex, bookFrameIndex: nil, clients: state.clients.count)
            state.clients.removeAll()
            state.summary.faults.append(event)
            return event
        }
    }

    // MARK: Heartbeat thread

    func heartbeat(every interval: Duration) {
        let step = max(FeedClock.nanoseconds(interval), 1_000_000)
        var next = MonotonicClock.nanoseconds() + step
        while FeedClock.sleep(until: next, unlessSet: stopping) {
            next += step
            // A payload, because lws reports no pong for an empty ping.
            let payload = Array(String(WallClock.nanoseconds() / 1_000_000).utf8)
            state.withLock { state in
                for id in state.clients.keys where (try? state.server?.ping(id, payload: payload)) != nil {
                    state.summary.pingsSent += 1
                }
            }
        }
    }
}
