import CWebSockets

/// Process-wide lws settings and small helpers shared by the client and server cores.
enum WebSocketLibrary {
    /// The name of our single lws protocol. Static string storage is immortal, as lws requires.
    static var protocolName: UnsafePointer<CChar> {
        let name: StaticString = "asym-ws"
        // Safety: a StaticString literal's bytes are NUL-terminated and live for the whole process.
        return UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)
    }

    /// Largest chunk lws hands a receive callback; bigger frames arrive in several chunks.
    static let receiveChunkSize = 64 * 1024

    private static let loggingConfigured: Void = {
        // lws logs notices/warnings to stderr by default; keep only nothing, errors surface as events.
        lws_set_log_level(0, nil)
    }()

    /// Silences lws logging once per process (`lws_set_log_level`).
    static func configureLogging() { loggingConfigured }

    /// Maps lws's CONNECTION_ERROR text to a typed error; TLS failures mention tls/ssl/cert.
    static func classifyConnectError(_ message: String) -> WebSocketError {
        let lowered = message.lowercased()
        if lowered.contains("tls") || lowered.contains("ssl") || lowered.contains("cert") || lowered.contains("x509") {
            return .tlsFailed(reason: message)
        }
        return .connectFailed(reason: message)
    }

    /// Splits a close frame payload: 2-byte big-endian code, then a UTF-8 reason.
    static func parseClosePayload(_ payload: UnsafeRawBufferPointer) -> (code: WebSocketCloseCode, reason: String) {
        guard payload.count >= 2 else { return (.noStatus, "") }
        let code = UInt16(payload[0]) << 8 | UInt16(payload[1])
        // Close is not the data path, so a String here is fine.
        return (WebSocketCloseCode(rawValue: code), String(decoding: payload.dropFirst(2), as: UTF8.self))
    }
}

extension WebSocketLibrary {
    /// Copies one tokenised request header (`lws_hdr_copy`); nil if absent.
    static func header(_ wsi: OpaquePointer, _ token: lws_token_indexes) -> String? {
        let length = Int(lws_hdr_total_length(wsi, token))
        guard length > 0 else { return nil }
        return copyString(capacity: length + 1) { lws_hdr_copy(wsi, $0, $1, token) }
    }

    /// The URL query rebuilt from lws's per-argument fragments (`lws_hdr_copy_fragment`).
    static func query(_ wsi: OpaquePointer) -> String {
        let total = Int(lws_hdr_total_length(wsi, WSI_TOKEN_HTTP_URI_ARGS))
        guard total > 0 else { return "" }
        var parts: [String] = []
        var index: Int32 = 0
        while let part = copyString(capacity: total + 1, { lws_hdr_copy_fragment(wsi, $0, $1, WSI_TOKEN_HTTP_URI_ARGS, index) }) {
            parts.append(part)
            index += 1
        }
        return parts.joined(separator: "&")
    }

    /// Every tokenised `name:` header lws parsed, plus the requested custom ones.
    static func requestHeaders(_ wsi: OpaquePointer, captured: [String]) -> [String: String] {
        var headers: [String: String] = [:]
        for raw in 0..<WSI_TOKEN_COUNT.rawValue {
            let token = lws_token_indexes(rawValue: raw)
            guard let namePointer = lws_token_to_string(token) else { continue }
            // Safety: lws returns a pointer into its static, NUL-terminated token table.
            let name = String(cString: namePointer)
            guard name.count > 1, name.hasSuffix(":"), !name.hasPrefix(":") else { continue }
            if let value = header(wsi, token) { headers[String(name.dropLast()).lowercased()] = value }
        }
        for name in captured {
            let key = name.lowercased() + ":"
            let length = Int(lws_hdr_custom_length(wsi, key, Int32(key.utf8.count)))
            guard length >= 0 else { continue }
            if let value = copyString(capacity: length + 1, { lws_hdr_custom_copy(wsi, $0, $1, key, Int32(key.utf8.count)) }) {
                headers[name.lowercased()] = value
            }
        }
        return headers
    }

    /// Runs an lws "copy into buffer, return length or -1" function into a fresh buffer.
    private static func copyString(capacity: Int, _ copy: (UnsafeMutablePointer<CChar>, Int32) -> Int32) -> String? {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
            // Safety: `copy` writes at most `capacity` bytes (it is given that length) and returns
            // how many it wrote; we read only those.
            let written = Int(copy(buffer.baseAddress!, Int32(clamping: capacity)))
            guard written >= 0 else { return nil }
            return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress, count: min(written, capacity)), as: UTF8.self)
        }
    }
}
