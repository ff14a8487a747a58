import AsymTransport
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix
import Synchronization

/// An OpenAI-compatible chat-completions server on loopback whose three analysts are deterministic rules
/// (`RuleBasedAnalyst`): the offline default for `asym demo`, `asym analysts serve` and the tests, so the whole
/// consensus path — HTTP, parsing, vote, publication, journal — runs with no keys and no network.
///
/// Serves `POST /v1/chat/completions` (the model field picks the analyst; the brief is read from the user
/// message's JSON block) and `GET /v1/models`, on Hummingbird over HTTP/1.1. `setFault` makes one model misbehave
/// (`AnalystFault`) for tests. It never keeps the `Authorization` header it receives, only whether there was one.
///
/// Threads: the server's tasks run on a dedicated thread named `asym-analysts` (a `ThreadTaskExecutor`) over one
/// NIO event-loop thread shared by every endpoint in the process, and hangs and drips are timed on that event
/// loop. The server is HummingbirdCore's `Server` driven directly rather than a Hummingbird `Application`, whose
/// service group and date timer would run on Swift's shared pool. So requests are answered while every pool thread
/// is blocked, and `startBlocking()`/`stopBlocking()` may be called from any thread.
public final class AnalystsEndpoint: Sendable {
    public let configuration: AnalystsEndpointConfiguration
    private let responder: AnalystsResponder
    private let stopping = Atomic<Bool>(false)
    private let boundPort = Atomic<Int>(0)
    private let started = Atomic<Bool>(false)
    private let running = Mutex<Running?>(nil)

    /// A server between its start and `stop`.
    private struct Running: Sendable {
        let executor: ThreadTaskExecutor
        let server: Server<HTTP1Channel>
        let task: Task<Void, Never>
        let bound: OneShot<Result<Int, AnalystsEndpointError>>
        let finished: OneShot<Void>
    }

    /// One event-loop thread for all loopback endpoints, never shut down (like NIO's own singletons): their
    /// socket I/O is light, and a group per endpoint would need the shared pool to shut it down.
    private static let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    /// How long `stop` lets open requests finish before cutting them off (a hang or a drip ends at once).
    private static let shutdownGrace = TimeAmount.seconds(5)

    public init(configuration: AnalystsEndpointConfiguration = AnalystsEndpointConfiguration()) {
        self.configuration = configuration
        responder = AnalystsResponder(models: configuration.models)
    }

    /// The bound port (0 before `start()` returns).
    public var port: UInt16 { UInt16(truncatingIfNeeded: boundPort.load(ordering: .acquiring)) }

    /// The API root to configure as `ConsensusConfiguration.baseURL`: `http://127.0.0.1:PORT/v1`.
    public var baseURL: String {
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return "http://\(host):\(port)/v1"
    }

    /// Requests served so far.
    public var statistics: AnalystsEndpointStatistics { responder.statistics }

    /// Makes `model` misbehave for its next `times` requests (nil: until changed); a nil `fault` clears it.
    public func setFault(_ fault: AnalystFault?, model: String, times: Int? = nil) {
        responder.setFault(fault, model: model, times: times)
    }

    /// Clears every fault.
    public func clearFaults() { responder.clearFaults() }

    /// Binds and starts serving; returns the bound port. Suspends (never blocks) until the socket listens.
    ///
    /// - Throws: `.notLoopback` for a non-loopback host, `.startFailed` when the port cannot be bound,
    ///   `.alreadyStarted` on a second call.
    public func start() async throws(AnalystsEndpointError) -> UInt16 {
        let launched = try launch()
        switch await launched.bound.value {
        case .success(let port):
            return listening(on: port)
        case .failure(let error):
            await launched.finished.value
            launched.executor.shutdown()
            throw error
        }
    }

    /// `start()` for thread-based code: blocks the calling thread until the socket listens or binding failed.
    /// Safe on any thread, a pool thread included.
    ///
    /// - Throws: as `start()`.
    public func startBlocking() throws(AnalystsEndpointError) -> UInt16 {
        let launched = try launch()
        switch launched.bound.wait() {
        case .success(let port):
            return listening(on: port)
        case .failure(let error):
            launched.finished.wait()
            launched.executor.shutdown()
            throw error
        }
    }

    /// Stops serving (held requests end at once) and waits for the server to finish. Does nothing when not
    /// running.
    public func stop() async {
        guard let (running, cutoff) = beginStop() else { return }
        await running.finished.value
        cutoff.cancel()
        running.executor.shutdown()
    }

    /// `stop()` for thread-based code: blocks the calling thread until the server has finished. Safe on any
    /// thread, a pool thread included.
    public func stopBlocking() {
        guard let (running, cutoff) = beginStop() else { return }
        running.finished.wait()
        cutoff.cancel()
        running.executor.shutdown()
    }

