public import AsymCore

/// A forward-only, allocation-free JSON scanner over one received frame.
///
/// Codecs walk a frame with it the way a hand-written parser would: `readObjectStart`, then
/// `readMemberKey` in a loop, dispatching on the key and `skipValue` for anything unknown. Strings
/// come back as byte ranges into the frame (never `String`s); prices and sizes are parsed straight
/// from those ranges into ticks. Following swift-nio, `read*` advances `readerIndex` and `get*(at:)`
/// only looks.
///
/// This is the only type in AsymVenues that touches unsafe pointers. Every read is checked
/// against the frame's end, nesting is capped at `maximumDepth`, and anything malformed throws
/// a `DecodeError` instead of trapping — frames are untrusted network input.
///
/// The frame must stay alive and unchanged while the reader (or any range it returned) is used.
/// - Complexity: every method is O(bytes consumed); nothing allocates.
public struct JSONByteReader {
    /// Safety: the caller guarantees the buffer outlives the reader (see type documentation).
    @usableFromInline let bytes: UnsafeRawBufferPointer
    /// Offset of the next unread byte.
    public var readerIndex: Int
    /// Containers currently open through `readObjectStart`/`readArrayStart`.
    @usableFromInline var depth: Int
    /// Deepest nesting accepted, including containers skipped by `skipValue` (at most 64).
    public let maximumDepth: Int

    /// A reader positioned at the start of `bytes`.
    @inlinable
    public init(_ bytes: UnsafeRawBufferPointer, maximumDepth: Int = 32) {
        precondition((1...64).contains(maximumDepth), "maximumDepth must be 1...64")
        self.bytes = bytes
        self.readerIndex = 0
        self.depth = 0
        self.maximumDepth = maximumDepth
    }

    /// Total length of the frame.
    @inlinable
    public var count: Int { bytes.count }

    /// Bytes not yet consumed.
    @inlinable
    public var readableBytes: Int { bytes.count - readerIndex }

    /// The byte at `index`, or nil past the end. Does not move the reader.
    @inlinable
    public func getByte(at index: Int) -> UInt8? {
        guard index >= 0 && index < bytes.count else { return nil }
        // Safety: `index` was just checked to lie inside the buffer.
        return bytes.load(fromByteOffset: index, as: UInt8.self)
    }

    /// The byte at `index`, which the caller has already checked is in bounds.
    @inlinable @inline(__always)
    func byte(_ index: Int) -> UInt8 {
        assert(index >= 0 && index < bytes.count)
        // Safety: every caller checks `index < bytes.count` first.
        return bytes.load(fromByteOffset: index, as: UInt8.self)
    }

    /// Eight bytes from `index`, first byte in the low bits.
    @inlinable @inline(__always)
    func word(_ index: Int) -> UInt64 {
        assert(index >= 0 && index &+ 8 <= bytes.count)
        // Safety: every caller checks `index + 8 <= bytes.count` first; the load is unaligned-safe.
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
    }

    /// A non-zero value whose lowest set bit marks the first byte of `word` that is `"`, `\` or below
    /// 0x20 (bit tricks from Anderson's "Bit Twiddling Hacks": haszero and hasless). Bits above the
    /// first marked byte may be spurious, so only the lowest one is used.
    @inlinable @inline(__always)
    static func quoteBackslashOrControl(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let hasQuote = (quotes &- ones) & ~quotes & highs
        let hasBackslash = (backslashes &- ones) & ~backslashes & highs
        let hasControl = (word &- ones &* 0x20) & ~word & highs
        return hasQuote | hasBackslash | hasControl
    }

