import AsymCore
import AsymVenues

/// Shared set-up for the libFuzzer targets: codecs with a few instruments, one preallocated batch.
///
/// A decode may throw (typed) on any input; what a target checks is that it never traps, never
/// reads out of bounds (AddressSanitizer), keeps counts within capacity, and is deterministic.
enum FuzzTarget {
    static func symbols(_ names: [String]) -> SymbolTable {
        var table = SymbolTable()
        for (index, name) in names.enumerated() {
            table.register(
                symbol: name, instrument: InstrumentID(UInt16(index + 1)),
                priceScale: FixedPointScale(decimals: 4 + index), quantityScale: FixedPointScale(decimals: 3 + index))
        }
        return table
    }

    nonisolated(unsafe) static let batch = FrameBatch(levelCapacity: 1024, tradeCapacity: 1024)
    nonisolated(unsafe) static let second = FrameBatch(levelCapacity: 1024, tradeCapacity: 1024)

    static func check(_ codec: some FrameCodec, _ data: UnsafePointer<UInt8>, _ size: Int) {
        let frame = UnsafeRawBufferPointer(start: data, count: size)
        let first = Result { () throws(DecodeError) in try codec.decode(frame, into: batch) }
        let again = Result { () throws(DecodeError) in try codec.decode(frame, into: second) }
        switch (first, again) {
        case (.success, .success):
            precondition(batch.header.kind == second.header.kind, "non-deterministic kind")
            precondition(batch.header.kind != .none, "success without a kind")
            precondition(batch.bids.count <= batch.levelCapacity && batch.asks.count <= batch.levelCapacity)
            precondition(batch.trades.count <= batch.tradeCapacity)
            precondition(Array(batch.bids) == Array(second.bids) && Array(batch.asks) == Array(second.asks))
            precondition(Array(batch.trades) == Array(second.trades))
            if let range = batch.header.messageRange { precondition(range.upperBound <= size) }
        case let (.failure(a), .failure(b)):
            precondition(a == b, "non-deterministic error")
            precondition(batch.header.kind == .none, "failed decode left a kind")
        default:
            preconditionFailure("non-deterministic result")
        }
    }
}
