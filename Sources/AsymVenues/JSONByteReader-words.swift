/// Word-at-a-time (SWAR) helpers behind the reader's fast paths: short decimals, packed keys, hex.
///
/// Every fast path here accepts a strict subset of what the byte-by-byte path accepts and returns
/// nil for anything else, so callers fall back to the exact path and behaviour never changes.
extension JSONByteReader {
    /// 0x80 in every byte of `word` that is not an ASCII digit, exactly (no borrow between bytes,
    /// unlike the haszero trick, because each byte is masked to 7 bits before the add).
    @inlinable @inline(__always)
    static func nonDigitBytes(_ word: UInt64) -> UInt64 {
        let highs: UInt64 = 0x8080_8080_8080_8080
        let offset = word ^ 0x3030_3030_3030_3030  // digits become 0...9
        // (offset & 0x7F) + 0x76 reaches 0x80 exactly when the low 7 bits are >= 10.
        return (((offset & ~highs) &+ 0x7676_7676_7676_7676) | offset) & highs
    }

    /// 10^`exponent` for `exponent` in 0...7.
    @inlinable @inline(__always)
    static func powerOfTen(_ exponent: Int) -> UInt64 {
        switch exponent {
        case 0: 1
        case 1: 10
        case 2: 100
        case 3: 1_000
        case 4: 10_000
        case 5: 100_000
        case 6: 1_000_000
        default: 10_000_000
        }
    }

    /// Low `count` bytes set, for `count` in 0...7.
    @inlinable @inline(__always)
    static func lowBytes(_ count: Int) -> UInt64 {
        (1 &<< UInt64(truncatingIfNeeded: count &* 8)) &- 1
    }

    /// A decimal string body `digits[.digits]"` held within the 8 bytes of `word` (first byte low),
    /// at `decimals` fractional digits: its value in units of 10^-decimals and the offset of the
    /// closing quote. Nil for anything else (longer text, no leading digit, more fractional digits
    /// than `decimals`, more than 18 digits after scaling): the byte loop handles those.
    ///
    /// The quote offset comes from the quote test alone, so whatever the caller reads next does not
    /// wait for the digit checks (they only choose between this result and nil). The digits are
    /// gathered around the point into one word and converted with Lemire's eight-digit multiply
    /// ("Fast numeric parsing", 2018); simdjson uses the same conversion (Langdale & Lemire,
    /// "Parsing Gigabytes of JSON per Second", VLDB Journal 2019).
    @inlinable @inline(__always)
    static func shortDecimal(_ word: UInt64, decimals: Int) -> (units: Int64, quote: Int)? {
        let quote = firstQuote(word)  // 8 when none
        guard quote != 0 && quote != 8 else { return nil }
        let stops = nonDigitBytes(word) & lowBytes(quote)  // non-digits before the quote
        var digits = word & lowBytes(quote)
        var count = quote
        var fraction = 0
        if stops != 0 {
            // Exactly one non-digit, a point after at least one digit.
            let point = stops.trailingZeroBitCount &>> 3
            guard point != 0, stops & (stops &- 1) == 0,
                UInt8(truncatingIfNeeded: word &>> UInt64(point &* 8)) == UInt8(ascii: ".")
            else { return nil }
            fraction = quote &- point &- 1
            let fractionDigits = (word &>> UInt64((point &+ 1) &* 8)) & lowBytes(fraction)
            digits = word & lowBytes(point) | fractionDigits &<< UInt64(point &* 8)
            count = quote &- 1
        }
        guard fraction <= decimals, count &+ (decimals &- fraction) <= 18 else { return nil }
        // Right-align the digits; the empty low bytes read as leading zeros (the parse masks to 4 bits).
        var units = Int64(truncatingIfNeeded: parseEightDigits(digits &<< UInt64((8 &- count) &* 8)))
        var missing = decimals &- fraction
        while missing > 0 {
            units = units &* 10
            missing &-= 1
        }
        return (units, quote)
    }

