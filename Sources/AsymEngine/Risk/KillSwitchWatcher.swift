public import AsymRisk
import AsymTransport
import Foundation
import Synchronization

/// Set by the SIGUSR1 handler: one atomic store, which is async-signal-safe (no allocation, no lock,
/// no reference counting); the watcher thread turns it into `KillSwitch.engage()`.
private let killSignalReceived = Atomic<Bool>(false)

/// Pulls the kill switch from outside the engine: SIGUSR1, or a kill file appearing.
///
/// A named thread polls both every `pollInterval` and engages the shared `KillSwitch`; the gate
/// sees it on its next check (one atomic load), moves to HALTED and requests cancel-all.
/// The control API (`POST /kill`) and the CLI (`asym kill`) reach the same switch.
public final class KillSwitchWatcher: Sendable {
    /// The switch this watcher pulls.
    public let killSwitch: KillSwitch
    /// A file whose existence pulls the switch (nil: not watched).
    public let killFilePath: String?
    /// Shared with the thread, which must not retain the watcher (its deinit stops the thread).
    private final class RunFlag: Sendable {
        let value = Atomic<Bool>(true)
    }

    private let running = RunFlag()
    private let thread: NamedThread

    /// Starts watching; `handlesSignal` installs the SIGUSR1 handler (process-wide).
    public init(killSwitch: KillSwitch, killFilePath: String?, handlesSignal: Bool = true,
                pollInterval: Duration = .milliseconds(10)) {
        self.killSwitch = killSwitch
        self.killFilePath = killFilePath
        if handlesSignal {
            signal(SIGUSR1) { _ in killSignalReceived.store(true, ordering: .releasing) }
        }
        let running = running
        let microseconds = UInt32(pollInterval.components.attoseconds / 1_000_000_000_000)
            + UInt32(pollInterval.components.seconds) * 1_000_000
        thread = NamedThread(name: "asym-kill-watch") { [killSwitch, killFilePath] in
            while running.value.load(ordering: .acquiring) {
                if killSignalReceived.exchange(false, ordering: .acquiringAndReleasing) { killSwitch.engage() }
                if let killFilePath, FileManager.default.fileExists(atPath: killFilePath) { killSwitch.engage() }
                usleep(max(1_000, microseconds))
            }
        }
        thread.start()
    }

    /// Stops the watcher thread.
    public func stop() {
        running.value.store(false, ordering: .releasing)
        thread.join()
    }

    deinit { stop() }
}
