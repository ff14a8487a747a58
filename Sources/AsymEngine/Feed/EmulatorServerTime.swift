import AsymCore
import AsymTransport

/// The venues' public server-time answers as the emulator renders them, in the shapes the venues document:
/// Bybit `GET /v5/market/time` (`timeSecond`, `timeNano`), Binance `GET /fapi/v1/time` (`serverTime`, ms) and
/// OKX `GET /api/v5/public/time` (`ts`, ms). The engine reads them before a live start (`ClockSkewProbe`).
enum EmulatorServerTime {
    /// The answer to `path` when it is `venue`'s server-time endpoint, telling the time `now` (ns since the
    /// epoch); nil for any other path.
    static func response(_ venue: Venue, path: String, now: Int64) -> WebSocketHTTPResponse? {
        guard path == ClockSkewProbe.path(venue) else { return nil }
        let milliseconds = now / 1_000_000
        let body = switch venue {
        case .bybit:
            #"{"retCode":0,"retMsg":"OK","result":{"timeSecond":"\#(now / 1_000_000_000)","timeNano":"\#(now)"},"#
                + #""retExtInfo":{},"time":\#(milliseconds)}"#
        case .binance:
            #"{"serverTime":\#(milliseconds)}"#
        case .okx:
            #"{"code":"0","msg":"","data":[{"ts":"\#(milliseconds)"}]}"#
        }
        return WebSocketHTTPResponse(status: 200, contentType: "application/json", text: body)
    }
}
