public import AsymCore

extension JSONByteReader {
    /// Reads an array of `[price, size, …]` levels into one side of `batch`.
    ///
    /// Bybit and Binance send `[px, sz]`; OKX sends `[px, sz, "0", numOrders]` — elements after the
    /// size are skipped. Prices and sizes must be decimal strings at the given scales.
    /// - Complexity: O(bytes of the array); the hot loop of every book frame.
    @inlinable
    public mutating func readLevels(
        into batch: FrameBatch, side: BookSide, priceScale: FixedPointScale, quantityScale: FixedPointScale
    ) throws(DecodeError) {
        try readArrayStart()
        var first = true
        while try readArrayElement(isFirst: &first) {
            try readArrayStart()
            let price = try readTicks(scale: priceScale)
            try expect(UInt8(ascii: ","))
            let quantity = try readTicks(scale: quantityScale)
            while true {
                let next = try readWhitespaceAndGetByte()
                if next == UInt8(ascii: "]") {
                    readerIndex &+= 1
                    depth &-= 1
                    break
                }
                guard next == UInt8(ascii: ",") else { throw .unexpectedByte(next, offset: readerIndex) }
                readerIndex &+= 1
                try skipValue()
            }
            try batch.append(BookLevel(price: Price(ticks: price), quantity: Quantity(lots: quantity)), to: side)
        }
    }
}
