import AsymCore
public import AsymRing
public import AsymTransport
import Foundation
import Synchronization

/// A recording as a feed: a named thread reads its lines into a `FrameRing` for the engine thread, each with
/// its recorded receive time (the engine clock of a replay).
///
/// Unlike a live feed it never drops a frame: when the ring is full it waits for the engine to make room,
/// because a replay must see every line. `linesSkipped` lines at the start are read and not pushed (resuming
/// after the journalled replay position).
public final class RecordingFeed: Sendable {
    public let path: String
    public let ring: FrameRing
    private let linesToSkip: Int64
    private let pushed = Atomic<Int64>(0)
    private let done = Atomic<Bool>(false)
    private let stopRequested = Atomic<Bool>(false)
    private let failure = Mutex<RecordingError?>(nil)
    private let thread = Mutex<NamedThread?>(nil)

    /// A feed of `path` into `ring` that skips its first `skippingLines` lines.
    public init(path: String, ring: FrameRing, skippingLines: Int64 = 0) {
        self.path = path
        self.ring = ring
        linesToSkip = skippingLines
    }

    deinit { stop() }

    /// Opens the recording (so a missing file fails here) and starts the reading thread.
    public func start(threadName: String) throws(RecordingError) {
        let transfer = RecordingReaderTransfer(try RecordingReader(path: path))
        let worker = NamedThread(name: threadName) { [self] in
            self.run(transfer.reader)
        }
        thread.withLock { $0 = worker }
        worker.start()
    }

    private func run(_ reader: RecordingReader) {
        defer {
            reader.close()
            done.store(true, ordering: .releasing)
        }
        var line: Int64 = 0
        do {
            while let recorded = try reader.next() {
                line += 1
                if line <= linesToSkip { continue }
                while true {
                    if stopRequested.load(ordering: .relaxed) { return }
                    switch ring.tryPush(recorded.frame, receiveTime: recorded.receiveTimeNanoseconds) {
                    case .pushed, .tooLarge:
                        break
                    case .full:
                        usleep(20)
                        continue
                    }
                    break
                }
                pushed.add(1, ordering: .relaxed)
            }
        } catch {
            failure.withLock { $0 = error }
        }
    }

    /// Stops reading and joins the thread.
    public func stop() {
        stopRequested.store(true, ordering: .releasing)
        let worker = thread.withLock { current -> NamedThread? in
            defer { current = nil }
            return current
        }
        worker?.join()
    }

    /// Lines pushed into the ring so far.
    public var linesPushed: Int64 { pushed.load(ordering: .relaxed) }
    /// Whether the whole recording was read (or reading failed or stopped).
    public var isFinished: Bool { done.load(ordering: .acquiring) }
    /// Why reading stopped early, if it failed.
    public var error: RecordingError? { failure.withLock { $0 } }
}
