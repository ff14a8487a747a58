import AsymCore
import Testing

/// Checkpoint words: what is written is read back exactly, and damage is a typed error, never a bad value.
@Suite struct CheckpointCodingTests {
    enum Colour: UInt8 { case red = 1, green = 2 }

    @Test func everyValueKindRoundTripsBitForBit() throws {
        var writer = CheckpointWriter(capacity: 16)
        writer.write(UInt64.max)
        writer.write(Int64.min)
        writer.write(-42)
        writer.write(0.1 + 0.2)
        writer.write(true)
        writer.write(InstrumentID(7))
        writer.write(Colour.green)
        writer.write(3)
        var reader = CheckpointReader(words: writer.words)
        #expect(try reader.readUInt64() == .max)
        #expect(try reader.readInt64() == .min)
        #expect(try reader.readInt() == -42)
        #expect(try reader.readDouble().bitPattern == (0.1 + 0.2).bitPattern)
        #expect(try reader.readBool())
        #expect(try reader.readInstrumentID() == InstrumentID(7))
        #expect(try reader.read(Colour.self) == .green)
        #expect(try reader.readCount(maximum: 3) == 3)
        #expect(reader.isAtEnd)
    }

    @Test func resetKeepsTheStorageSoTheNextCheckpointStartsEmpty() {
        var writer = CheckpointWriter(capacity: 4)
        writer.write(1)
        writer.write(2)
        writer.reset()
        writer.write(3)
        #expect(writer.words == [3])
    }

    @Test func readingPastTheEndIsTruncated() {
        var reader = CheckpointReader(words: [1])
        #expect(throws: Never.self) { _ = try reader.readUInt64() }
        #expect(throws: CheckpointError.truncated(at: 1)) { _ = try reader.readUInt64() }
    }

    @Test func anUnknownEnumCaseIsAnInvalidValue() {
        var reader = CheckpointReader(words: [9])
        #expect(throws: CheckpointError.invalidValue(at: 0)) { _ = try reader.read(Colour.self) }
    }

    @Test func aBoolOtherThanZeroOrOneIsAnInvalidValue() {
        var reader = CheckpointReader(words: [2])
        #expect(throws: CheckpointError.invalidValue(at: 0)) { _ = try reader.readBool() }
    }

    @Test func aNaNOrInfinityIsAnInvalidValue() {
        var reader = CheckpointReader(words: [Double.nan.bitPattern, Double.infinity.bitPattern])
        #expect(throws: CheckpointError.invalidValue(at: 0)) { _ = try reader.readDouble() }
        #expect(throws: CheckpointError.invalidValue(at: 1)) { _ = try reader.readDouble() }
    }

    @Test func aCountAboveItsMaximumIsRefusedBeforeAnythingIsAllocated() {
        var reader = CheckpointReader(words: [1 << 40])
        #expect(throws: CheckpointError.countOutOfRange(at: 0, count: 1 << 40, maximum: 100)) {
            _ = try reader.readCount(maximum: 100)
        }
    }

    @Test func anInstrumentIDBeyondSixteenBitsIsAnInvalidValue() {
        var reader = CheckpointReader(words: [70_000])
        #expect(throws: CheckpointError.invalidValue(at: 0)) { _ = try reader.readInstrumentID() }
    }
}
