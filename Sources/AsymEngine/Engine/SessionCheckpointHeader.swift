import AsymCore

/// The first words of a session checkpoint: where the session stood in its source when it was written.
struct SessionCheckpointHeader: Equatable, Sendable {
    /// Layout version of the whole checkpoint.
    static let formatVersion: UInt64 = 1

    /// Frames consumed (for a recording: lines read), and the receive time of the last one (ns).
    var frames: Int64
    var receiveTime: Int64
    /// The checkpoint's number.
    var number: UInt64
    var instrumentCount: Int

    init(frames: Int64, receiveTime: Int64, number: UInt64, instrumentCount: Int) {
        self.frames = frames
        self.receiveTime = receiveTime
        self.number = number
        self.instrumentCount = instrumentCount
    }

    init(from reader: inout CheckpointReader) throws(CheckpointError) {
        let version = try reader.readUInt64()
        guard version == Self.formatVersion else {
            throw .shapeMismatch(what: "session checkpoint version", expected: Int(Self.formatVersion), found: Int(version))
        }
        frames = try reader.readInt64()
        receiveTime = try reader.readInt64()
        number = try reader.readUInt64()
        instrumentCount = try reader.readCount(maximum: Int(UInt16.max) + 1)
    }

    func write(into writer: inout CheckpointWriter) {
        writer.write(Self.formatVersion)
        writer.write(frames)
        writer.write(receiveTime)
        writer.write(number)
        writer.write(instrumentCount)
    }
}
