public import AsymCore
import AsymStore
import AsymTransport
import Foundation
import Synchronization

/// The trade store of a running engine: each venue's journal fed into its own SQLite database (journal sequences
/// are per venue), by a named thread (`asym-store`) once a second and once more after the journals close. Off the
/// hot path entirely: it only reads the journal files.
public final class EngineTradeStore: Sendable {
    /// Each venue's database path and writer.
    public let databases: [(venue: Venue, path: String)]
    private let writers: [(journal: String, writer: TradeStoreWriter, store: SQLiteTradeStore)]
    private let running = Atomic<Bool>(false)
    private let thread = Mutex<NamedThread?>(nil)
    private let failure = Mutex<String?>(nil)

    /// Opens (creating) one SQLite database per venue: `basePath` itself for a single venue, else `basePath` with
    /// `-<venue>` before its extension.
    public init(basePath: String, journals: [(venue: Venue, directory: String, symbols: [String])],
                aiModels: [String] = []) throws {
        var databases: [(Venue, String)] = []
        var writers: [(String, TradeStoreWriter, SQLiteTradeStore)] = []
        for (venue, directory, symbols) in journals {
            let path = journals.count == 1 ? basePath : Self.path(basePath, venue: venue)
            let store = try SQLiteTradeStore(path: path)
            var instruments: [InstrumentID: String] = [:]
            for (index, symbol) in symbols.enumerated() { instruments[InstrumentID(UInt16(index))] = symbol }
            let writer = TradeStoreWriter(store: store, instruments: instruments,
                                          decoders: aiModels.isEmpty ? [] : [AIVoteStoreDecoder(models: aiModels)])
            databases.append((venue, path))
            writers.append((directory, writer, store))
        }
        self.databases = databases
        self.writers = writers
    }

    static func path(_ base: String, venue: Venue) -> String {
        let url = URL(fileURLWithPath: base)
        let stem = url.deletingPathExtension().lastPathComponent
        let suffix = url.pathExtension.isEmpty ? "" : "." + url.pathExtension
        return url.deletingLastPathComponent().appendingPathComponent("\(stem)-\(venue)\(suffix)").path
    }

    /// One ingest pass over every journal; returns the records stored.
    @discardableResult
    public func ingestOnce() -> Int {
        var stored = 0
        for (journal, writer, _) in writers {
            do {
                stored += try writer.ingest(journalDirectory: journal).recordsStored
            } catch {
                failure.withLock { $0 = "\(journal): \(error)" }
            }
        }
        return stored
    }

    /// Starts ingesting once a second.
    public func start() {
        running.store(true, ordering: .releasing)
        let worker = NamedThread(name: "asym-store") { [self] in
            while running.load(ordering: .acquiring) {
                ingestOnce()
                for _ in 0..<20 where running.load(ordering: .acquiring) { usleep(50_000) }
            }
        }
        thread.withLock { $0 = worker }
        worker.start()
    }

    /// Stops the thread, runs a last pass (call after the journals closed) and closes the databases.
    public func finish() {
        running.store(false, ordering: .releasing)
        let worker = thread.withLock { current -> NamedThread? in
            defer { current = nil }
            return current
        }
        worker?.join()
        ingestOnce()
        for (_, _, store) in writers { store.close() }
    }

    /// The last ingest error, if any (the store is a convenience; the journal stays the truth).
    public var lastError: String? { failure.withLock { $0 } }
}
