import CWebSockets

/// One queued write: payload stored after `LWS_PRE` bytes of headroom so `lws_write` can put the
/// frame header (and, client side, mask the payload) in place without another copy.
enum WebSocketOutgoingFrame {
    /// Data or ping bytes with headroom, and the raw `lws_write_protocol` flags.
    case data(storage: [UInt8], writeProtocol: UInt32)
    /// Close the connection with this code and reason (`lws_close_reason`).
    case close(WebSocketCloseCode, reason: [UInt8])

    /// Raw flags for a ping frame.
    static let pingProtocol = LWS_WRITE_PING.rawValue

    /// `LWS_PRE`, fetched once.
    static let headroom = CWebSockets_pre_padding()

    /// Copies `payload` behind fresh headroom.
    static func data(_ payload: UnsafeRawBufferPointer, writeProtocol: UInt32) -> WebSocketOutgoingFrame {
        let headroom = headroom
        let storage = [UInt8](unsafeUninitializedCapacity: headroom + payload.count) { buffer, initialized in
            // Safety: the buffer has exactly `headroom + payload.count` bytes of capacity; we
            // initialise all of them before reporting them initialised.
            buffer.baseAddress!.initialize(repeating: 0, count: headroom)
            if let source = payload.baseAddress, !payload.isEmpty {
                UnsafeMutableRawPointer(buffer.baseAddress! + headroom).copyMemory(from: source, byteCount: payload.count)
            }
            initialized = headroom + payload.count
        }
        return .data(storage: storage, writeProtocol: writeProtocol)
    }

    /// The lws write flags for the first, middle or last frame of a (possibly fragmented) message.
    static func writeProtocol(_ opcode: WebSocketOpcode, isFirst: Bool, isLast: Bool) -> UInt32 {
        let base = isFirst ? (opcode == .text ? LWS_WRITE_TEXT : LWS_WRITE_BINARY) : LWS_WRITE_CONTINUATION
        return base.rawValue | (isLast ? 0 : LWS_WRITE_NO_FIN.rawValue)
    }

    /// Writes this frame from a `*_WRITEABLE` callback. Returns the callback's return value:
    /// `0` to keep going, `-1` to make lws close the connection (after a close or a write error).
    consuming func write(to wsi: OpaquePointer) -> Int32 {
        switch consume self {
        case .data(var storage, let writeProtocol):
            let headroom = Self.headroom
            let written = storage.withUnsafeMutableBytes { raw -> Int32 in
                // Safety: `raw` covers headroom + payload; lws writes the frame header into the
                // headroom before the pointer and may mask the payload in place, both inside
                // this uniquely owned buffer, and it copies any unsent tail before returning.
                let payload = raw.baseAddress!.advanced(by: headroom).assumingMemoryBound(to: UInt8.self)
                return lws_write(wsi, payload, raw.count - headroom, lws_write_protocol(rawValue: writeProtocol))
            }
            return written < 0 ? -1 : 0
        case .close(let code, var reason):
            reason.withUnsafeMutableBufferPointer { bytes in
                // Safety: lws copies at most 123 reason bytes into the wsi during this call.
                lws_close_reason(wsi, lws_close_status(rawValue: UInt32(code.rawValue)), bytes.baseAddress, min(bytes.count, 123))
            }
            return -1
        }
    }
}
