import AsymOps
import Foundation
import Testing

@Suite("OpsStatus JSON")
struct OpsStatusTests {
    @Test("encodes with snake_case keys and decodes back to the same status")
    func roundTripsWithSnakeCaseKeys() throws {
        let status = OpsFixtures.status()
        let json = status.jsonBytes()
        #expect(try OpsStatus.decode(json: json) == status)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        #expect(Set(object.keys) == [
            "trading_state", "mode", "uptime_seconds", "venues", "positions", "equity", "realised_pnl",
            "unrealised_pnl", "latest_signals", "ai_bias", "latency",
        ])
        let signal = try #require((object["latest_signals"] as? [[String: Any]])?.last)
        #expect(signal["verdict"] as? String == "denied")
        #expect(signal["denial_reason"] as? String == "spoof_score_too_high")
        let latency = try #require((object["latency"] as? [String: Any])?["tick_to_decision"] as? [String: Any])
        #expect(latency["p999_nanoseconds"] as? Int == 4_800)
        let book = try #require(((object["venues"] as? [[String: Any]])?.first?["books"] as? [[String: Any]])?.first)
        #expect(book["best_bid"] as? String == "65000.1" && book["regime"] as? String == "ranging")
    }

    @Test("equal statuses encode to equal bytes (sorted keys)")
    func encodingIsDeterministic() {
        #expect(OpsFixtures.status().jsonBytes() == OpsFixtures.status().jsonBytes())
    }

    @Test("non-finite money encodes as strings instead of failing the whole response")
    func nonFiniteNumbersSurvive() throws {
        var status = OpsFixtures.status()
        status.equity = .nan
        status.realisedPnl = .infinity
        status.unrealisedPnl = -.infinity
        let json = status.jsonBytes()
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains(#""equity":"NaN""#) && text.contains(#""realised_pnl":"+Inf""#))
        let decoded = try OpsStatus.decode(json: json)
        #expect(decoded.equity.isNaN && decoded.realisedPnl == .infinity && decoded.unrealisedPnl == -.infinity)
    }

    @Test("malformed or incomplete JSON is a DecodingError")
    func malformedJSONIsATypedError() {
        for text in ["", "{", #"{"trading_state":"active"}"#, "[]"] {
            #expect(throws: DecodingError.self, "\(text)") { try OpsStatus.decode(json: Array(text.utf8)) }
        }
    }
}
