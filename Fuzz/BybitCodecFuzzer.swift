import AsymCore
import AsymVenues

let codec = BybitCodec(symbols: FuzzTarget.symbols(["BTCUSDT", "BTC-USDT", "BNBUSDT", "BCH-USDT-SWAP"]))

/// libFuzzer entry point: decodes one input with `BybitCodec` and checks the invariants in `FuzzTarget`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBybit(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTarget.check(codec, data, size)
    return 0
}
