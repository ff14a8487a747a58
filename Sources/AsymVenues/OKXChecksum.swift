public import AsymCore

/// OKX's order-book checksum: a signed CRC-32 (IEEE) over the top 25 levels of the book after a push.
///
/// Algorithm from www.okx.com/docs-v5/en "WS / Order book channel" → Checksum (PROTOCOLS.md §3):
/// interleave `bid1px:bid1sz:ask1px:ask1sz:bid2px:…` over the first 25 levels of each side, skip the
/// missing entries of a shorter side, and take the CRC-32 as an `Int32`. OKX hashes the decimal
/// strings exactly as sent; OKX sends them without padding (`"8476.98"`, `"415"`), so the text is
/// rebuilt from ticks with the fewest digits (no trailing fractional zeros, no trailing dot).
/// Since 2026-06-23 OKX always sends 0 (G2); `verify` accepts 0 as "not checked".
///
/// Pure Swift with a 1 KiB table, because AsymVenues may not import the transport module's zlib CRC.
/// - Complexity: O(50 levels × digits); no allocation.
public enum OKXChecksum {
    /// Number of levels per side that the checksum covers.
    public static let levelsPerSide = 25

    /// CRC-32 lookup table for the reflected IEEE polynomial 0xEDB88320.
    @usableFromInline
    static let table: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 {
            crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
        }
        return crc
    }

    /// The signed CRC-32 of `bytes` (e.g. a documented check string such as `3366.1:7:3366.8:9`).
    public static func checksum(of bytes: some Sequence<UInt8>) -> Int32 {
        var state = Accumulator()
        for byte in bytes { state.add(byte) }
        return state.value
    }

    /// The checksum of a book whose sides are given best-first (only the first 25 of each are read).
    @inlinable
    public static func checksum<Bids: Sequence, Asks: Sequence>(
        bids: Bids, asks: Asks, priceScale: FixedPointScale, quantityScale: FixedPointScale
    ) -> Int32 where Bids.Element == BookLevel, Asks.Element == BookLevel {
        var state = Accumulator()
        var bidIterator = bids.makeIterator()
        var askIterator = asks.makeIterator()
        var wroteAny = false
        for _ in 0..<levelsPerSide {
            let bid = bidIterator.next()
            let ask = askIterator.next()
            if bid == nil && ask == nil { break }
            if let bid {
                state.add(bid, separated: wroteAny, priceScale: priceScale, quantityScale: quantityScale)
                wroteAny = true
            }
            if let ask {
                state.add(ask, separated: wroteAny, priceScale: priceScale, quantityScale: quantityScale)
                wroteAny = true
            }
        }
        return state.value
    }

    /// Checks a pushed checksum against the book it describes; nil or 0 (deprecated field) pass.
    @inlinable
    public static func verify<Bids: Sequence, Asks: Sequence>(
        _ expected: Int32?, bids: Bids, asks: Asks, priceScale: FixedPointScale, quantityScale: FixedPointScale
    ) throws(DecodeError) where Bids.Element == BookLevel, Asks.Element == BookLevel {
        guard let expected, expected != 0 else { return }
        let computed = checksum(bids: bids, asks: asks, priceScale: priceScale, quantityScale: quantityScale)
        guard computed == expected else { throw .checksumMismatch(expected: expected, computed: computed) }
    }

    /// Running CRC-32 state fed byte by byte, so no check string is ever materialised.
    @usableFromInline
    struct Accumulator {
        @usableFromInline var crc: UInt32 = 0xFFFF_FFFF

        @inlinable
        init() {}

        @inlinable
        mutating func add(_ byte: UInt8) {
            crc = OKXChecksum.table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }

        @inlinable
        var value: Int32 { Int32(bitPattern: crc ^ 0xFFFF_FFFF) }

        /// Feeds `[:]price:size` of one level.
        @inlinable
        mutating func add(_ level: BookLevel, separated: Bool, priceScale: FixedPointScale, quantityScale: FixedPointScale) {
            if separated { add(UInt8(ascii: ":")) }
            addMinimalDecimal(ticks: level.price.ticks, scale: priceScale)
            add(UInt8(ascii: ":"))
            addMinimalDecimal(ticks: level.quantity.lots, scale: quantityScale)
        }

        /// Feeds the shortest decimal text of `ticks` at `scale`: `8476.98`, `415`, `0.5`.
        @inlinable
        mutating func addMinimalDecimal(ticks: Int64, scale: FixedPointScale) {
            let units = ticks.multipliedReportingOverflow(by: scale.step).partialValue
            let magnitude = units.magnitude
            if units < 0 { add(UInt8(ascii: "-")) }
            var unitsPerWhole: UInt64 = 1
            for _ in 0..<scale.decimals { unitsPerWhole &*= 10 }
            let whole = magnitude / unitsPerWhole
            var fraction = magnitude % unitsPerWhole
            addDigits(whole, minimumDigits: 1)
            guard fraction != 0 else { return }
            var fractionDigits = scale.decimals
            while fraction % 10 == 0 {
                fraction /= 10
                fractionDigits -= 1
            }
            add(UInt8(ascii: "."))
            addDigits(fraction, minimumDigits: fractionDigits)
        }

        /// Feeds `value` in decimal, left-padded with zeros to `minimumDigits`.
        @inlinable
        mutating func addDigits(_ value: UInt64, minimumDigits: Int) {
            var divisor: UInt64 = 1
            var digits = 1
            while digits < minimumDigits || value / divisor >= 10 {
                divisor &*= 10
                digits += 1
            }
            while divisor > 0 {
                add(UInt8(ascii: "0") &+ UInt8((value / divisor) % 10))
                divisor /= 10
            }
        }
    }
}
