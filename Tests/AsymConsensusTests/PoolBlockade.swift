import AsymTransport
import Dispatch
import Foundation
import Synchronization

/// Holds every thread of Swift's shared pool with blocking work (one task per core) while a probe runs on a
/// thread of its own, and tells whether the probe finished while the pool was still held.
final class PoolBlockade: Sendable {
    /// Two blockades at once would each hold part of the pool and wait for the rest until their fail-safe.
    private static let oneAtATime = DispatchSemaphore(value: 1)
    /// Long enough for the other tests' pool work to end; a blockade never holds the pool longer.
    private static let failSafeSeconds = 30.0

    private let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
    private let held = Mutex((now: 0, left: 0))
    private let release = OneShot<Void>()

    /// Runs `probe` on a plain thread once every pool thread is held; returns its value and whether the pool was
    /// held throughout.
    static func run<Value: Sendable>(_ probe: @escaping @Sendable () -> Value) async -> (value: Value, whileHeld: Bool) {
        let outcome = OneShot<(value: Value, whileHeld: Bool)>()
        let thread = NamedThread(name: "pool-blockade") {
            oneAtATime.wait()
            let blockade = PoolBlockade()
            blockade.start()
            let allStarted = blockade.waitUntilHeld()
            let value = probe()
            let whileHeld = allStarted && blockade.allHeld
            blockade.release.fulfil(())
            oneAtATime.signal()
            outcome.fulfil((value, whileHeld))
        }
        thread.start()
        let result = await outcome.value
        thread.join()
        return result
    }

    private func start() {
        for _ in 0..<width {
            Task.detached {
                self.held.withLock { $0.now += 1 }
                _ = self.release.wait(timeoutSeconds: Self.failSafeSeconds)
                self.held.withLock { $0.left += 1 }
            }
        }
    }

    /// Waits (on the probe's thread) until every blocking task runs at once; false after the fail-safe.
    private func waitUntilHeld() -> Bool {
        let deadline = DispatchTime.now() + Self.failSafeSeconds
        while held.withLock({ $0.now }) < width {
            if DispatchTime.now() > deadline { return false }
            usleep(1_000)
        }
        return true
    }

    private var allHeld: Bool { held.withLock { $0.now == width && $0.left == 0 } }
}
