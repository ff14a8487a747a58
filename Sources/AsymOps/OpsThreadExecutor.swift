import AsymTransport
import Foundation

/// Runs the ops server's Swift-concurrency jobs on one dedicated, named OS thread (`asym-ops`).
///
/// `OpsServer.start()` and `stop()` block their caller, which may itself be a thread of Swift's shared pool; if
/// the server's tasks needed that pool, enough blocked callers would starve it for good. With this executor as
/// the server task's preference (SE-0417), its structured child tasks and the default actors they call (the
/// HummingbirdCore `Server`) run here instead. It also keeps scrapes off the pool's threads, and gives the ops
/// server the named thread the engine's other loops have.
///
/// - Complexity: one lock and one signal per job; a scrape is a handful of jobs.
final class OpsThreadExecutor: TaskExecutor, @unchecked Sendable {
    // @unchecked Sendable: `queue` is internally locked; `thread` is set once in init and joined only by `shutdown`.

    /// The job queue shared with the thread; the thread never holds the executor itself.
    private final class JobQueue: @unchecked Sendable {
        // @unchecked Sendable: every field is accessed under `condition`.
        let condition = NSCondition()
        var jobs: [UnownedJob] = []
        var closed = false
        var executor: UnownedTaskExecutor?

        /// Runs jobs until closed and drained.
        func run() {
            while true {
                condition.lock()
                while jobs.isEmpty && !closed { condition.wait() }
                if jobs.isEmpty {
                    condition.unlock()
                    return
                }
                let batch = jobs
                jobs.removeAll(keepingCapacity: true)
                let executor = executor!
                condition.unlock()
                for job in batch { job.runSynchronously(on: executor) }
            }
        }
    }

    private let queue = JobQueue()
    private let thread: NamedThread

    init(threadName: String) {
        let queue = queue
        thread = NamedThread(name: threadName) { queue.run() }
        queue.executor = asUnownedTaskExecutor()
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.condition.lock()
        if queue.closed {
            queue.condition.unlock()
            // A straggler after shutdown (a late continuation resume) still runs, on the global pool.
            globalConcurrentExecutor.enqueue(ExecutorJob(job))
            return
        }
        queue.jobs.append(job)
        queue.condition.signal()
        queue.condition.unlock()
    }

    /// Runs what is queued, then ends the thread and waits for it.
    func shutdown() {
        queue.condition.lock()
        queue.closed = true
        queue.condition.signal()
        queue.condition.unlock()
        thread.join()
    }
}
