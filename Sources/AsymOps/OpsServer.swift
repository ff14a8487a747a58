import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix
import Synchronization

/// The ops server: `/healthz`, Prometheus `/metrics`, JSON `/status` and the control routes `/kill`, `/pause`,
/// `/resume`, over HTTP/1.1 (Hummingbird) on its own thread.
///
/// | route | auth | answer |
/// |---|---|---|
/// | `GET /healthz` | none | 200 `ok` |
/// | `GET /metrics` | bearer | 200, text format 0.0.4 (``OpsMetricsSnapshot/prometheusText()``) |
/// | `GET /status` | bearer | 200, ``OpsStatus`` as JSON |
/// | `POST /kill`, `/pause`, `/resume` | bearer | 202 once the backend has the command |
///
/// Protected routes answer 401 without or with a wrong token, and 403 when no token is configured.
///
/// Threads: the server's tasks run on a dedicated thread named `asym-ops` (see `OpsThreadExecutor`) over one NIO
/// event-loop thread shared by every ops server in the process, and the backend is called there. The server is
/// HummingbirdCore's `Server` driven directly rather than a Hummingbird `Application`, whose service group and
/// once-a-second date timer would run on Swift's shared pool. So `start()` and `stop()`, which block until the
/// socket listens or has closed, may be called from any thread, a blocked pool thread included.
public final class OpsServer: Sendable {
    /// The settings the server was made with.
    public let configuration: OpsServerConfiguration
    let backend: any OpsBackend
    private let state = Mutex<State>(.idle)

    private enum State {
        case idle
        /// Between the check in `start()` and the bind, so a second `start()` cannot race the first.
        case starting
        case running(Running)
    }

    /// What a running server holds until `stop()`.
    private struct Running: Sendable {
        let port: Int
        let executor: OpsThreadExecutor
        let server: Server<HTTP1Channel>
        let task: Task<Void, Never>
        let finished: OneShot<Void>
    }

    /// One event-loop thread for all ops servers, never shut down (like NIO's own singletons): an ops server's
    /// socket I/O is light, and a group per server would need the shared pool to shut it down.
    private static let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    public init(configuration: OpsServerConfiguration, backend: some OpsBackend) {
        self.configuration = configuration
        self.backend = backend
    }

    deinit { stop() }

    /// The bound port while running, else nil.
    public var port: Int? {
        state.withLock { state in
            guard case .running(let running) = state else { return nil }
            return running.port
        }
    }

    /// Binds and starts serving; returns the bound port (the chosen one when the configured port is 0).
    ///
    /// Blocks until the socket listens or binding failed. Safe to call from any thread.
    @discardableResult
    public func start() throws(OpsServerError) -> Int {
        guard (0...65_535).contains(configuration.port) else { throw .invalidPort(configuration.port) }
        let claimed = state.withLock { state -> Bool in
            guard case .idle = state else { return false }
            state = .starting
            return true
        }
        guard claimed else { throw .alreadyRunning }

        let executor = OpsThreadExecutor(threadName: "asym-ops")
        let bound = OneShot<Result<Int, OpsServerError>>()
        let finished = OneShot<Void>()
        let address = configuration.bindAddress, requestedPort = configuration.port
        let server = Server(
            childChannelSetup: HTTP1Channel(responder: Self.httpResponder(makeRouter().buildResponder())),
            configuration: ServerConfiguration(address: .hostname(address, port: requestedPort)),
            onServerRunning: { channel in bound.fulfil(.success(channel.localAddress?.port ?? requestedPort)) },
            eventLoopGroup: Self.eventLoops,
            logger: Self.logger)

        let task = Task(executorPreference: executor) {
            do {
                try await server.run()
            } catch {
                bound.fulfil(.failure(.bindFailed(address: address, port: requestedPort, reason: "\(error)")))
            }
            // A run that ended without ever listening is a failed start too (a no-op after a successful one).
            bound.fulfil(.failure(.bindFailed(address: address, port: requestedPort, reason: "stopped before listening")))
            finished.fulfil(())
        }

        switch bound.wait() {
        case .success(let port):
            let running = Running(port: port, executor: executor, server: server, task: task, finished: finished)
            state.withLock { $0 = .running(running) }
            return port
        case .failure(let error):
            finished.wait()
            executor.shutdown()
            state.withLock { $0 = .idle }
            throw error
        }
    }

    /// Stops listening, lets open requests finish (up to the configured grace), and ends the server thread.
    /// Does nothing when not running.
    public func stop() {
        let running = state.withLock { state -> Running? in
            guard case .running(let running) = state else { return nil }
            state = .idle
            return running
        }
        guard let running else { return }
        let server = running.server
        // Closes the listening socket, then lets each connection finish its current request and close.
        Task(executorPreference: running.executor) { try? await server.shutdownGracefully() }
        if !running.finished.wait(timeoutSeconds: configuration.shutdownGraceSeconds) {
            // A connection still busy after the grace period (a stalled client) is cut off.
            running.task.cancel()
            running.finished.wait()
        }
        running.executor.shutdown()
    }

    /// Nothing the server logs may reach asym's output (a log line could end up after `--json`'s last line).
    private static let logger = Logger(label: "asym.ops") { _ in SwiftLogNoOpLogHandler() }

    /// Turns the router into HummingbirdCore's per-request callback: what `Application.run` does, minus its
    /// service group and date timer.
    private static func httpResponder(
        _ responder: RouterResponder<BasicRequestContext>
    ) -> HTTPChannelHandler.Responder {
        { request, responseWriter, channel in
            let context = BasicRequestContext(source: ApplicationRequestContextSource(channel: channel, logger: logger))
            var response: Response
            do {
                response = try await responder.respond(to: request, context: context)
            } catch {
                response = Response(status: .internalServerError)
            }
            response.headers[.date] = OpsHTTPDate.now()
            try await responseWriter.write(response: response.head, body: response.body)
        }
    }
}
