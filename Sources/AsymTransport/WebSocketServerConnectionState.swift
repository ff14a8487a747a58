/// Service-thread-only state of one accepted WebSocket connection.
final class WebSocketServerConnectionState {
    let id: UInt64
    let wsi: OpaquePointer
    var receiveBuffer: WebSocketMessageBuffer
    var writing: [WebSocketOutgoingFrame?] = []
    var writeIndex = 0
    var peerCloseCode: WebSocketCloseCode?
    var localCloseCode: WebSocketCloseCode?

    init(id: UInt64, wsi: OpaquePointer, maxMessageSize: Int) {
        self.id = id
        self.wsi = wsi
        // Server connections are test/emulation peers: start small, grow on demand.
        receiveBuffer = WebSocketMessageBuffer(initialCapacity: 4096, limit: maxMessageSize)
    }
}
