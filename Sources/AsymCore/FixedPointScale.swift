/// The fixed-point scale of an instrument's prices or sizes: `value = ticks × step × 10^-decimals`.
///
/// A tick of `0.1` is `decimals: 1, step: 1`; a tick of `0.5` is `decimals: 1, step: 5`; a lot of
/// `10` is `decimals: 0, step: 10`. Text is parsed straight to integers, exactly, never through `Double`.
public struct FixedPointScale: Hashable, Sendable, CustomStringConvertible {
    /// Digits after the decimal point of the smallest increment.
    public let decimals: Int
    /// The increment in units of `10^-decimals`.
    public let step: Int64

    /// A scale of `decimals` fractional digits and an increment of `step` units.
    public init(decimals: Int, step: Int64 = 1) {
        precondition((0...18).contains(decimals), "decimals must be 0...18")
        precondition(step >= 1, "step must be positive")
        self.decimals = decimals
        self.step = step
    }

    /// The scale whose increment is the decimal text `increment` (e.g. a venue's `"0.10"` tick size).
    public init(increment: String) throws(DecimalParseError) {
        let bytes = Array(increment.utf8)
        var fractionDigits = 0
        if let dot = bytes.firstIndex(of: UInt8(ascii: ".")) {
            fractionDigits = bytes.count - dot - 1
            while fractionDigits > 0 && bytes[dot + fractionDigits] == UInt8(ascii: "0") { fractionDigits -= 1 }
        }
        guard fractionDigits <= 18 else { throw .tooManyDigits }
        let units = try FixedPointScale(decimals: fractionDigits).units(parsing: bytes)
        guard units > 0 else { throw .empty }
        self.init(decimals: fractionDigits, step: units)
    }

    /// One tick as a (binary, approximate) number, for display and for consumers that work in `Double` (the AI
    /// brief, metrics); never for prices on the order path, which stay integer ticks.
    public var tickValue: Double { Double(step) / Double(Self.powersOfTen[decimals]) }

    /// Powers of ten by exponent, for scaling without `pow`.
    @usableFromInline
    static let powersOfTen: [Int64] = (0...18).map { exponent in
        (0..<exponent).reduce(Int64(1)) { value, _ in value * 10 }
    }

    /// Parses plain decimal text into units of `10^-decimals`, exactly.
    ///
    /// Accepts `digits[.digits]`; extra fractional digits must be zeros. Rejects signs, exponents,
    /// NaN/inf, empty input and more than 18 significant digits.
    /// - Complexity: O(n) in the text length; no allocation.
    @inlinable
    public func units<Bytes: Collection>(parsing bytes: Bytes) throws(DecimalParseError) -> Int64
    where Bytes.Element == UInt8 {
        var value: Int64 = 0
        var significant = 0
        var sawDigit = false
        var fractionSeen = -1  // -1: before the point
        for byte in bytes {
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                sawDigit = true
                if fractionSeen >= 0 {
                    fractionSeen += 1
                    if fractionSeen > decimals {
                        if digit != 0 { throw .tooPrecise }
                        continue
                    }
                }
                if value != 0 || digit != 0 { significant += 1 }
                if significant > 18 { throw .tooManyDigits }
                value = value &* 10 &+ Int64(digit)
            } else if byte == UInt8(ascii: ".") && fractionSeen < 0 {
                fractionSeen = 0
            } else {
                throw Self.classify(byte)
            }
        }
        guard sawDigit else { throw .empty }
        let missing = decimals - max(fractionSeen, 0)
        if missing > 0 {
            if significant + missing > 18 && value != 0 { throw .tooManyDigits }
            value = value &* Self.powersOfTen[missing]
        }
        return value
    }

    /// Parses decimal text into whole increments (ticks or lots); off-step values are errors.
    @inlinable
    public func ticks<Bytes: Collection>(parsing bytes: Bytes) throws(DecimalParseError) -> Int64
    where Bytes.Element == UInt8 {
        let units = try units(parsing: bytes)
        if step == 1 { return units }
        let (quotient, remainder) = units.quotientAndRemainder(dividingBy: step)
        guard remainder == 0 else { throw .offStep }
        return quotient
    }

    /// Parses decimal text into whole increments.
    public func ticks(parsing text: String) throws(DecimalParseError) -> Int64 {
        try ticks(parsing: Array(text.utf8))
    }

    @usableFromInline
    static func classify(_ byte: UInt8) -> DecimalParseError {
        switch byte {
        case UInt8(ascii: "e"), UInt8(ascii: "E"): .exponent
        case UInt8(ascii: "-"), UInt8(ascii: "+"): .signed
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "i"), UInt8(ascii: "I"): .notANumber
        default: .invalidCharacter(byte)
        }
    }

    /// Plain decimal text of `ticks` increments, with exactly `decimals` fractional digits (the text `write`
    /// produces). Appended most significant digit first, so text of up to 15 bytes — most prices and sizes —
    /// stays in the string's inline storage and allocates nothing (the engine formats its status with it).
    public func format(ticks: Int64) -> String {
        let (units, overflow) = ticks.multipliedReportingOverflow(by: step)
        precondition(!overflow, "value out of range for its scale")
        let magnitude = units.magnitude
        // A magnitude below 2⁶³ + 1 has at most 19 digits, and `decimals` ≤ 18 asks for at most 19 places.
        var digits = 1
        while digits < Self.powersOfTen.count && magnitude >= UInt64(Self.powersOfTen[digits]) { digits += 1 }
        var text = units < 0 ? "-" : ""
        for place in stride(from: max(digits, decimals + 1) - 1, through: 0, by: -1) {
            if place == decimals - 1 { text.append(".") }
            let digit = magnitude / UInt64(Self.powersOfTen[place]) % 10
            text.append(Character(Unicode.Scalar(UInt8(ascii: "0") &+ UInt8(digit))))
        }
        return text
    }

    /// Writes the plain decimal text of `ticks` into `buffer` (≥ 41 bytes) and returns its length.
    ///
    /// No allocation when `buffer` is uniquely referenced: used when encoding order bytes.
    @inlinable
    public func write(ticks: Int64, into buffer: inout [UInt8]) -> Int {
        precondition(buffer.count >= 41, "decimal output buffer too small")
        let (units, overflow) = ticks.multipliedReportingOverflow(by: step)
        precondition(!overflow, "value out of range for its scale")
        // Digits are produced backwards at the tail of the buffer, then moved to the front.
        var magnitude = units.magnitude
        var produced = 0
        var position = 40
        repeat {
            buffer[position] = UInt8(ascii: "0") &+ UInt8(magnitude % 10)
            magnitude /= 10
            produced += 1
            position -= 1
            if decimals > 0 && produced == decimals {
                buffer[position] = UInt8(ascii: ".")
                position -= 1
            }
        } while magnitude > 0 || produced <= decimals
        var length = 0
        if units < 0 {
            buffer[0] = UInt8(ascii: "-")
            length = 1
        }
        for index in (position + 1)...40 {
            buffer[length] = buffer[index]
            length += 1
        }
        return length
    }

    /// Shortest plain decimal text of `ticks`: trailing fractional zeros and a bare point removed
    /// (`"3366.10"` → `"3366.1"`, `"415.0"` → `"415"`), as OKX sends prices and sizes.
    public func formatMinimal(ticks: Int64) -> String {
        var text = format(ticks: ticks)
        guard decimals > 0 else { return text }
        while text.last == "0" { text.removeLast() }
        if text.last == "." { text.removeLast() }
        return text
    }

    public var description: String {
        "FixedPointScale(increment: \(FixedPointScale(decimals: decimals).format(ticks: step)))"
    }
}
