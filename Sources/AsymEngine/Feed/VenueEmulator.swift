import AsymCore
import AsymTransport
import Synchronization

/// A loopback venue feed server: speaks Bybit, Binance or OKX public market-data protocol on a real
/// WebSocket server and replays a recording to subscribers, with faults on demand (`asym serve`).
///
/// - Subscribe acks, pongs and errors in the venue's own format; Binance routed paths (G1) and REST
///   `GET /fapi/v1/depth` on the same port; Binance-style server ping frames.
/// - The emulator keeps an exact book per instrument while replaying, so a newly subscribing Bybit or
///   OKX client first gets a rendered snapshot of the current book, then the recorded deltas, and a
///   Binance client's REST snapshot has the current `lastUpdateId`.
/// - Threads: the server's service thread answers clients; one replay thread paces and sends frames;
///   one heartbeat thread sends pings. Client state and books are guarded by one lock, so a snapshot and
///   the frames after it are queued in order.
public final class VenueEmulator: Sendable {
    /// The configuration this emulator runs with.
    public let configuration: VenueEmulatorConfiguration
    private let core: VenueEmulatorCore
    private let server: WebSocketServer
    private let reader: Mutex<RecordingReaderTransfer?>
    private let threads = Mutex<[NamedThread]>([])

    /// Opens the recording and binds the server; nothing is replayed until ``start()``.
    ///
    /// - Parameter log: Receives fault events and lifecycle lines (from the replay thread).
    public init(configuration: VenueEmulatorConfiguration,
                log: (@Sendable (String) -> Void)? = nil) throws(VenueEmulatorError) {
        if case .speed(let speed) = configuration.pacing, !(speed > 0 && speed.isFinite) {
            throw .invalidConfiguration("speed must be positive")
        }
        self.configuration = configuration
        do {
            reader = Mutex(RecordingReaderTransfer(try RecordingReader(path: configuration.recordingPath)))
        } catch {
            throw .recordingUnreadable(path: configuration.recordingPath, reason: error.description)
        }
        let dialect: any EmulatorDialect = switch configuration.venue {
        case .bybit: BybitEmulatorDialect()
        case .binance: BinanceEmulatorDialect()
        case .okx: OKXEmulatorDialect()
        }
        let core = VenueEmulatorCore(configuration: configuration, dialect: dialect, log: log)
        self.core = core
        do {
            server = try WebSocketServer(
                configuration: WebSocketServerConfiguration(host: configuration.host, port: configuration.port,
                                                            threadName: "asym-serve-ws"),
                httpHandler: { request in core.http(request) },
                onEvent: { event in core.handle(event) })
        } catch {
            throw .serverFailed(String(describing: error))
        }
        core.attach(server)
    }

    deinit { stop() }

    /// The bound port.
    public var port: UInt16 { server.port }

    /// Starts the replay (and heartbeat) threads. Call once.
    public func start() {
        guard let transfer = reader.withLock({ $0.take() }) else { return }
        let core = self.core
        var started = [NamedThread(name: "asym-serve-play") { core.replay(transfer.reader) }]
        if let interval = configuration.pingInterval {
            started.append(NamedThread(name: "asym-serve-ping") { core.heartbeat(every: interval) })
        }
        for thread in started { thread.start() }
        threads.withLock { $0 += started }
    }

    /// Stops replaying, joins the threads and shuts the server down (clients see 1006). Idempotent.
    public func stop() {
        core.stopping.store(true, ordering: .releasing)
        for thread in threads.withLock({ $0.take() ?? [] }) { thread.join() }
        server.shutdown()
        core.detach()
    }

    /// Waits until the whole recording has been replayed or `timeout` passes; returns whether it finished.
    public func waitUntilFinished(timeout: Duration) -> Bool {
        let deadline = MonotonicClock.nanoseconds() + FeedClock.nanoseconds(timeout)
        while !core.finished.load(ordering: .acquiring) {
            if MonotonicClock.nanoseconds() >= deadline { return false }
            FeedClock.sleep(nanoseconds: 5_000_000)
        }
        return true
    }

    /// Counters and the fault log so far.
    public var summary: VenueEmulatorSummary { core.summary }
}

private extension Array {
    /// Empties the array, returning its previous contents.
    mutating func take() -> [Element]? {
        defer { removeAll() }
        return self
    }
}
