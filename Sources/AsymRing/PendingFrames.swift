public import AsymCore

/// Raw book frames held until a snapshot arrives (Binance's documented local-book procedure).
///
/// One preallocated byte arena and a fixed table of entries: holding a frame copies it and never
/// allocates. Full means full: the caller counts an overflow and waits for a fresh snapshot.
public struct PendingFrames {
    @usableFromInline var arena: [UInt8]
    @usableFromInline var entries: [(instrument: InstrumentID, start: Int, count: Int, receiveTime: Int64)]
    @usableFromInline var used = 0
    @usableFromInline var entryCount = 0

    /// Room for `frames` frames totalling `bytes` bytes.
    public init(bytes: Int = 4 << 20, frames: Int = 4096) {
        arena = [UInt8](repeating: 0, count: bytes)
        entries = Array(repeating: (InstrumentID(0), 0, 0, 0), count: frames)
    }

    /// Copies `frame`; false when there is no room.
    @inlinable
    public mutating func hold(_ frame: UnsafeRawBufferPointer, instrument: InstrumentID, receiveTime: Int64) -> Bool {
        guard entryCount < entries.count, used + frame.count <= arena.count else { return false }
        arena.withUnsafeMutableBytes { arena in
            // Safety: bounds checked above; `frame` is only read during the call.
            UnsafeMutableRawBufferPointer(rebasing: arena[used..<(used + frame.count)]).copyMemory(from: frame)
        }
        entries[entryCount] = (instrument, used, frame.count, receiveTime)
        entryCount += 1
        used += frame.count
        return true
    }

    /// Hands every held frame of `instrument` to `body`, oldest first, and forgets them.
    ///
    /// Frames of other instruments stay held, compacted to the front.
    @inlinable
    public mutating func drain(_ instrument: InstrumentID, _ body: (UnsafeRawBufferPointer, Int64) -> Void) {
        var kept = 0
        var keptBytes = 0
        arena.withUnsafeMutableBytes { arena in
            for index in 0..<entryCount {
                let entry = entries[index]
                // Safety: every entry lies inside the arena by construction in `hold`.
                let bytes = UnsafeRawBufferPointer(rebasing: arena[entry.start..<(entry.start + entry.count)])
                if entry.instrument == instrument {
                    body(bytes, entry.receiveTime)
                } else {
                    if entry.start != keptBytes {
                        arena.baseAddress!.advanced(by: keptBytes)
                            .copyMemory(from: bytes.baseAddress!, byteCount: entry.count)
                    }
                    entries[kept] = (entry.instrument, keptBytes, entry.count, entry.receiveTime)
                    kept += 1
                    keptBytes += entry.count
                }
            }
        }
        entryCount = kept
        used = keptBytes
    }

    /// Forgets every held frame of `instrument`.
    @inlinable
    public mutating func discard(_ instrument: InstrumentID) { drain(instrument) { _, _ in } }

    /// Frames held.
    public var count: Int { entryCount }
}
