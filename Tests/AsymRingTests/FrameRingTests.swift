@_spi(Testing) import AsymRing
import Testing

@Suite struct FrameRingTests {
    @Test func deliversFramesWithHeaderAndBytes() {
        let ring = FrameRing(slotCount: 4, slotSize: 256)
        let text = Array(#"{"topic":"orderbook.50.BTCUSDT"}"#.utf8)
        #expect(text.withUnsafeBytes { ring.tryPush($0, receiveTime: 42, tag: 3) } == .pushed)
        let frame = try! #require(ring.front())
        #expect(Array(frame.bytes) == text)
        #expect(frame.receiveTime == 42)
        #expect(frame.tag == 3)
        ring.popFront()
        #expect(ring.front() == nil)
    }

    @Test func refusesAndCountsFrameLargerThanSlot() {
        let ring = FrameRing(slotCount: 4, slotSize: 128)
        let exact = [UInt8](repeating: 1, count: ring.maxFrameLength)
        let tooBig = [UInt8](repeating: 1, count: ring.maxFrameLength + 1)
        #expect(exact.withUnsafeBytes { ring.tryPush($0, receiveTime: 0) } == .pushed)
        #expect(tooBig.withUnsafeBytes { ring.tryPush($0, receiveTime: 0) } == .tooLarge)
        #expect(ring.oversizedFrames == 1)
        #expect(ring.count == 1)
    }

    @Test func refusesAndCountsPushWhenFull() {
        let ring = FrameRing(slotCount: 2, slotSize: 128)
        let bytes: [UInt8] = [1, 2, 3]
        #expect(bytes.withUnsafeBytes { ring.tryPush($0, receiveTime: 0) } == .pushed)
        #expect(bytes.withUnsafeBytes { ring.tryPush($0, receiveTime: 0) } == .pushed)
        #expect(bytes.withUnsafeBytes { ring.tryPush($0, receiveTime: 0) } == .full)
        #expect(ring.claim() == nil)
        #expect(ring.fullRejections == 2)
    }

    @Test func emptyFrameIsDeliveredAsEmpty() {
        let ring = FrameRing(slotCount: 2, slotSize: 128)
        #expect(ring.tryPush(UnsafeRawBufferPointer(start: nil, count: 0), receiveTime: 9) == .pushed)
        #expect(ring.front()?.bytes.count == 0)
    }

    @Test func claimAndPublishWriteInPlace() {
        let ring = FrameRing(slotCount: 2, slotSize: 128)
        let buffer = try! #require(ring.claim())
        buffer.copyBytes(from: [9, 8, 7])
        ring.publish(length: 3, receiveTime: 5, tag: 1)
        #expect(Array(ring.front()!.bytes) == [9, 8, 7])
    }

    @Test func wrapsAroundIndexOverflowWithoutLosingOrder() {
        let ring = FrameRing(slotCount: 4, slotSize: 128, startingIndex: Int.max - 3)
        for round in 0..<20 {
            for index in 0..<3 {
                let value = UInt8(truncatingIfNeeded: round * 3 + index)
                #expect([value, value].withUnsafeBytes { ring.tryPush($0, receiveTime: Int64(value)) } == .pushed)
            }
            for index in 0..<3 {
                let frame = try! #require(ring.front())
                #expect(Array(frame.bytes) == [UInt8](repeating: UInt8(truncatingIfNeeded: round * 3 + index), count: 2))
                ring.popFront()
            }
        }
    }

    @Test func twoThreadStressLosesReordersAndTearsNoFrame() async {
        let frames = RingStress.itemCount(default: 300_000) / 4
        let report = await RingStress.runFrames(frames: frames, slotCount: 256, slotSize: 4096)
        #expect(report.received == frames)
        #expect(report.lost == 0)
        #expect(report.reordered == 0)
        #expect(report.torn == 0)
    }
}
