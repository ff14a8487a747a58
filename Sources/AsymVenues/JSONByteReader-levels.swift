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
        while true {
            readPlainLevelRun(
                into: batch, side: side, priceScale: priceScale, quantityScale: quantityScale, isFirst: &first)
            guard try readArrayElement(isFirst: &first) else { break }
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

    /// Reads the levels that follow while they are plain (`["price","size"]` joined by bare commas),
    /// writing them straight into the batch's storage; stops, reader before the `,` or element, at
    /// anything else or when the side is full, for `readArrayElement` and the general path to go on.
    @inlinable
    mutating func readPlainLevelRun(
        into batch: FrameBatch, side: BookSide, priceScale: FixedPointScale, quantityScale: FixedPointScale,
        isFirst: inout Bool
    ) {
        switch side {
        case .bid:
            let count = batch.bidCount
            // Safety: the buffer is only written below `levels.count` and does not escape the closure.
            batch.bidCount = batch.bidStorage.withUnsafeMutableBufferPointer { levels in
                readPlainLevels(into: levels, from: count, priceScale: priceScale, quantityScale: quantityScale,
                                isFirst: &isFirst)
            }
        case .ask:
            let count = batch.askCount
            // Safety: as for bids.
            batch.askCount = batch.askStorage.withUnsafeMutableBufferPointer { levels in
                readPlainLevels(into: levels, from: count, priceScale: priceScale, quantityScale: quantityScale,
                                isFirst: &isFirst)
            }
        }
    }

    /// The loop of `readPlainLevelRun`: one uniqueness check per run instead of one per level.
    /// Returns the new level count.
    @inlinable @inline(__always)
    mutating func readPlainLevels(
        into levels: UnsafeMutableBufferPointer<BookLevel>, from count: Int, priceScale: FixedPointScale,
        quantityScale: FixedPointScale, isFirst: inout Bool
    ) -> Int {
        var count = count
        while count < levels.count {
            let start = readerIndex
            if !isFirst {
                guard start < bytes.count, byte(start) == UInt8(ascii: ",") else { break }
                readerIndex = start &+ 1
            }
            guard let (level, end) = readPlainLevel(priceScale: priceScale, quantityScale: quantityScale) else {
                readerIndex = start
                break
            }
            readerIndex = end
            // Safety: `count < levels.count` (loop condition).
            levels[count] = level
            count &+= 1
            isFirst = false
        }
        return count
    }

    /// The usual level at the reader, `["price","size"]` with no whitespace and both decimals plain
    /// (see `getPlainTicks`), and the offset after it; OKX's trailing `"0","orders"` elements are
    /// skipped when they are short plain strings. Nil otherwise: the general path then reads the
    /// same bytes, with the same result or error.
    @inlinable @inline(__always)
    func readPlainLevel(priceScale: FixedPointScale, quantityScale: FixedPointScale) -> (BookLevel, end: Int)? {
        let start = readerIndex
        // `depth < maximumDepth`: the general path would reject the inner array as too deep.
        guard depth < maximumDepth, start &+ 2 <= bytes.count,
            byte(start) == UInt8(ascii: "["), byte(start &+ 1) == UInt8(ascii: "\""),
            let price = getPlainTicks(at: start &+ 2, scale: priceScale)
        else { return nil }
        let second = price.end
        guard second &+ 2 <= bytes.count,
            byte(second) == UInt8(ascii: ","), byte(second &+ 1) == UInt8(ascii: "\""),
            let size = getPlainTicks(at: second &+ 2, scale: quantityScale)
        else { return nil }
        var close = size.end
        while close &+ 10 <= bytes.count && byte(close) == UInt8(ascii: ",")
            && byte(close &+ 1) == UInt8(ascii: "\"")
        {
            // A string of up to 7 bytes with no escape or control byte: exactly what `skipValue` accepts.
            let quote = Self.quoteBackslashOrControl(word(close &+ 2)).trailingZeroBitCount &>> 3
            guard quote != 8, byte(close &+ 2 &+ quote) == UInt8(ascii: "\"") else { return nil }
            close &+= 3 &+ quote
        }
        guard close < bytes.count, byte(close) == UInt8(ascii: "]") else { return nil }
        return (BookLevel(price: Price(ticks: price.ticks), quantity: Quantity(lots: size.ticks)), close &+ 1)
    }
}
