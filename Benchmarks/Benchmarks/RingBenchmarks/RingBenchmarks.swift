import AsymRing
import Benchmark
import Foundation
import Synchronization

/// A consumer thread that drains `ring` until it has seen `expected` items.
final class DrainingConsumer: @unchecked Sendable {
    // @unchecked Sendable: `ring` is consumed only by the thread started here.
    let ring: SPSCRing<Int>
    let ready = Atomic<Bool>(false)
    let done = Atomic<Bool>(false)

    init(ring: SPSCRing<Int>, expected: Int) {
        self.ring = ring
        let thread = Thread { [self] in
            ready.store(true, ordering: .releasing)
            var received = 0
            while received < expected {
                if ring.tryPop() != nil { received += 1 }
            }
            done.store(true, ordering: .releasing)
        }
        thread.start()
        while !ready.load(ordering: .acquiring) { usleep(50) }
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .throughput], maxDuration: .seconds(2))

    Benchmark("SPSCRing push+pop, one thread", configuration: .init(scalingFactor: .mega)) { benchmark in
        let ring = SPSCRing<Int>(capacity: 1024)
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations {
            ring.tryPush(index)
            blackHole(ring.tryPop())
        }
    }

    Benchmark("SPSCRing push→pop, two threads", configuration: .init(scalingFactor: .mega)) { benchmark in
        let ring = SPSCRing<Int>(capacity: 4096)
        let consumer = DrainingConsumer(ring: ring, expected: benchmark.scaledIterations.count)
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations {
            while !ring.tryPush(index) {}
        }
        while !consumer.done.load(ordering: .acquiring) {}
        benchmark.stopMeasurement()
    }

    Benchmark("FrameRing push+pop of a 600-byte frame, one thread", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let ring = FrameRing(slotCount: 64, slotSize: 4096)
        let frame = [UInt8](repeating: 0x7b, count: 600)
        benchmark.startMeasurement()
        frame.withUnsafeBytes { bytes in
            for index in benchmark.scaledIterations {
                _ = ring.tryPush(bytes, receiveTime: Int64(index))
                blackHole(ring.front()?.bytes.count)
                ring.popFront()
            }
        }
    }
}
