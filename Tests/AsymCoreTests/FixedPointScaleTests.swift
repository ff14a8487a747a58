import AsymCore
import Testing

@Suite struct FixedPointScaleTests {
    let tenthTick = FixedPointScale(decimals: 1)
    let lot = FixedPointScale(decimals: 3)

    @Test func parsesVenueDecimalTextExactly() throws {
        #expect(try tenthTick.ticks(parsing: "97000.1") == 970_001)
        #expect(try tenthTick.ticks(parsing: "97000.10") == 970_001)
        #expect(try tenthTick.ticks(parsing: "97000") == 970_000)
        #expect(try lot.ticks(parsing: "0.001") == 1)
        #expect(try lot.ticks(parsing: "0.00100000") == 1)
        #expect(try lot.ticks(parsing: "0") == 0)
        #expect(try lot.ticks(parsing: "12.") == 12_000)
        #expect(try lot.ticks(parsing: ".5") == 500)
    }

    @Test func rejectsInputVenuesNeverSend() {
        #expect(throws: DecimalParseError.empty) { try tenthTick.ticks(parsing: "") }
        #expect(throws: DecimalParseError.empty) { try tenthTick.ticks(parsing: ".") }
        #expect(throws: DecimalParseError.exponent) { try tenthTick.ticks(parsing: "1e5") }
        #expect(throws: DecimalParseError.exponent) { try tenthTick.ticks(parsing: "1.5E-3") }
        #expect(throws: DecimalParseError.notANumber) { try tenthTick.ticks(parsing: "NaN") }
        #expect(throws: DecimalParseError.notANumber) { try tenthTick.ticks(parsing: "inf") }
        #expect(throws: DecimalParseError.signed) { try tenthTick.ticks(parsing: "-1.0") }
        #expect(throws: DecimalParseError.signed) { try tenthTick.ticks(parsing: "+1.0") }
        #expect(throws: DecimalParseError.invalidCharacter(UInt8(ascii: "."))) { try tenthTick.ticks(parsing: "1.2.3") }
        #expect(throws: DecimalParseError.invalidCharacter(UInt8(ascii: " "))) { try tenthTick.ticks(parsing: " 1") }
        #expect(throws: DecimalParseError.tooManyDigits) { try FixedPointScale(decimals: 0).ticks(parsing: "1234567890123456789") }
        #expect(throws: DecimalParseError.tooManyDigits) { try FixedPointScale(decimals: 8).ticks(parsing: "12345678901.5") }
        #expect(throws: DecimalParseError.tooPrecise) { try tenthTick.ticks(parsing: "97000.15") }
    }

    @Test func acceptsEighteenSignificantDigits() throws {
        #expect(try FixedPointScale(decimals: 0).ticks(parsing: "999999999999999999") == 999_999_999_999_999_999)
        #expect(try FixedPointScale(decimals: 0).ticks(parsing: "000000000000000000001") == 1)
    }

    @Test func nonDecimalStepsRejectOffStepValues() throws {
        let halfTick = try FixedPointScale(increment: "0.5")
        #expect(halfTick == FixedPointScale(decimals: 1, step: 5))
        #expect(try halfTick.ticks(parsing: "100.5") == 201)
        #expect(throws: DecimalParseError.offStep) { try halfTick.ticks(parsing: "100.3") }
    }

    @Test func incrementTextSetsScale() throws {
        #expect(try FixedPointScale(increment: "0.10") == FixedPointScale(decimals: 1))
        #expect(try FixedPointScale(increment: "0.00010000") == FixedPointScale(decimals: 4))
        #expect(try FixedPointScale(increment: "10") == FixedPointScale(decimals: 0, step: 10))
        #expect(throws: DecimalParseError.empty) { try FixedPointScale(increment: "0.000") }
    }

    @Test func formatsBackToPlainDecimalText() {
        #expect(tenthTick.format(ticks: 970_001) == "97000.1")
        #expect(tenthTick.format(ticks: 5) == "0.5")
        #expect(lot.format(ticks: 1) == "0.001")
        #expect(lot.format(ticks: 0) == "0.000")
        #expect(FixedPointScale(decimals: 0, step: 10).format(ticks: 3) == "30")
        #expect(FixedPointScale(decimals: 18).format(ticks: Int64.max) == "9.223372036854775807")
        #expect(tenthTick.format(ticks: -15) == "-1.5")
    }

    @Test func parseAndFormatRoundTrip() throws {
        let scale = FixedPointScale(decimals: 4, step: 5)
        for ticks: Int64 in [0, 1, 7, 199, 123_456_789, 1_000_000_000_000] {
            #expect(try scale.ticks(parsing: scale.format(ticks: ticks)) == ticks)
        }
    }

    /// `format` builds its text forward without a buffer; it must say exactly what `write` (the order encoder's
    /// path) writes, for every scale and sign, down to the extremes of `Int64`.
    @Test func formatSaysExactlyWhatWriteWrites() {
        var random = SystemRandomNumberGenerator()
        var buffer = [UInt8](repeating: 0, count: 41)
        for decimals in 0...18 {
            let scale = FixedPointScale(decimals: decimals)
            var values: [Int64] = [0, 1, -1, 9, 10, 99, 100, 12_345, -12_345, .max, .min + 1, .min]
            for _ in 0..<2_000 {
                let bits = Int64.random(in: 0...62, using: &random)
                values.append(Int64.random(in: -(Int64(1) << bits)...(Int64(1) << bits) - 1, using: &random))
            }
            for ticks in values {
                let length = scale.write(ticks: ticks, into: &buffer)
                #expect(scale.format(ticks: ticks) == String(decoding: buffer[0..<length], as: UTF8.self),
                        "decimals \(decimals), ticks \(ticks)")
            }
        }
        let stepped = FixedPointScale(decimals: 1, step: 5)
        let length = stepped.write(ticks: 7, into: &buffer)
        #expect(stepped.format(ticks: 7) == String(decoding: buffer[0..<length], as: UTF8.self))
    }
}
