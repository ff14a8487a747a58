public import AsymCore
import AsymTransport
import Foundation

/// Measures the local clock against a venue's server time over its public REST endpoint (Bybit
/// `/v5/market/time`, Binance `/fapi/v1/time`, OKX `/api/v5/public/time`), correcting for half the round trip.
/// Signed requests fail outside the venues' receive windows (PROTOCOLS.md: Bybit and Binance reject timestamps
/// more than 1 s ahead), so a skew above 1 s refuses a live start.
public struct ClockSkewProbe: Sendable {
    /// What a probe found.
    public enum Outcome: Sendable, Equatable {
        /// local − venue, ns (positive: the local clock is ahead), and the round trip it was measured over.
        case measured(skew: Int64, roundTrip: Int64)
        /// The venue could not be reached (no network): reported as offline, not as a failure.
        case offline(reason: String)
        /// The venue answered something that is not its time.
        case unreadable(reason: String)
    }

    /// The REST base per venue (tests point it at a loopback server).
    public var baseURL: [Venue: String]
    public var timeoutMilliseconds = 3_000

    public init(baseURL: [Venue: String] = [:]) {
        self.baseURL = baseURL
    }

    static func defaultBase(_ venue: Venue) -> String {
        switch venue {
        case .bybit: "https://api.bybit.com"
        case .binance: "https://fapi.binance.com"
        case .okx: "https://www.okx.com"
        }
    }

    static func path(_ venue: Venue) -> String {
        switch venue {
        case .bybit: "/v5/market/time"
        case .binance: "/fapi/v1/time"
        case .okx: "/api/v5/public/time"
        }
    }

    /// Probes `venue` once.
    public func probe(_ venue: Venue) -> Outcome {
        var configuration = HTTPClientConfiguration()
        configuration.connectTimeoutMilliseconds = timeoutMilliseconds
        configuration.timeoutMilliseconds = timeoutMilliseconds
        let client: HTTPClient
        do {
            client = try HTTPClient(configuration: configuration)
        } catch {
            return .offline(reason: "\(error)")
        }
        let url = (baseURL[venue] ?? Self.defaultBase(venue)) + Self.path(venue)
        let sent = WallClock.nanoseconds()
        let response: HTTPResponse
        do {
            response = try client.get(url)
        } catch {
            return .offline(reason: "\(error)")
        }
        let received = WallClock.nanoseconds()
        guard response.status == 200, let venueTime = Self.serverTime(venue, body: response.body) else {
            return .unreadable(reason: "HTTP \(response.status) from \(url)")
        }
        let midpoint = sent + (received - sent) / 2
        return .measured(skew: midpoint - venueTime, roundTrip: received - sent)
    }

    /// The server time in a venue's answer, ns.
    static func serverTime(_ venue: Venue, body: [UInt8]) -> Int64? {
        let text = String(decoding: body, as: UTF8.self)
        switch venue {
        case .bybit:
            if let nanos = number(after: "\"timeNano\":\"", in: text) { return nanos }
            return number(after: "\"timeSecond\":\"", in: text).map { $0 * 1_000_000_000 }
        case .binance:
            return number(after: "\"serverTime\":", in: text).map { $0 * 1_000_000 }
        case .okx:
            return number(after: "\"ts\":\"", in: text).map { $0 * 1_000_000 }
        }
    }

    private static func number(after marker: String, in text: String) -> Int64? {
        guard let range = text.range(of: marker) else { return nil }
        let digits = text[range.upperBound...].prefix { $0.isNumber }
        return Int64(digits)
    }
}
