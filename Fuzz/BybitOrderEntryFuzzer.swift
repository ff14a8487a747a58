import AsymCore
import AsymVenues

let instrument = Instrument(venue: .bybit, symbol: "BTCUSDT", priceScale: FixedPointScale(decimals: 1),
                            quantityScale: FixedPointScale(decimals: 3), minimumQuantity: Quantity(lots: 1),
                            maximumQuantity: Quantity(lots: 1_000_000), minimumNotional: "5", contractValue: "1",
                            maximumLeverage: 100)

/// libFuzzer entry point: decodes one input as a Bybit REST reply and as a private-stream message. Any input
/// must decode or throw a `DecodeError`; a trap or a sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBybitOrderEntry(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let lookup: (String) -> Instrument? = { $0 == "BTCUSDT" ? instrument : nil }
    if let reply = try? BybitRESTReply.decode(bytes, instrument: lookup) {
        precondition(reply.orders.allSatisfy { $0.symbol == "BTCUSDT" }, "an order of an unknown symbol was kept")
    }
    if case .executions(let fills)? = try? BybitPrivateMessage.decode(bytes, instrument: lookup) {
        precondition(fills.allSatisfy { $0.symbol == "BTCUSDT" && !$0.executionID.isEmpty }, "a fill without its keys")
    }
    return 0
}
