@testable import AsymTransport
import Testing

@Suite("WebSocket internals")
struct WebSocketInternalsTests {
    @Test func urlParsingSplitsHostPortAndTarget() throws {
        let url = try WebSocketURL.parse("wss://stream.binance.com:9443/public/stream?streams=btcusdt@depth@100ms").get()
        #expect(url.isTLS)
        #expect(url.host == "stream.binance.com")
        #expect(url.port == 9443)
        #expect(url.pathAndQuery == "/public/stream?streams=btcusdt@depth@100ms")
        #expect(url.hostHeader == "stream.binance.com:9443")

        let plain = try WebSocketURL.parse("ws://127.0.0.1?x=1").get()
        #expect(!plain.isTLS && plain.port == 80 && plain.pathAndQuery == "/?x=1" && plain.hostHeader == "127.0.0.1")

        let v6 = try WebSocketURL.parse("ws://[::1]:8080/").get()
        #expect(v6.host == "::1" && v6.port == 8080 && v6.hostHeader == "[::1]:8080")

        for bad in ["http://x/", "ws://", "ws://host:0/", "ws://host:99999/", "ws://[::1/"] {
            #expect(throws: WebSocketError.invalidURL(bad)) { try WebSocketURL.parse(bad).get() }
        }
    }

    @Test func messageBufferPassesSingleChunkThroughWithoutCopy() {
        var buffer = WebSocketMessageBuffer(initialCapacity: 4, limit: 64)
        let bytes: [UInt8] = [1, 2, 3]
        bytes.withUnsafeBytes { chunk in
            var delivered: UnsafeRawBufferPointer?
            let accepted = buffer.receive(chunk, isFinal: true, opcode: .binary) { _, message in delivered = message }
            #expect(accepted)
            #expect(delivered?.baseAddress == chunk.baseAddress)
        }
    }

    @Test func messageBufferReassemblesAndEnforcesLimit() {
        var buffer = WebSocketMessageBuffer(initialCapacity: 2, limit: 8)
        var messages: [[UInt8]] = []
        let collect: (WebSocketOpcode, UnsafeRawBufferPointer) -> Void = { _, message in messages.append(Array(message)) }
        var results: [Bool] = []
        for (chunk, isFinal) in [([UInt8]([1, 2, 3]), false), ([4, 5, 6, 7, 8], true), ([1, 2, 3, 4, 5], false), ([6, 7, 8, 9], true)] {
            chunk.withUnsafeBytes { results.append(buffer.receive($0, isFinal: isFinal, opcode: .text, deliver: collect)) }
        }
        #expect(results == [true, true, true, false])
        #expect(messages == [[1, 2, 3, 4, 5, 6, 7, 8]])
    }
}
