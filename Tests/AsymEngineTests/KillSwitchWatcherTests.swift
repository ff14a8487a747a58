import AsymCore
import AsymEngine
import AsymRisk
import Foundation
import Testing
import TestSupport

@Suite(.serialized) struct KillSwitchWatcherTests {
    func eventually(_ condition: () -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: 5)
        while !condition() {
            if Date() > deadline { return false }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return true
    }

    @Test func sigusr1PullsTheSwitchAndTheGateHalts() throws {
        let killSwitch = KillSwitch()
        let watcher = KillSwitchWatcher(killSwitch: killSwitch, killFilePath: nil)
        defer { watcher.stop() }
        let limits = try RiskLimits().validated()
        let gate = RiskGate(limits: limits, instruments: [], equity: 1_000, now: 0, killSwitch: killSwitch)
        kill(getpid(), SIGUSR1)  // as `asym kill --pid` does: any thread that does not block it takes it
        #expect(eventually { killSwitch.isEngaged })
        var cancel = OrderIntent(instrument: InstrumentID(0), kind: .cancel, direction: .long, price: 1,
                                 signalCreatedAt: 0, bookUpdatedAt: 0, bestBid: 1, bestAsk: 2)
        cancel.cancelOrderID = 1
        #expect(gate.check(cancel, now: 1).denial == nil)  // cancels still pass
        #expect(gate.state == .halted && gate.cancelAllRequested)
    }

    @Test func aKillFilePullsTheSwitch() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.path("KILL")
            let killSwitch = KillSwitch()
            let watcher = KillSwitchWatcher(killSwitch: killSwitch, killFilePath: path, handlesSignal: false)
            defer { watcher.stop() }
            Thread.sleep(forTimeInterval: 0.05)
            #expect(!killSwitch.isEngaged)
            #expect(FileManager.default.createFile(atPath: path, contents: nil))
            #expect(eventually { killSwitch.isEngaged })
        }
    }
}
