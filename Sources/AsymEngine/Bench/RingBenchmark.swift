import AsymCore
import AsymRing
import AsymTransport
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `asym bench ring`: `SPSCRing` push/pop between two pinned threads.
///
/// Throughput: the producer pushes as fast as the consumer pops. Latency: the producer stamps each
/// event and waits for the ring to drain before the next, so the figure is one hand-off between
/// cores, not queueing delay. Baseline: the same protocol over a mutex-protected queue.
enum RingBenchmark {
    struct Event {
        var sentAt: Int64
        var sequence: Int64
        var payload: (Int64, Int64, Int64, Int64, Int64, Int64) = (0, 0, 0, 0, 0, 0)
    }

    /// What the benchmark needs from a queue; generic so both variants are specialised.
    protocol Queue: AnyObject, Sendable {
        func push(_ event: Event) -> Bool
        func pop() -> Event?
        var isEmpty: Bool { get }
    }

    final class LockFreeQueue: Queue, @unchecked Sendable {
        let ring = SPSCRing<Event>(capacity: 4096)
        func push(_ event: Event) -> Bool { ring.tryPush(event) }
        func pop() -> Event? { ring.tryPop() }
        var isEmpty: Bool { ring.isEmpty }
    }

    /// Baseline: a fixed circular buffer behind a `Mutex`.
    final class LockedQueue: Queue, Sendable {
        struct State {
            var slots = [Event](repeating: Event(sentAt: 0, sequence: 0), count: 4096)
            var head = 0
            var count = 0
        }
        let state = Mutex(State())
        func push(_ event: Event) -> Bool {
            state.withLock { state in
                guard state.count < state.slots.count else { return false }
                state.slots[(state.head + state.count) & (state.slots.count - 1)] = event
                state.count += 1
                return true
            }
        }
        func pop() -> Event? {
            state.withLock { state in
                guard state.count > 0 else { return nil }
                let event = state.slots[state.head]
                state.head = (state.head + 1) & (state.slots.count - 1)
                state.count -= 1
                return event
            }
        }
        var isEmpty: Bool { state.withLock { $0.count == 0 } }
    }

    struct Measurement {
        var latency: LatencyPercentiles
        var operationsPerSecond: Double
        var allocationsPerOperation: Double?
    }

    static func run(operations: Int) -> BenchmarkResult {
        let lockFree = measure(LockFreeQueue(), operations: operations)
        let locked = measure(LockedQueue(), operations: operations)
        return BenchmarkResult(
            suite: "ring", subject: "SPSCRing<64-byte event> push→pop across two threads",
            operations: operations, latency: lockFree.latency, operationsPerSecond: lockFree.operationsPerSecond,
            allocationsPerOperation: lockFree.allocationsPerOperation,
            baseline: .init(subject: "Mutex-protected circular buffer", latency: locked.latency,
                            operationsPerSecond: locked.operationsPerSecond,
                            allocationsPerOperation: locked.allocationsPerOperation))
    }

    static func measure<Q: Queue>(_ queue: Q, operations: Int) -> Measurement {
        let throughput = runThreads(queue, operations: operations, paced: false)
        let latencyOperations = min(operations, 1_000_000)
        let latency = runThreads(queue, operations: latencyOperations, paced: true)
        return Measurement(latency: latency.recorder.percentiles(),
                           operationsPerSecond: Double(operations) / (Double(throughput.elapsed) / 1e9),
                           allocationsPerOperation: throughput.allocations.map { Double($0) / Double(operations) })
    }

    /// Shared between the two threads and the coordinating thread.
    final class Run: @unchecked Sendable {
        // @unchecked Sendable: `recorder` is touched only by the consumer until `finished` is set,
        // and read by the coordinator only after observing `finished` with acquire ordering.
        let ready = Atomic<Int>(0)
        let started = Atomic<Bool>(false)
        let finished = Atomic<Bool>(false)
        var recorder: LatencyRecorder
        var elapsed: Int64 = 0
        var allocations: UInt64?
        init(capacity: Int) { recorder = LatencyRecorder(capacity: capacity) }
    }

    static func runThreads<Q: Queue>(_ queue: Q, operations: Int, paced: Bool) -> Run {
        let run = Run(capacity: paced ? operations : 0)
        let producer = NamedThread(name: "bench-producer", pinnedToCore: 0) {
            run.ready.add(1, ordering: .releasing)
            while !run.started.load(ordering: .acquiring) {}
            for sequence in 0..<Int64(operations) {
                let event = Event(sentAt: paced ? MonotonicClock.nanoseconds() : 0, sequence: sequence)
                while !queue.push(event) {}
                if paced { while !queue.isEmpty {} }
            }
        }
        let consumer = NamedThread(name: "bench-consumer", pinnedToCore: 1) {
            run.ready.add(1, ordering: .releasing)
            while !run.started.load(ordering: .acquiring) {}
            var received: Int64 = 0
            while received < operations {
                guard let event = queue.pop() else { continue }
                precondition(event.sequence == received, "ring benchmark saw an out-of-order event")
                if paced { run.recorder.record(MonotonicClock.nanoseconds() - event.sentAt) }
                received += 1
            }
            run.finished.store(true, ordering: .releasing)
        }
        producer.start()
        consumer.start()
        // Thread start-up allocates; count only once both threads are parked at the start line.
        while run.ready.load(ordering: .acquiring) < 2 { usleep(100) }
        let counting = AllocationCounter.isAvailable
        if counting { AllocationCounter.setCounting(true) }
        let allocationsBefore = AllocationCounter.allocations
        let startedAt = MonotonicClock.nanoseconds()
        run.started.store(true, ordering: .releasing)
        // Sleep, don't spin: both cores belong to the producer and the consumer.
        while !run.finished.load(ordering: .acquiring) { usleep(200) }
        run.elapsed = MonotonicClock.nanoseconds() - startedAt
        if counting {
            run.allocations = AllocationCounter.allocations - allocationsBefore
            AllocationCounter.setCounting(false)
        }
        producer.join()
        consumer.join()
        return run
    }
}
