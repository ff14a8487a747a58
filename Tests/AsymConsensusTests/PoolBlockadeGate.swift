import Foundation

/// Tests that block every thread of Swift's shared pool only prove something when nothing else runs: inside a
/// full parallel run the other suites hold pool threads, the blockade cannot take them all in time, and the test
/// measures the machine instead of the code. `scripts/test` runs them on their own, after the suite, with
/// `ASYM_POOL_BLOCKADE_TESTS=1`.
enum PoolBlockadeGate {
    static var isolated: Bool { ProcessInfo.processInfo.environment["ASYM_POOL_BLOCKADE_TESTS"] != nil }
}
