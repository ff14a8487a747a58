import AsymCore
import AsymVenues

let codec = OKXCodec(symbols: FuzzTarget.symbols(["BTCUSDT", "BTC-USDT", "BNBUSDT", "BCH-USDT-SWAP"]))

/// libFuzzer entry point: decodes one input with `OKXCodec` and checks the invariants in `FuzzTarget`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOKX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTarget.check(codec, data, size)
    return 0
}