    /// Checks the host, claims the one start, and starts the server task on its own thread.
    private func launch() throws(AnalystsEndpointError) -> Running {
        let host = configuration.host
        guard ConsensusConfiguration.isLoopbackHost(host) else { throw .notLoopback(host) }
        guard !started.exchange(true, ordering: .acquiringAndReleasing) else { throw .alreadyStarted }

        let executor = ThreadTaskExecutor(threadName: "asym-analysts")
        let bound = OneShot<Result<Int, AnalystsEndpointError>>()
        let finished = OneShot<Void>()
        let sink = configuration.log
        let logger = Logger(label: "asym-analysts") { _ in EndpointLogHandler(sink: sink) }
        let server = Server(
            childChannelSetup: HTTP1Channel(responder: Self.httpResponder(makeRouter().buildResponder(), logger: logger)),
            configuration: ServerConfiguration(address: .hostname(host, port: Int(configuration.port)),
                                               serverName: "asym-analysts"),
            onServerRunning: { channel in bound.fulfil(.success(channel.localAddress?.port ?? 0)) },
            eventLoopGroup: Self.eventLoops,
            logger: logger)
        let task = Task(executorPreference: executor) {
            do {
                try await server.run()
            } catch {
                bound.fulfil(.failure(.startFailed("\(error)")))
            }
            // A run that ended without ever listening is a failed start too (a no-op after a successful one).
            bound.fulfil(.failure(.startFailed("the server stopped before listening")))
            finished.fulfil(())
        }
        let launched = Running(executor: executor, server: server, task: task, bound: bound, finished: finished)
        self.running.withLock { $0 = launched }
        return launched
    }

    private func listening(on port: Int) -> UInt16 {
        boundPort.store(port, ordering: .releasing)
        return UInt16(truncatingIfNeeded: port)
    }

    /// Flags held requests to end, asks the server to close, arms the cut-off after the grace period, and hands
    /// back what to wait for. The routes capture `self`: dropping `Running` lets the cycle go.
    private func beginStop() -> (running: Running, cutoff: Scheduled<Void>)? {
        stopping.store(true, ordering: .relaxed)
        guard let running = running.withLock({ current -> Running? in
            defer { current = nil }
            return current
        }) else { return nil }
        let server = running.server, task = running.task
        // Closes the listening socket, then lets each connection finish its current request and close.
        Task(executorPreference: running.executor) { try? await server.shutdownGracefully() }
        let cutoff = Self.eventLoops.next().scheduleTask(in: Self.shutdownGrace) { task.cancel() }
        return (running, cutoff)
    }

    private func makeRouter() -> Router<BasicRequestContext> {
        let router = Router()
        let responder = self.responder
        let maximumHang = configuration.maximumHangSeconds
        router.get("v1/models") { _, _ -> Response in
            self.response(AnalystsResponder.Planned(status: 200, headers: [("Content-Type", "application/json")],
                                                    body: responder.modelList()))
        }
        router.post("v1/chat/completions") { request, _ -> Response in
            var request = request
            let buffer = try await request.collectBody(upTo: 4 << 20)
            let authorized = request.headers[.authorization] != nil
            let planned = responder.respond(to: Array(buffer.readableBytesView), authorized: authorized)
            if planned.hangSeconds > 0 {
                // Hold the request in short pauses so `stop()` ends it promptly.
                let deadline = ContinuousClock.now + .milliseconds(Int64(min(planned.hangSeconds, maximumHang) * 1_000))
                while ContinuousClock.now < deadline, !self.stopping.load(ordering: .relaxed) {
                    await Self.pause(milliseconds: 10)
                }
            }
            return self.response(planned)
        }
        return router
    }

    /// Suspends for `milliseconds`, woken by the endpoint's event loop, which no other work can hold up.
    private static func pause(milliseconds: Int64) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            _ = eventLoops.next().scheduleTask(in: .milliseconds(milliseconds)) { continuation.resume() }
        }
    }

    /// Turns the router into HummingbirdCore's per-request callback: what `Application.run` does, minus its
    /// service group and date timer.
    private static func httpResponder(
        _ responder: RouterResponder<BasicRequestContext>, logger: Logger
    ) -> HTTPChannelHandler.Responder {
        { request, responseWriter, channel in
            let context = BasicRequestContext(source: ApplicationRequestContextSource(channel: channel, logger: logger))
            var response: Response
            do {
                response = try await responder.respond(to: request, context: context)
            } catch {
                response = Response(status: .internalServerError)
            }
            response.headers[.server] = "asym-analysts"
            try await responseWriter.write(response: response.head, body: response.body)
        }
    }

    private func response(_ planned: AnalystsResponder.Planned) -> Response {
        var headers = HTTPFields()
        for (name, value) in planned.headers {
            switch name {
            case "Content-Type": headers[.contentType] = value
            case "Retry-After": headers[.retryAfter] = value
            default: assertionFailure("the responder plans only Content-Type and Retry-After")
            }
        }
        let status = HTTPResponse.Status(code: planned.status)
        guard let drip = planned.drip else {
            return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: planned.body)))
        }
        let body = planned.body
        return Response(status: status, headers: headers, body: ResponseBody(contentLength: body.count) { writer in
            var offset = 0
            while offset < body.count, !self.stopping.load(ordering: .relaxed) {
                let end = min(body.count, offset + drip.chunk)
                try await writer.write(ByteBuffer(bytes: body[offset..<end]))
                offset = end
                if offset < body.count { await Self.pause(milliseconds: Int64(drip.interval)) }
            }
            try await writer.finish(nil)
        })
    }
}