    /// The offset of the first `"` in `word` (first byte low), 8 when there is none. The lowest
    /// byte flagged by the haszero trick is exact (Anderson, "Bit Twiddling Hacks").
    @inlinable @inline(__always)
    static func firstQuote(_ word: UInt64) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quotes = word ^ (ones &* 0x22)
        return ((quotes &- ones) & ~quotes & (ones &* 0x80)).trailingZeroBitCount &>> 3
    }

    /// The key text in `range` packed into a word (first byte lowest), or 0 when it is empty or
    /// longer than 8 bytes; compare with `packed(_:)` constants instead of byte-by-byte literals.
    @inlinable @inline(__always)
    public func getPackedKey(_ range: Range<Int>) -> UInt64 {
        let length = range.count
        guard length > 0 && length <= 8 && range.lowerBound >= 0 && range.upperBound <= bytes.count else { return 0 }
        if range.lowerBound &+ 8 <= bytes.count {
            let shift = UInt64(truncatingIfNeeded: (8 &- length) &* 8)
            return (word(range.lowerBound) &<< shift) &>> shift
        }
        var value: UInt64 = 0
        var index = range.upperBound
        while index > range.lowerBound {
            index &-= 1
            value = value &<< 8 | UInt64(byte(index))
        }
        return value
    }

    /// `readMemberKey`, with the key packed as by `getPackedKey` (0 for an empty key or one longer
    /// than 8 bytes: it matches no `packed(_:)` constant).
    ///
    /// Fast path for the usual `,"key":` (no whitespace, key of 1–7 plain bytes) in one word load;
    /// anything else goes through `readMemberKey`, which accepts or rejects exactly as before.
    @inlinable @inline(__always)
    public mutating func readPackedMemberKey(isFirst: inout Bool) throws(DecodeError) -> UInt64? {
        if let key = readPlainKey(afterComma: !isFirst) {
            isFirst = false
            return key
        }
        guard let key = try readMemberKey(isFirst: &isFirst) else { return nil }
        return getPackedKey(key)
    }

    /// `readPackedMemberKey`, first checking for `expected` (a `packed(_:)` key of 1–5 bytes, or 0
    /// for no guess) with one compare.
    ///
    /// A codec passes the key its venue usually sends next. When the guess is right, the reader
    /// advances by the guessed key's length: the next read no longer waits for the scan that finds
    /// the key's closing quote, which is otherwise on the critical path of every key. A wrong guess
    /// only costs the compare; the result is the same either way.
    @inlinable @inline(always)
    public mutating func readPackedMemberKey(isFirst: inout Bool, expecting expected: UInt64) throws(DecodeError)
        -> UInt64?
    {
        if readExpectedKey(expected, afterComma: !isFirst) {
            isFirst = false
            return expected
        }
        return try readPackedMemberKey(isFirst: &isFirst)
    }

    /// Consumes `"expected":` (after a `,` unless first) and returns true if it comes next verbatim.
    @inlinable @inline(__always)
    mutating func readExpectedKey(_ expected: UInt64, afterComma: Bool) -> Bool {
        let keyLength = (71 &- expected.leadingZeroBitCount) &>> 3  // 0 for no guess
        let start = afterComma ? readerIndex &+ 1 : readerIndex
        guard keyLength != 0 && keyLength <= 5, start &+ 8 <= bytes.count,
            !afterComma || byte(readerIndex) == UInt8(ascii: ",")
        else { return false }
        // `"key":` as it sits in memory, first byte lowest: quote, key, then quote and colon (0x3A22).
        let keyBits = UInt64(truncatingIfNeeded: keyLength &* 8)
        let pattern = 0x22 | expected &<< 8 | 0x3A22 &<< (keyBits &+ 8)
        let mask = UInt64.max &>> (40 &- keyBits)  // the key's length + 3 bytes
        guard word(start) & mask == pattern else { return false }
        readerIndex = start &+ keyLength &+ 3
        return true
    }

    /// `"key":` (after a `,` unless first) of 1–7 bytes without quote, backslash or control byte,
    /// packed; nil, with the reader unmoved, for anything else.
    @inlinable @inline(__always)
    mutating func readPlainKey(afterComma: Bool) -> UInt64? {
        let start = afterComma ? readerIndex &+ 1 : readerIndex
        guard start &+ 10 <= bytes.count, byte(start) == UInt8(ascii: "\""),
            !afterComma || byte(readerIndex) == UInt8(ascii: ",")
        else { return nil }
        let text = word(start &+ 1)
        let quote = Self.quoteBackslashOrControl(text).trailingZeroBitCount &>> 3
        guard quote != 0 && quote != 8, byte(start &+ 1 &+ quote) == UInt8(ascii: "\""),
            byte(start &+ 2 &+ quote) == UInt8(ascii: ":")
        else { return nil }
        readerIndex = start &+ 3 &+ quote
        return text & Self.lowBytes(quote)
    }

    /// `text` (1–8 bytes) packed like `getPackedKey`; folds to a constant for a literal.
    @inlinable @inline(__always)
    public static func packed(_ text: StaticString) -> UInt64 {
        let length = text.utf8CodeUnitCount
        precondition(length > 0 && length <= 8, "packed keys are 1-8 bytes")
        var value: UInt64 = 0
        var offset = length
        while offset > 0 {
            offset &-= 1
            // Safety: `offset < utf8CodeUnitCount`, inside the literal's static storage.
            value = value &<< 8 | UInt64(text.utf8Start[offset])
        }
        return value
    }

    /// 0x80 in every byte of `word` whose low seven bits lie in `lower...upper` (7-bit lanes, so
    /// the adds never carry between bytes; Anderson's "Bit Twiddling Hacks", hasbetween).
    @inlinable @inline(__always)
    static func bytesBetween(_ word: UInt64, _ lower: UInt8, _ upper: UInt8) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let lanes = word & ~highs
        let atLeastLower = lanes &+ ones &* UInt64(0x80 &- lower)
        let aboveUpper = lanes &+ ones &* UInt64(0x7F &- upper)
        return atLeastLower & ~aboveUpper & highs
    }

    /// The value of eight hex digits (first most significant), or nil when any byte is not one.
    @inlinable @inline(__always)
    static func parseEightHexDigits(_ word: UInt64) -> UInt64? {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let isDigit = bytesBetween(word, UInt8(ascii: "0"), UInt8(ascii: "9"))
        let isLetter = bytesBetween(word | ones &* 0x20, UInt8(ascii: "a"), UInt8(ascii: "f"))
        guard (isDigit | isLetter) & ~word == highs else { return nil }
        // A nibble per byte: digits keep their low 4 bits; letters a-f (A-F) have 1-6 there, plus 9.
        let nibbles = (word & (ones &* 0x0F)) &+ (isLetter &>> 7) &* 9
        // Merge neighbours: bytes, then 16-bit, then 32-bit lanes, the lower address most significant.
        var value = ((nibbles &<< 4) | (nibbles &>> 8)) & 0x00FF_00FF_00FF_00FF
        value = ((value &<< 8) | (value &>> 16)) & 0x0000_FFFF_0000_FFFF
        return ((value &<< 16) | (value &>> 32)) & 0x0000_0000_FFFF_FFFF
    }
}
