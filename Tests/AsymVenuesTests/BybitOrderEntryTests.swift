import AsymCore
@testable import AsymVenues
import Testing

/// Instruments at the docs' examples' scales.
private let instruments: [String: Instrument] = [
    "ETHUSDT": Instrument(venue: .bybit, symbol: "ETHUSDT", priceScale: FixedPointScale(decimals: 2),
                          quantityScale: FixedPointScale(decimals: 2), minimumQuantity: Quantity(lots: 1),
                          maximumQuantity: Quantity(lots: 1_000_000), minimumNotional: "5", contractValue: "1",
                          maximumLeverage: 100),
    "BTCUSDT": Instrument(venue: .bybit, symbol: "BTCUSDT", priceScale: FixedPointScale(decimals: 1),
                          quantityScale: FixedPointScale(decimals: 3), minimumQuantity: Quantity(lots: 1),
                          maximumQuantity: Quantity(lots: 1_000_000), minimumNotional: "5", contractValue: "1",
                          maximumLeverage: 100),
    "ETH-30DEC22-1400-C": Instrument(venue: .bybit, symbol: "ETH-30DEC22-1400-C", priceScale: FixedPointScale(decimals: 1),
                                     quantityScale: FixedPointScale(decimals: 0), minimumQuantity: Quantity(lots: 1),
                                     maximumQuantity: Quantity(lots: 1000), minimumNotional: nil, contractValue: "1",
                                     maximumLeverage: 1),
]

private func decodePrivate(_ name: String) throws -> BybitPrivateMessage {
    try Fixture.bytes(name).withUnsafeBytes { try BybitPrivateMessage.decode($0) { instruments[$0] } }
}

private func decodeReply(_ name: String) throws -> BybitRESTReply {
    try Fixture.bytes(name).withUnsafeBytes { try BybitRESTReply.decode($0) { instruments[$0] } }
}

