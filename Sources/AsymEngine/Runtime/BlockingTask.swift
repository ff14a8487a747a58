import Foundation
import Synchronization

/// Runs async set-up work (starting the loopback analysts' server) from the thread-based engine's synchronous
/// start-up code, waiting for it on the calling thread. Never used on the engine thread.
enum BlockingTask {
    static func run<Result: Sendable>(_ body: @escaping @Sendable () async throws -> Result) throws -> Result {
        let outcome = Mutex<Swift.Result<Result, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                let value = try await body()
                outcome.withLock { $0 = .success(value) }
            } catch {
                outcome.withLock { $0 = .failure(error) }
            }
            done.signal()
        }
        done.wait()
        return try outcome.withLock { $0! }.get()
    }
}
