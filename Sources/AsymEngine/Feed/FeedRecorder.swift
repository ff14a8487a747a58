import AsymCore
public import AsymRing
import AsymTransport
import Foundation
import Synchronization

/// Records a feed's ring to disk in hftbacktest collector format, one file per symbol and UTC day
/// (`DIR/<symbol lowercase>_<YYYYMMDD>.gz`, as the collector names them; plain text with
/// `compressed: false`), through `RecordingWriter` on its own writer thread: the ring's consumer, never the
/// engine thread (`asym record`).
///
/// Binance REST depth snapshots (tag ``FeedStreamKind/depthSnapshot``) are written as lines of their own,
/// as hftbacktest's collector does. Frames without a symbol, or containing a newline (which would split the
/// line), are counted and skipped.
public final class FeedRecorder: Sendable {
    /// The ring being drained.
    public let ring: FrameRing
    /// The output directory.
    public let directory: String
    /// Symbols in feed-configuration order (a tag's symbol index points here).
    public let symbols: [String]
    /// The file extension: `gz` (gzip) or `txt` (plain).
    public let fileExtension: String
    private let stopping = Atomic<Bool>(false)
    private let written = Atomic<Int>(0)
    private let skipped = Atomic<Int>(0)
    private let outcome = Mutex<(files: [String], error: LiveFeedError?)>(([], nil))
    private let thread = Mutex<NamedThread?>(nil)

    /// Creates the directory if needed; files are opened when their first frame arrives.
    public init(ring: FrameRing, symbols: [String], directory: String, compressed: Bool = true) throws(LiveFeedError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .recordingFailed("cannot create directory \(directory): \(error.localizedDescription)")
        }
        self.ring = ring
        self.symbols = symbols
        self.directory = directory
        fileExtension = compressed ? "gz" : "txt"
    }

    /// Lines written so far.
    public var framesWritten: Int { written.load(ordering: .relaxed) }
    /// Frames skipped (no symbol, or a newline inside).
    public var framesSkipped: Int { skipped.load(ordering: .relaxed) }
    /// Files created so far.
    public var files: [String] { outcome.withLock { $0.files } }

    /// Starts the writer thread.
    public func start() {
        let writerThread = NamedThread(name: "asym-record") { [self] in drain() }
        thread.withLock { $0 = writerThread }
        writerThread.start()
    }

    /// Drains what is left in the ring, closes every file and joins the writer thread.
    /// - Throws: the first write error, if any happened.
    public func stop() throws(LiveFeedError) {
        stopping.store(true, ordering: .releasing)
        thread.withLock { $0.take() }?.join()
        if let error = outcome.withLock({ $0.error }) { throw error }
    }

    /// The file name of `symbol` on the UTC day containing `receiveTime`.
    public static func fileName(symbol: String, receiveTime: Int64, fileExtension: String) -> String {
        let (year, month, day) = civilDate(daysSinceEpoch: receiveTime / 86_400_000_000_000)
        let date = String(format: "%04d%02d%02d", year, month, day)
        return "\(symbol.lowercased())_\(date).\(fileExtension)"
    }

    /// Howard Hinnant's `civil_from_days`: the proleptic Gregorian date of a day number.
    static func civilDate(daysSinceEpoch: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private func drain() {
        var writers: [Int: (name: String, writer: RecordingWriter)] = [:]
        var failed = false
        while true {
            guard let frame = ring.front() else {
                if stopping.load(ordering: .acquiring), ring.front() == nil { break }
                FeedClock.sleep(nanoseconds: 1_000_000)
                continue
            }
            let index = FeedTag(rawValue: frame.tag).symbolIndex
            if failed || index >= symbols.count {
                skipped.add(1, ordering: .relaxed)
                ring.popFront()
                continue
            }
            let name = Self.fileName(symbol: symbols[index], receiveTime: frame.receiveTime, fileExtension: fileExtension)
            let path = directory + "/" + name
            do throws(RecordingError) {
                if writers[index]?.name != name {
                    try writers[index]?.writer.close()
                    writers[index] = (name, try RecordingWriter(path: path))
                    outcome.withLock { $0.files.append(path) }
                }
                // Safety: `frame.bytes` stays valid until popFront, after this copy.
                try writers[index]?.writer.append(receiveTimeNanoseconds: frame.receiveTime, frame: frame.bytes)
                written.add(1, ordering: .relaxed)
            } catch .frameContainsNewline {
                skipped.add(1, ordering: .relaxed)
            } catch {
                failed = true
                outcome.withLock { $0.error = $0.error ?? .recordingFailed("\(path): \(error)") }
            }
            ring.popFront()
        }
        for (_, entry) in writers {
            do throws(RecordingError) { try entry.writer.close() } catch {
                outcome.withLock { $0.error = $0.error ?? .recordingFailed("close \(entry.name): \(error)") }
            }
        }
    }
}
