import Dispatch
import Synchronization

/// Runs Swift-concurrency jobs on one dedicated, named OS thread (a `NamedThread`).
///
/// A task started with this executor as its preference (SE-0417, `Task(executorPreference:)`) runs here, and
/// so do its structured child tasks and the default actors they call. asym's loopback servers (the ops server,
/// the loopback analysts) run their HummingbirdCore `Server` this way, so they keep answering while every
/// thread of Swift's shared cooperative pool is blocked (the pool has one thread per core), and their blocking
/// `start`/`stop` may be called from a pool thread without starving the pool.
///
/// What still needs the shared pool: `Task.sleep` (its wake-up runs there), and any task without this
/// preference. Schedule timers on the server's NIO event loop instead.
///
/// - Complexity: one lock and one semaphore signal per job.
public final class ThreadTaskExecutor: TaskExecutor, Sendable {
    private struct State: Sendable {
        var jobs: [UnownedJob] = []
        var closed = false
        var executor: UnownedTaskExecutor?
    }

    /// The job queue shared with the thread; the thread never holds the executor itself.
    private final class JobQueue: Sendable {
        let state = Mutex(State())
        /// Signalled once per enqueued job and once by `shutdown`.
        let wakeUp = DispatchSemaphore(value: 0)

        /// Runs jobs until closed and drained.
        func run() {
            while true {
                wakeUp.wait()
                let (batch, executor) = state.withLock { state -> ([UnownedJob], UnownedTaskExecutor?) in
                    defer { state.jobs.removeAll(keepingCapacity: true) }
                    return (state.jobs, state.executor)
                }
                if let executor {
                    for job in batch { job.runSynchronously(on: executor) }
                }
                if state.withLock({ $0.closed && $0.jobs.isEmpty }) { return }
            }
        }
    }

    private let queue = JobQueue()
    private let thread: NamedThread

    /// Starts the thread, named `threadName` (≤ 15 bytes are kept by Linux).
    public init(threadName: String) {
        let queue = queue
        thread = NamedThread(name: threadName) { queue.run() }
        let executor = asUnownedTaskExecutor()
        queue.state.withLock { $0.executor = executor }
        thread.start()
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let accepted = queue.state.withLock { state -> Bool in
            guard !state.closed else { return false }
            state.jobs.append(job)
            return true
        }
        if accepted {
            queue.wakeUp.signal()
        } else {
            // A straggler after shutdown (a late continuation resume) still runs, on the shared pool.
            globalConcurrentExecutor.enqueue(ExecutorJob(job))
        }
    }

    /// Runs what is queued, then ends the thread and waits for it. Call once, never from the thread itself.
    public func shutdown() {
        queue.state.withLock { $0.closed = true }
        queue.wakeUp.signal()
        thread.join()
    }
}
