import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// An OpenAI-compatible chat-completions server on loopback whose three analysts are deterministic rules
/// (`RuleBasedAnalyst`): the offline default for `asym demo`, `asym analysts serve` and the tests, so the whole
/// consensus path — HTTP, parsing, vote, publication, journal — runs with no keys and no network.
///
/// Serves `POST /v1/chat/completions` (the model field picks the analyst; the brief is read from the user
/// message's JSON block) and `GET /v1/models`, on Hummingbird over HTTP/1.1. `setFault` makes one model misbehave
/// (`AnalystFault`) for tests. It never keeps the `Authorization` header it receives, only whether there was one.
public final class AnalystsEndpoint: Sendable {
    public let configuration: AnalystsEndpointConfiguration
    private let responder: AnalystsResponder
    private let stopping = Atomic<Bool>(false)
    private let boundPort = Atomic<Int>(0)
    private let server = Mutex<(group: ServiceGroup, task: Task<Void, Never>)?>(nil)
    private let started = Atomic<Bool>(false)

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

    /// Binds and starts serving; returns the bound port.
    ///
    /// - Throws: `.notLoopback` for a non-loopback host, `.startFailed` when the port cannot be bound,
    ///   `.alreadyStarted` on a second call.
    public func start() async throws(AnalystsEndpointError) -> UInt16 {
        let host = configuration.host
        guard ConsensusConfiguration.isLoopbackHost(host) else { throw .notLoopback(host) }
        guard !started.exchange(true, ordering: .acquiringAndReleasing) else { throw .alreadyStarted }

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
                // Hold the request in short sleeps so `stop()` ends it promptly.
                let deadline = ContinuousClock.now + .milliseconds(Int64(min(planned.hangSeconds, maximumHang) * 1_000))
                while ContinuousClock.now < deadline, !self.stopping.load(ordering: .relaxed) {
                    try await Task.sleep(for: .milliseconds(10))
                }
            }
            return self.response(planned)
        }

        let (ports, portContinuation) = AsyncStream<Result<Int, AnalystsEndpointError>>.makeStream()
        let sink = configuration.log
        let logger = Logger(label: "asym-analysts") { _ in EndpointLogHandler(sink: sink) }
        let application = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: Int(configuration.port)),
                                                    serverName: "asym-analysts"),
            onServerRunning: { channel in
                portContinuation.yield(.success(channel.localAddress?.port ?? 0))
            },
            logger: logger)
        // A service group of its own, so `stop()` can shut the server down gracefully (no cancellation errors).
        let group = ServiceGroup(services: [application], logger: logger)
        let task = Task {
            do {
                try await group.run()
            } catch {
                portContinuation.yield(.failure(.startFailed("\(error)")))
            }
            portContinuation.finish()
        }
        server.withLock { $0 = (group, task) }
        for await result in ports {
            switch result {
            case .success(let port):
                boundPort.store(port, ordering: .releasing)
                return UInt16(truncatingIfNeeded: port)
            case .failure(let error):
                throw error
            }
        }
        throw .startFailed("the server stopped before listening")
    }

    /// Stops serving (held requests end at once) and waits for the server to finish.
    public func stop() async {
        stopping.store(true, ordering: .relaxed)
        guard let (group, task) = server.withLock({ $0 }) else { return }
        await group.triggerGracefulShutdown()
        await task.value
        server.withLock { $0 = nil }  // the routes capture `self`: let the cycle go
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
                if offset < body.count { try await Task.sleep(for: .milliseconds(drip.interval)) }
            }
            try await writer.finish(nil)
        })
    }
}
