public import AsymCore
import AsymTransport
import Foundation

/// Measures the local clock against a venue's server time over its public REST endpoint (Bybit
/// `/v5/market/time`, Binance `/fapi/v1/time`, OKX `/api/v5/public/time`), correcting for half the round trip.
/// Signed requests fail outside the venues' receive windows (PROTOCOLS.md: Bybit and Binance reject timestamps
/// more than 1 s ahead), so a skew above 1 s refuses a live start.
public struct ClockSkewProbe: Sendable {
    /// What a probe found.
    public enum Outcome: Sendable, Equatable, CustomStringConvertible {
        /// local − venue, ns (positive: the local clock is ahead), and the round trip it was measured over.
        case measured(skew: Int64, roundTrip: Int64)
        /// The venue could not be reached (no network): reported as offline, not as a failure.
        case offline(reason: String)
        /// The venue answered something that is not its time.
        case unreadable(reason: String)

        public var description: String {
            switch self {
            case let .measured(skew, roundTrip):
                String(format: "skew %+.1f ms (round trip %.1f ms)", Double(skew) / 1e6, Double(roundTrip) / 1e6)
            case .offline(let reason): "venue unreachable: \(reason)"
            case .unreadable(let reason): reason
            }
        }
    }

    /// The REST base per venue; a venue not listed is probed at its production API.
    public var baseURL: [Venue: String]
    public var timeoutMilliseconds = 3_000

    public init(baseURL: [Venue: String] = [:]) {
        self.baseURL = baseURL
    }

    /// The path of `venue`'s server-time endpoint.
    static func path(_ venue: Venue) -> String {
        switch venue {
        case .bybit: "/v5/market/time"
        case .binance: "/fapi/v1/time"
        case .okx: "/api/v5/public/time"
        }
    }

    /// Probes `venue` up to `samples` times and keeps the reading with the shortest round trip, whose
    /// midpoint estimate is the tightest (the NTP rule); stops at the first probe that is not a measurement.
    public func probe(_ venue: Venue, samples: Int) -> Outcome {
        var best: Outcome?
        for _ in 0..<max(1, samples) {
            let outcome = probe(venue)
            guard case .measured(_, let roundTrip) = outcome else { return outcome }
            if case .measured(_, let bestRoundTrip)? = best, bestRoundTrip <= roundTrip { continue }
            best = outcome
        }
        return best!
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
        let base = baseURL[venue] ?? LiveFeedConfiguration.restBaseURL(for: venue, webSocketBase: nil)
        let url = base + Self.path(venue)
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