@Suite("Bybit order entry")
struct BybitOrderEntryTests {
    @Test func signaturePayloadsMatchTheDocsWorkedExamplesForGetAndPost() {
        #expect(BybitOrderEntry.signaturePayload(timestampMilliseconds: 1_658_384_314_791, apiKey: "XXXXXXXXXX",
                                                 receiveWindowMilliseconds: 5000,
                                                 payload: "category=option&symbol=BTC-29JUL22-25000-C")
                == "1658384314791XXXXXXXXXX5000category=option&symbol=BTC-29JUL22-25000-C")
        #expect(BybitOrderEntry.signaturePayload(timestampMilliseconds: 1_658_385_579_423, apiKey: "XXXXXXXXXX",
                                                 receiveWindowMilliseconds: 5000, payload: #"{"category": "option"}"#)
                == #"1658385579423XXXXXXXXXX5000{"category": "option"}"#)
        #expect(BybitOrderEntry.streamAuthPayload(expiresMilliseconds: 1_662_350_400_000) == "GET/realtime1662350400000")
    }

    @Test func createBodyCarriesTheDocsLinearFieldsInOneFixedCompactForm() throws {
        // The docs' "USDT Perp close long position" example, less its spaces (Bybit signs whatever is sent).
        let limit = try BybitOrderEntry.createBody(symbol: "BTCUSDT", side: .sell, orderType: .limit, quantity: "1",
                                                   price: "30000", orderLinkID: "usdt-test-02", reduceOnly: true)
        #expect(limit == #"{"category":"linear","symbol":"BTCUSDT","side":"Sell","orderType":"Limit","qty":"1","price":"30000","timeInForce":"GTC","positionIdx":0,"orderLinkId":"usdt-test-02","reduceOnly":true}"#)
        let market = try BybitOrderEntry.createBody(symbol: "BTCUSDT", side: .buy, orderType: .market, quantity: "0.001",
                                                    price: "65000.5", orderLinkID: "0Ab", reduceOnly: false)
        #expect(market == #"{"category":"linear","symbol":"BTCUSDT","side":"Buy","orderType":"Market","qty":"0.001","timeInForce":"IOC","positionIdx":0,"orderLinkId":"0Ab","reduceOnly":false}"#)
        for (type, tif) in [(BybitOrderType.postOnly, "PostOnly"), (.immediateOrCancel, "IOC"), (.fillOrKill, "FOK")] {
            let body = try BybitOrderEntry.createBody(symbol: "BTCUSDT", side: .buy, orderType: type, quantity: "1",
                                                      price: "1", orderLinkID: "a", reduceOnly: false)
            #expect(body.contains(#""orderType":"Limit","#) && body.contains(#""timeInForce":"\#(tif)""#))
        }
        #expect(try BybitOrderEntry.cancelBody(symbol: "BTCUSDT", orderLinkID: "linear-004")
                == #"{"category":"linear","symbol":"BTCUSDT","orderLinkId":"linear-004"}"#)
        #expect(try BybitOrderEntry.orderQuery(symbol: "ETHUSDT", orderLinkID: "test-000005")
                == "category=linear&symbol=ETHUSDT&orderLinkId=test-000005")
    }

    @Test func textThatWouldNeedEscapingOrIsNotADecimalIsATypedError() {
        #expect(throws: BybitRequestError.invalidText(field: "orderLinkId")) {
            try BybitOrderEntry.createBody(symbol: "BTCUSDT", side: .buy, orderType: .market, quantity: "1", price: nil,
                                           orderLinkID: #"a","reduceOnly":false"#, reduceOnly: false)
        }
        #expect(throws: BybitRequestError.invalidText(field: "symbol")) {
            try BybitOrderEntry.cancelBody(symbol: "BTC USDT", orderLinkID: "a")
        }
        #expect(throws: BybitRequestError.invalidText(field: "qty")) {
            try BybitOrderEntry.createBody(symbol: "BTCUSDT", side: .buy, orderType: .market, quantity: "1e3", price: nil,
                                           orderLinkID: "a", reduceOnly: false)
        }
        #expect(throws: BybitRequestError.invalidText(field: "price")) {
            try BybitOrderEntry.createBody(symbol: "BTCUSDT", side: .buy, orderType: .limit, quantity: "1", price: nil,
                                           orderLinkID: "a", reduceOnly: false)
        }
        #expect(throws: BybitRequestError.invalidText(field: "orderLinkId")) {
            try BybitOrderEntry.orderQuery(symbol: "BTCUSDT", orderLinkID: "")
        }
    }

    @Test func createAndCancelRepliesFromTheDocsDecodeToTheirIds() throws {
        let create = try decodeReply("bybit-order-create-reply.json")
        #expect(create == BybitRESTReply(retCode: 0, retMessage: "OK", orderID: "1321003749386327552",
                                         orderLinkID: "spot-test-postonly", orders: [], timeMilliseconds: 1_672_211_918_471))
        #expect(create.failure == nil)
        let cancel = try decodeReply("bybit-order-cancel-reply.json")
        #expect(cancel.orderID == "c6f055d9-7f21-4079-913d-e6523a9cfffa" && cancel.orderLinkID == "linear-004")
    }

    @Test func realtimeOrderReplyFromTheDocsDecodesTheOrderAtTheInstrumentsScales() throws {
        let reply = try decodeReply("bybit-order-realtime-reply.json")
        #expect(reply.orders == [BybitOrderUpdate(
            symbol: "ETHUSDT", orderID: "fd4300ae-7847-404e-b947-b46980a4d140", orderLinkID: "test-000005", side: .buy,
            status: .new, rejectReason: "EC_NoError", cancelType: "UNKNOWN", quantity: 10, filledQuantity: 0,
            leavesQuantity: 10, averagePrice: 0, cumulativeFee: 0, updatedMilliseconds: 1_684_738_540_561)])
        #expect(reply.orders[0].status.isOpen)
        // A symbol the caller does not trade is left out, not an error.
        let unknown = try Fixture.bytes("bybit-order-realtime-reply.json").withUnsafeBytes {
            try BybitRESTReply.decode($0) { _ in nil }
        }
        #expect(unknown.orders.isEmpty && unknown.retCode == 0)
    }

    @Test func privateStreamMessagesFromTheDocsDecode() throws {
        #expect(try decodePrivate("bybit-private-auth-reply.json") == .authenticated(success: true, message: ""))
        #expect(try decodePrivate("bybit-private-subscribe-reply.json") == .subscribed(success: true, message: ""))
        #expect(try decodePrivate("bybit-private-pong.json") == .pong)
        #expect(try decodePrivate("bybit-private-execution.json") == .executions([BybitExecution(
            symbol: "BTCUSDT", orderID: "9aac161b-8ed6-450d-9cab-c5cc67c21784", orderLinkID: "",
            executionID: "0ab1bdf7-4219-438b-b30a-32ec863018f7",
            tradeID: 0x0ab1bdf74219438b ^ 0xb30a32ec863018f7, side: .sell, price: 959_001, quantity: 500,
            fee: 26.3725275, isMaker: false, executionType: "Trade", executionMilliseconds: 1_746_270_400_353)]))
        #expect(try decodePrivate("bybit-private-order-option.json") == .orders([BybitOrderUpdate(
            symbol: "ETH-30DEC22-1400-C", orderID: "5cf98598-39a7-459e-97bf-76ca765ee020", orderLinkID: "", side: .sell,
            status: .filled, rejectReason: "EC_NoError", cancelType: "UNKNOWN", quantity: 1, filledQuantity: 1,
            leavesQuantity: 0, averagePrice: 75, cumulativeFee: 0.358635, updatedMilliseconds: 1_672_364_262_457)]))
    }

    @Test func nonZeroRetCodesClassifyAsTheDocumentedFailures() throws {
        let cases: [(Int64, BybitFailure)] = [
            (10006, .rateLimited), (10002, .timestampOutsideWindow), (10004, .authentication), (10003, .authentication),
            (110007, .insufficientMargin), (110004, .insufficientMargin), (10001, .invalidOrder), (110017, .invalidOrder),
            (110094, .invalidOrder), (110003, .invalidOrder), (110072, .duplicateOrderLinkID), (110001, .orderNotFound),
            (170213, .other(170213)),
        ]
        for (code, failure) in cases {
            let reply = try Array(#"{"retCode":\#(code),"retMsg":"x","result":{},"retExtInfo":{},"time":1}"#.utf8)
                .withUnsafeBytes { try BybitRESTReply.decode($0) }
            #expect(reply.failure == failure)
        }
        #expect(BybitFailure(retCode: 0) == nil)
    }

    @Test func everyTruncatedPrefixOfEveryOrderEntryFixtureIsATypedError() throws {
        let names = ["bybit-order-create-reply.json", "bybit-order-realtime-reply.json", "bybit-private-execution.json",
                     "bybit-private-order-option.json", "bybit-private-auth-reply.json"]
        for name in names {
            let bytes = try Fixture.bytes(name)
            var failures = 0
            for length in 0..<bytes.count {
                let prefix = Array(bytes[..<length])
                let decoded: Bool = prefix.withUnsafeBytes { raw in
                    if name.hasPrefix("bybit-order") { return (try? BybitRESTReply.decode(raw) { instruments[$0] }) != nil }
                    return (try? BybitPrivateMessage.decode(raw) { instruments[$0] }) != nil
                }
                if !decoded { failures += 1 }
            }
            // Only the whole message (a prefix ending in its final `}` plus the newline) decodes.
            #expect(failures == bytes.count - 1, "\(name)")
        }
    }

    @Test func offGridPricesUnknownStatusesAndMissingFieldsAreTypedErrors() throws {
        func decode(_ text: String) throws -> BybitPrivateMessage {
            try Array(text.utf8).withUnsafeBytes { try BybitPrivateMessage.decode($0) { instruments[$0] } }
        }
        let fill = #"{"topic":"execution","data":[{"symbol":"BTCUSDT","orderId":"1","orderLinkId":"a","execId":"e","side":"Buy","execPrice":"PRICE","execQty":"0.001","execFee":"0.1","isMaker":true,"execType":"Trade","execTime":"5"}]}"#
        #expect(throws: DecodeError.self) { try decode(fill.replacingOccurrences(of: "PRICE", with: "65000.05")) }
        #expect(throws: DecodeError.self) { try decode(fill.replacingOccurrences(of: "\"Buy\"", with: "\"Long\"").replacingOccurrences(of: "PRICE", with: "1")) }
        #expect(throws: DecodeError.missingField("execId")) { try decode(fill.replacingOccurrences(of: #""execId":"e","#, with: "").replacingOccurrences(of: "PRICE", with: "1")) }
        // Found by the fuzzer: a fill without an id to deduplicate it by.
        #expect(throws: DecodeError.missingField("execId")) { try decode(fill.replacingOccurrences(of: #""execId":"e","#, with: #""execId":"","#).replacingOccurrences(of: "PRICE", with: "1")) }
        #expect(throws: DecodeError.missingField("topic")) { try decode(#"{"data":[]}"#) }
        let order = #"{"topic":"order","data":[{"symbol":"BTCUSDT","orderId":"1","orderLinkId":"a","side":"Buy","orderStatus":"Sleeping","qty":"1"}]}"#
        #expect(throws: DecodeError.self) { try decode(order) }
        #expect(try decode(#"{"topic":"wallet","data":[]}"#) == .other)
        #expect(throws: DecodeError.missingField("retCode")) {
            try Array(#"{"retMsg":"OK"}"#.utf8).withUnsafeBytes { try BybitRESTReply.decode($0) }
        }
    }
}
