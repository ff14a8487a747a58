import AsymRing
import Foundation

/// Real producer and consumer threads over a ring; counts lost, reordered and torn items.
///
/// `ASYM_RING_STRESS_ITEMS=100000000` runs the long version (≥ 100 M items).
enum RingStress {
    struct Report: Sendable {
        var received = 0
        var lost = 0
        var reordered = 0
        var torn = 0
    }

    /// A 64-byte event whose every field derives from its sequence number, so a torn read shows.
    struct StressEvent: Equatable {
        var sequence: UInt64
        var fields: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

        init(_ sequence: UInt64) {
            self.sequence = sequence
            let mixed = sequence &* 0x9E37_79B9_7F4A_7C15
            fields = (mixed, ~mixed, mixed ^ 1, mixed &+ 2, mixed >> 3, mixed << 5, sequence ^ 0xFFFF)
        }

        static func == (lhs: StressEvent, rhs: StressEvent) -> Bool {
            lhs.sequence == rhs.sequence && lhs.fields.0 == rhs.fields.0 && lhs.fields.1 == rhs.fields.1
                && lhs.fields.2 == rhs.fields.2 && lhs.fields.3 == rhs.fields.3 && lhs.fields.4 == rhs.fields.4
                && lhs.fields.5 == rhs.fields.5 && lhs.fields.6 == rhs.fields.6
        }
    }

    static func itemCount(default fallback: Int) -> Int {
        ProcessInfo.processInfo.environment["ASYM_RING_STRESS_ITEMS"].flatMap(Int.init) ?? fallback
    }

    /// Spins, then yields, so two spinning sides cannot starve each other on a 2-core machine.
    static func backOff(_ spins: inout Int) {
        spins += 1
        if spins > 64 { sched_yield() }
    }

    static func runEvents(items: Int, capacity: Int) async -> Report {
        let ring = SPSCRing<StressEvent>(capacity: capacity)
        return await withCheckedContinuation { continuation in
            let producer = Thread {
                for sequence in 0..<UInt64(items) {
                    var spins = 0
                    while !ring.tryPush(StressEvent(sequence)) { backOff(&spins) }
                }
            }
            let consumer = Thread {
                var report = Report()
                var expected: UInt64 = 0
                while report.received < items {
                    var spins = 0
                    var popped = ring.tryPop()
                    while popped == nil { backOff(&spins); popped = ring.tryPop() }
                    let event = popped!
                    if event != StressEvent(event.sequence) { report.torn += 1 }
                    if event.sequence != expected {
                        if event.sequence > expected { report.lost += Int(event.sequence - expected) } else { report.reordered += 1 }
                    }
                    expected = event.sequence + 1
                    report.received += 1
                }
                continuation.resume(returning: report)
            }
            producer.name = "stress-producer"
            consumer.name = "stress-consumer"
            producer.start()
            consumer.start()
        }
    }

    /// Frame `n` has length `n % 997 + 8`: 8 bytes of sequence, then bytes derived from it.
    static func frameBytes(_ sequence: UInt64, into buffer: inout [UInt8]) -> Int {
        let length = Int(sequence % 997) + 8
        withUnsafeBytes(of: sequence.littleEndian) { buffer.replaceSubrange(0..<8, with: $0) }
        for index in 8..<length { buffer[index] = UInt8(truncatingIfNeeded: sequence &+ UInt64(index)) }
        return length
    }

    static func runFrames(frames: Int, slotCount: Int, slotSize: Int) async -> Report {
        let ring = FrameRing(slotCount: slotCount, slotSize: slotSize)
        return await withCheckedContinuation { continuation in
            let producer = Thread {
                var buffer = [UInt8](repeating: 0, count: 1024)
                for sequence in 0..<UInt64(frames) {
                    let length = frameBytes(sequence, into: &buffer)
                    var spins = 0
                    while buffer.withUnsafeBytes({ ring.tryPush(UnsafeRawBufferPointer(rebasing: $0[0..<length]), receiveTime: Int64(sequence)) }) != .pushed {
                        backOff(&spins)
                    }
                }
            }
            let consumer = Thread {
                var report = Report()
                var expected: UInt64 = 0
                var reference = [UInt8](repeating: 0, count: 1024)
                while report.received < frames {
                    var spins = 0
                    var front = ring.front()
                    while front == nil { backOff(&spins); front = ring.front() }
                    let frame = front!
                    let sequence = frame.bytes.loadUnaligned(as: UInt64.self)
                    let length = frameBytes(sequence, into: &reference)
                    if frame.bytes.count != length || !frame.bytes.elementsEqual(reference[0..<length]) || frame.receiveTime != Int64(sequence) {
                        report.torn += 1
                    }
                    if sequence != expected {
                        if sequence > expected { report.lost += Int(sequence - expected) } else { report.reordered += 1 }
                    }
                    expected = sequence + 1
                    report.received += 1
                    ring.popFront()
                }
                continuation.resume(returning: report)
            }
            producer.start()
            consumer.start()
        }
    }
}