    /// The value of eight ASCII digits, first digit most significant, in three multiplies (Lemire).
    @inlinable @inline(__always)
    static func parseEightDigits(_ word: UInt64) -> UInt64 {
        var value = word & 0x0F0F_0F0F_0F0F_0F0F
        value = (value &* 2561) &>> 8
        value = ((value & 0x00FF_00FF_00FF_00FF) &* 6_553_601) &>> 16
        return ((value & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) &>> 32
    }

    /// Moves the reader to `index` (e.g. back to a value a codec deferred). Resets nesting to `depth`.
    @inlinable
    public mutating func moveReaderIndex(to index: Int, depth: Int) {
        precondition(index >= 0 && index <= bytes.count, "reader index out of range")
        readerIndex = index
        self.depth = depth
    }

    /// The nesting level of the reader right now (for `moveReaderIndex(to:depth:)`).
    @inlinable
    public var currentDepth: Int { depth }

    // MARK: - Whitespace and structure

    /// Consumes JSON whitespace.
    @inlinable @inline(__always)
    public mutating func readWhitespace() {
        while readerIndex < bytes.count {
            switch byte(readerIndex) {
            case 0x20, 0x0A, 0x0D, 0x09: readerIndex &+= 1
            default: return
            }
        }
    }

    /// Consumes whitespace and returns the next byte without consuming it.
    @inlinable @inline(__always)
    public mutating func readWhitespaceAndGetByte() throws(DecodeError) -> UInt8 {
        readWhitespace()
        guard readerIndex < bytes.count else { throw .unexpectedEnd }
        return byte(readerIndex)
    }

    @inlinable @inline(__always)
    mutating func expect(_ expected: UInt8) throws(DecodeError) {
        let found = try readWhitespaceAndGetByte()
        guard found == expected else { throw .unexpectedByte(found, offset: readerIndex) }
        readerIndex &+= 1
    }

    @inlinable @inline(__always)
    mutating func enterContainer() throws(DecodeError) {
        depth &+= 1
        guard depth <= maximumDepth else { throw .nestingTooDeep }
    }

    /// Consumes `{`.
    @inlinable @inline(__always)
    public mutating func readObjectStart() throws(DecodeError) {
        try expect(UInt8(ascii: "{"))
        try enterContainer()
    }

    /// Consumes `[`.
    @inlinable @inline(__always)
    public mutating func readArrayStart() throws(DecodeError) {
        try expect(UInt8(ascii: "["))
        try enterContainer()
    }

    /// Reads the next member key of the current object and its `:`, or consumes `}` and returns nil.
    ///
    /// Start with `isFirst = true` right after `readObjectStart`. A trailing comma is an error.
    /// Keys are returned raw: a key written with escapes matches nothing, so it is skipped as unknown.
    @inlinable
    public mutating func readMemberKey(isFirst: inout Bool) throws(DecodeError) -> Range<Int>? {
        var next = try readWhitespaceAndGetByte()
        if next == UInt8(ascii: "}") {
            readerIndex &+= 1
            depth &-= 1
            return nil
        }
        if !isFirst {
            guard next == UInt8(ascii: ",") else { throw .unexpectedByte(next, offset: readerIndex) }
            readerIndex &+= 1
            next = try readWhitespaceAndGetByte()
        }
        isFirst = false
        guard next == UInt8(ascii: "\"") else { throw .unexpectedByte(next, offset: readerIndex) }
        let key = try readString()
        try expect(UInt8(ascii: ":"))
        return key
    }

    /// Positions the reader at the next array element (returns true), or consumes `]` (returns false).
    ///
    /// Start with `isFirst = true` right after `readArrayStart`. A trailing comma is an error.
    @inlinable @inline(__always)
    public mutating func readArrayElement(isFirst: inout Bool) throws(DecodeError) -> Bool {
        let next = try readWhitespaceAndGetByte()
        if next == UInt8(ascii: "]") {
            readerIndex &+= 1
            depth &-= 1
            return false
        }
        if !isFirst {
            guard next == UInt8(ascii: ",") else { throw .unexpectedByte(next, offset: readerIndex) }
            readerIndex &+= 1
            let element = try readWhitespaceAndGetByte()
            if element == UInt8(ascii: "]") { throw .unexpectedByte(element, offset: readerIndex) }
        }
        isFirst = false
        return true
    }

    /// Requires that only whitespace remains.
    @inlinable
    public mutating func readEnd() throws(DecodeError) {
        readWhitespace()
        guard readerIndex == bytes.count else { throw .unexpectedByte(byte(readerIndex), offset: readerIndex) }
    }

    // MARK: - Scalars

    /// Reads a string and returns the byte range of its content (between the quotes, escapes left as sent).
    ///
    /// Escapes are validated (`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`, `\uXXXX`); raw control bytes are errors.
    @inlinable
    public mutating func readString() throws(DecodeError) -> Range<Int> {
        try expect(UInt8(ascii: "\""))
        let start = readerIndex
        var index = readerIndex
        let end = bytes.count
        // Eight bytes at a time until a quote, backslash or control byte shows up; then byte by byte.
        while index &+ 8 <= end {
            let flagged = Self.quoteBackslashOrControl(word(index))
            if flagged != 0 {
                index &+= flagged.trailingZeroBitCount &>> 3
                break
            }
            index &+= 8
        }
        while index < end {
            let current = byte(index)
            if current == UInt8(ascii: "\"") {
                readerIndex = index &+ 1
                return start..<index
            }
            if current == UInt8(ascii: "\\") {
                index = try validateEscape(at: index)
                continue
            }
            guard current >= 0x20 else { throw .unexpectedByte(current, offset: index) }
            index &+= 1
        }
        throw .unexpectedEnd
    }

    /// Validates the escape starting at `index` (the backslash) and returns the index after it.
    @usableFromInline
    func validateEscape(at index: Int) throws(DecodeError) -> Int {
        guard index + 1 < bytes.count else { throw .unexpectedEnd }
        switch byte(index + 1) {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
            UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return index + 2
        case UInt8(ascii: "u"):
            guard index + 6 <= bytes.count else { throw .unexpectedEnd }
            for offset in (index + 2)..<(index + 6) {
                let hex = byte(offset)
                let isHex = (hex &- UInt8(ascii: "0")) < 10 || ((hex | 0x20) &- UInt8(ascii: "a")) < 6
                guard isHex else { throw .unexpectedByte(hex, offset: offset) }
            }
            return index + 6
        default:
            throw .unexpectedByte(byte(index + 1), offset: index + 1)
        }
    }

    /// Reads a JSON integer (optional `-`, digits). Fractions, exponents and overflow are errors.
    ///
    /// Always inlined (`@inline(__always)` is only a hint and was not taken): the common case then
    /// runs without a call and with the reader in registers.
    @inlinable @inline(always)
    public mutating func readInteger() throws(DecodeError) -> Int64 {
        if let value = readPlainInteger() { return value }
        return try readIntegerByWords()
    }

    /// The usual integer, 8–15 digits with nothing before them (times, update and sequence ids),
    /// from two independent word loads; nil, reader unmoved, for anything else.
    @inlinable @inline(__always)
    mutating func readPlainInteger() -> Int64? {
        let start = readerIndex
        guard start &+ 8 <= bytes.count else { return nil }
        let high = word(start)
        let low: UInt64
        if start &+ 16 <= bytes.count {
            low = word(start &+ 8)
        } else {
            // Near the end (Bybit's trailing `cts`): the frame's last word, shifted so that bytes past
            // the end read as 0x00, a non-digit, which ends the number just as the end does.
            let missing = start &+ 16 &- bytes.count  // 1...8
            low = missing == 8 ? 0 : word(bytes.count &- 8) &>> UInt64(truncatingIfNeeded: missing &* 8)
        }
        let lowStops = Self.nonDigitBytes(low)
        guard Self.nonDigitBytes(high) == 0 && lowStops != 0 else { return nil }
        let lowCount = lowStops.trailingZeroBitCount &>> 3
        let terminator = UInt8(truncatingIfNeeded: low &>> UInt64(truncatingIfNeeded: lowCount &* 8))
        guard terminator != UInt8(ascii: "."), terminator | 0x20 != UInt8(ascii: "e") else { return nil }
        var value = Self.parseEightDigits(high)
        if lowCount != 0 {
            let aligned = low &<< UInt64(truncatingIfNeeded: (8 &- lowCount) &* 8)
            value = value &* Self.powerOfTen(lowCount) &+ Self.parseEightDigits(aligned)
        }
        readerIndex = start &+ 8 &+ lowCount
        return Int64(truncatingIfNeeded: value)
    }

    /// `readInteger` for any input: whitespace, sign, any length, and the exact errors.
    @inlinable
    mutating func readIntegerByWords() throws(DecodeError) -> Int64 {
        _ = try readWhitespaceAndGetByte()
        let start = readerIndex
        var index = readerIndex
        let end = bytes.count
        var negative = false
        if byte(index) == UInt8(ascii: "-") {
            negative = true
            index &+= 1
        }
        var magnitude: UInt64 = 0
        var digits = 0
        // A word per step (timestamps and ids are 10–19 digits): eight digits, or the digits
        // before the first non-digit. At most 18 digits are taken here, so nothing overflows.
        while index &+ 8 <= end && digits <= 10 {
            let eight = word(index)
            let stops = Self.nonDigitBytes(eight)
            if stops == 0 {
                magnitude = magnitude &* 100_000_000 &+ Self.parseEightDigits(eight)
                digits &+= 8
                index &+= 8
                continue
            }
            let count = stops.trailingZeroBitCount &>> 3
            if count > 0 {
                let aligned = eight &<< UInt64(truncatingIfNeeded: (8 &- count) &* 8)
                magnitude = magnitude &* Self.powerOfTen(count) &+ Self.parseEightDigits(aligned)
                digits &+= count
                index &+= count
            }
            break
        }
        // Up to 18 digits cannot overflow a UInt64; only longer numbers pay for overflow checks.
        while index < end && digits < 18 {
            let digit = byte(index) &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            magnitude = magnitude &* 10 &+ UInt64(digit)
            digits &+= 1
            index &+= 1
        }
        while index < end {
            let digit = byte(index) &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
            guard !overflow1 && !overflow2 else { throw .invalidNumber(offset: start) }
            magnitude = sum
            digits &+= 1
            index &+= 1
        }
        guard digits > 0 else {
            if index == end { throw .unexpectedEnd }
            throw .unexpectedByte(byte(index), offset: index)
        }
        if index < end {
            switch byte(index) {
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): throw .invalidNumber(offset: start)
            default: break
            }
        }
        readerIndex = index
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { throw .invalidNumber(offset: start) }
            return Int64(truncatingIfNeeded: 0 &- magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { throw .invalidNumber(offset: start) }
        return Int64(magnitude)
    }

    /// Reads an integer sent either bare (`123`) or quoted (`"123"`), as OKX does for `ts` and `code`.
    @inlinable
    public mutating func readIntegerOrQuotedInteger() throws(DecodeError) -> Int64 {
        guard try readWhitespaceAndGetByte() == UInt8(ascii: "\"") else { return try readInteger() }
        let range = try readString()
        return try getInteger(range)
    }

    /// Parses the decimal integer text in `range` (optional `-`, 1–19 digits).
    @inlinable
    public func getInteger(_ range: Range<Int>) throws(DecodeError) -> Int64 {
        var index = range.lowerBound
        var negative = false
        if index < range.upperBound && byte(index) == UInt8(ascii: "-") {
            negative = true
            index &+= 1
        }
        guard index < range.upperBound else { throw .invalidNumber(offset: range.lowerBound) }
        var magnitude: UInt64 = 0
        while index < range.upperBound {
            let digit = byte(index) &- UInt8(ascii: "0")
            guard digit < 10 else { throw .invalidNumber(offset: range.lowerBound) }
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
            guard !overflow1 && !overflow2 else { throw .invalidNumber(offset: range.lowerBound) }
            magnitude = sum
            index &+= 1
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { throw .invalidNumber(offset: range.lowerBound) }
            return Int64(truncatingIfNeeded: 0 &- magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { throw .invalidNumber(offset: range.lowerBound) }
        return Int64(magnitude)
    }

    /// Reads `true` or `false`.
    @inlinable
    public mutating func readBool() throws(DecodeError) -> Bool {
        let first = try readWhitespaceAndGetByte()
        if first == UInt8(ascii: "t") {
            try readLiteral("true")
            return true
        }
        if first == UInt8(ascii: "f") {
            try readLiteral("false")
            return false
        }
        throw .unexpectedByte(first, offset: readerIndex)
    }

    /// Consumes `null` if it comes next and returns whether it did.
    @inlinable
    public mutating func readNullIfPresent() throws(DecodeError) -> Bool {
        guard try readWhitespaceAndGetByte() == UInt8(ascii: "n") else { return false }
        try readLiteral("null")
        return true
    }

    @inlinable @inline(__always)
    mutating func readLiteral(_ literal: StaticString) throws(DecodeError) {
        let length = literal.utf8CodeUnitCount
        if readerIndex &+ 8 <= bytes.count
            && word(readerIndex) & Self.lowBytes(length) == Self.literalWord(literal, from: 0, count: length)
        {
            readerIndex &+= length
            return
        }
        try readLiteralByBytes(literal)
    }

    /// `readLiteral` near the end of the frame or on a mismatch, which it reports at the exact byte.
    @usableFromInline
    mutating func readLiteralByBytes(_ literal: StaticString) throws(DecodeError) {
        let length = literal.utf8CodeUnitCount
        guard readerIndex + length <= bytes.count else { throw .unexpectedEnd }
        for offset in 0..<length {
            // Safety: `offset < utf8CodeUnitCount`, inside the literal's static storage.
            let expected = literal.utf8Start[offset]
            let found = byte(readerIndex + offset)
            guard found == expected else { throw .unexpectedByte(found, offset: readerIndex + offset) }
        }
        readerIndex += length
    }

    // MARK: - Skipping

    /// Skips one value of any type, including nested containers.
    ///
    /// Skipped containers are checked for balanced, correctly paired brackets, terminated strings
    /// and the nesting limit; commas and colons inside them are not checked (nothing is read from them).
    @inlinable
    public mutating func skipValue() throws(DecodeError) {
        let first = try readWhitespaceAndGetByte()
        switch first {
        case UInt8(ascii: "\""):
            _ = try readString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try skipContainer()
        case UInt8(ascii: "t"):
            try readLiteral("true")
        case UInt8(ascii: "f"):
            try readLiteral("false")
        case UInt8(ascii: "n"):
            try readLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            skipNumber()
        default:
            throw .unexpectedByte(first, offset: readerIndex)
        }
    }

    @usableFromInline
    mutating func skipNumber() {
        while readerIndex < bytes.count {
            switch byte(readerIndex) {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
                UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                readerIndex &+= 1
            default:
                return
            }
        }
    }

    /// Skips a container whose opening bracket is next; brackets are paired through a 64-bit stack.
    @usableFromInline
    mutating func skipContainer() throws(DecodeError) {
        var isObject: UInt64 = 0  // bit n set: level n is an object
        var level = 0
        var index = readerIndex
        let end = bytes.count
        while index < end {
            let current = byte(index)
            switch current {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard depth + level + 1 <= maximumDepth else { throw .nestingTooDeep }
                if current == UInt8(ascii: "{") {
                    isObject |= (1 << UInt64(level))
                } else {
                    isObject &= ~(1 << UInt64(level))
                }
                level += 1
                index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                level -= 1
                let openedObject = (isObject >> UInt64(level)) & 1 == 1
                guard openedObject == (current == UInt8(ascii: "}")) else {
                    throw .unexpectedByte(current, offset: index)
                }
                index += 1
                if level == 0 {
                    readerIndex = index
                    return
                }
            case UInt8(ascii: "\""):
                readerIndex = index
                _ = try readString()
                index = readerIndex
            default:
                index += 1
            }
        }
        throw .unexpectedEnd
    }

    // MARK: - Looking at ranges

    /// Whether the bytes in `range` are exactly `literal`.
    ///
    /// Compares a word at a time; with a literal argument the expected words fold to constants.
    @inlinable @inline(__always)
    public func getBytes(_ range: Range<Int>, equal literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard range.count == length, range.lowerBound >= 0, range.upperBound <= bytes.count else { return false }
        var offset = 0
        while length &- offset >= 8 {
            guard word(range.lowerBound &+ offset) == Self.literalWord(literal, from: offset, count: 8) else {
                return false
            }
            offset &+= 8
        }
        let rest = length &- offset
        guard rest > 0 else { return true }
        if range.lowerBound &+ offset &+ 8 <= bytes.count {
            let found = word(range.lowerBound &+ offset) & Self.lowBytes(rest)
            return found == Self.literalWord(literal, from: offset, count: rest)
        }
        while offset < length {
            // Safety: `offset < length`, inside the literal; `range` was checked against the buffer.
            guard literal.utf8Start[offset] == byte(range.lowerBound &+ offset) else { return false }
            offset &+= 1
        }
        return true
    }

    /// `count` (1–8) bytes of `literal` from `offset`, packed first byte lowest.
    @inlinable @inline(__always)
    static func literalWord(_ literal: StaticString, from offset: Int, count: Int) -> UInt64 {
        var value: UInt64 = 0
        var index = offset &+ count
        while index > offset {
            index &-= 1
            // Safety: the callers keep `offset + count <= utf8CodeUnitCount`.
            value = value &<< 8 | UInt64(literal.utf8Start[index])
        }
        return value
    }

    /// Whether the bytes in `range` start with `prefix`.
    @inlinable @inline(__always)
    public func getBytes(_ range: Range<Int>, hasPrefix prefix: StaticString) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard range.count >= length else { return false }
        return getBytes(range.lowerBound..<(range.lowerBound + length), equal: prefix)
    }

    /// The offset of the last `target` byte in `range`, if any.
    @inlinable
    public func getLastIndex(of target: UInt8, in range: Range<Int>) -> Int? {
        var index = range.upperBound
        while index > range.lowerBound {
            index &-= 1
            if byte(index) == target { return index }
        }
        return nil
    }

    /// The decimal text in `range` as whole increments of `scale` (ticks or lots), exactly.
    @inlinable
    public func getTicks(_ range: Range<Int>, scale: FixedPointScale) throws(DecodeError) -> Int64 {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "range outside the frame")
        // Safety: the rebased slice lies inside the buffer (checked above) and is only read during the call.
        let text = UnsafeRawBufferPointer(rebasing: bytes[range])
        do {
            return try scale.ticks(parsing: text)
        } catch {
            throw .invalidDecimal(error, offset: range.lowerBound)
        }
    }

    /// Reads a string and parses it as a decimal at `scale`, in one pass over the bytes.
    ///
    /// Same rules and results as `FixedPointScale.ticks(parsing:)`; anything the fast loop does not
    /// accept is re-read through `readString` + `getTicks`, which throws the exact error.
    @inlinable @inline(__always)
    public mutating func readTicks(scale: FixedPointScale) throws(DecodeError) -> Int64 {
        try expect(UInt8(ascii: "\""))
        let start = readerIndex
        if let plain = getPlainTicks(at: start, scale: scale) {
            readerIndex = plain.end
            return plain.ticks
        }
        // Slow path: anything unusual (escapes, signs, exponents, too many digits, off-step) is
        // re-read by the exact reference parser, which throws the precise error.
        readerIndex = start &- 1
        let range = try readString()
        return try getTicks(range, scale: scale)
    }

    /// `units` as whole multiples of `step`, or nil when off-step (the exact path then throws).
    @inlinable @inline(__always)
    static func ticks(units: Int64, step: Int64) -> Int64? {
        if step == 1 { return units }
        let (quotient, remainder) = units.quotientAndRemainder(dividingBy: step)
        return remainder == 0 ? quotient : nil
    }

    /// The common case of `readTicks`: the string body at `start` (just after its opening quote) is
    /// `digits[.digits]"` with at most 18 digits kept. Its ticks and the offset after the closing
    /// quote, or nil for anything else (the exact path then reads it).
    ///
    /// Bodies that fit in a word take `shortDecimal`; longer ones the byte loop.
    @inlinable @inline(__always)
    func getPlainTicks(at start: Int, scale: FixedPointScale) -> (ticks: Int64, end: Int)? {
        if start &+ 8 <= bytes.count, let short = Self.shortDecimal(word(start), decimals: scale.decimals) {
            guard let ticks = Self.ticks(units: short.units, step: scale.step) else { return nil }
            return (ticks, start &+ short.quote &+ 1)
        }
        return scanPlainDecimal(from: start, scale: scale)
    }

    /// `getPlainTicks` a byte at a time: two tight loops, one per part, so each digit costs one
    /// multiply-add on the critical path.
    @inlinable
    func scanPlainDecimal(from start: Int, scale: FixedPointScale) -> (ticks: Int64, end: Int)? {
        let end = bytes.count
        let decimals = scale.decimals
        var index = start
        var value: Int64 = 0
        var digits = 0
        var current: UInt8 = 0
        while index < end {
            current = byte(index)
            let digit = current &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            value = value &* 10 &+ Int64(digit)
            digits &+= 1
            index &+= 1
        }
        var fractionDigits = 0
        if current == UInt8(ascii: ".") && index < end {
            index &+= 1
            while index < end {
                current = byte(index)
                let digit = current &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                if fractionDigits == decimals {
                    // Digits finer than the scale must all be zero.
                    guard digit == 0 else { return nil }
                } else {
                    value = value &* 10 &+ Int64(digit)
                    digits &+= 1
                    fractionDigits &+= 1
                }
                index &+= 1
            }
            // "5." is plain decimal text; "." alone has no digit and is caught below.
            if index - start == 1 { return nil }
        }
        guard index < end, current == UInt8(ascii: "\""), digits > 0, digits <= 18 else { return nil }
        var missing = decimals &- fractionDigits
        if missing > 0 && value != 0 && digits &+ missing > 18 { return nil }
        while missing > 0 {
            value = value &* 10
            missing &-= 1
        }
        guard let ticks = Self.ticks(units: value, step: scale.step) else { return nil }
        return (ticks, index &+ 1)
    }

    /// The bytes of `range` as a `SymbolKey`, or nil when longer than `SymbolKey.maximumLength`.
    ///
    /// Four word loads and no loop: a key assembled byte by byte in memory, then read back a word
    /// or more at a time, stalled store forwarding on every frame.
    @inlinable @inline(__always)
    public func getSymbolKey(_ range: Range<Int>) -> SymbolKey? {
        guard range.count <= SymbolKey.maximumLength else { return nil }
        let words = (
            getPackedWord(range, at: 0), getPackedWord(range, at: 8), getPackedWord(range, at: 16),
            getPackedWord(range, at: 24)
        )
        return SymbolKey(words: words, length: UInt8(range.count))
    }

    /// Up to eight bytes of `range` from `offset` packed, 0 when none are left.
    @inlinable @inline(__always)
    func getPackedWord(_ range: Range<Int>, at offset: Int) -> UInt64 {
        let start = range.lowerBound &+ offset
        return start < range.upperBound ? getPackedKey(start..<min(start &+ 8, range.upperBound)) : 0
    }

    /// A 64-bit identifier for the id text in `range`.
    ///
    /// Decimal digits give their value (Binance, OKX ids). A UUID (Bybit trade `i`) gives the XOR of
    /// its two 64-bit halves. Anything else gives its FNV-1a hash.
    @inlinable
    public func getIdentifier(_ range: Range<Int>) -> UInt64 {
        if let uuid = getUUID(range) { return uuid }
        if let value = try? getInteger(range), value >= 0 { return UInt64(value) }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in range {
            hash = (hash ^ UInt64(byte(index))) &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The XOR of a UUID's two 64-bit halves (first 16 hex digits, last 16), or nil when `range` is
    /// not `8-4-4-4-12` hex digits (either case); eight digits per step.
    @inlinable @inline(__always)
    func getUUID(_ range: Range<Int>) -> UInt64? {
        let start = range.lowerBound
        guard range.count == 36, start >= 0, range.upperBound <= bytes.count,
            byte(start &+ 8) == UInt8(ascii: "-"), byte(start &+ 13) == UInt8(ascii: "-"),
            byte(start &+ 18) == UInt8(ascii: "-"), byte(start &+ 23) == UInt8(ascii: "-"),
            let first = Self.parseEightHexDigits(word(start)),
            let second = Self.parseEightHexDigits(word(start &+ 9) & 0xFFFF_FFFF | word(start &+ 14) &<< 32),
            let third = Self.parseEightHexDigits(word(start &+ 19) & 0xFFFF_FFFF | word(start &+ 24) &<< 32),
            let fourth = Self.parseEightHexDigits(word(start &+ 28))
        else { return nil }
        return (first &<< 32 | second) ^ (third &<< 32 | fourth)
    }
}
