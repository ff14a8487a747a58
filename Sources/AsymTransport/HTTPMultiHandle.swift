import CCurl

/// One libcurl multi handle (`curl_multi_init`): the Result layer between ``HTTPClient`` and `curl_multi_*`.
///
/// Owns the connection cache, so every transfer run through it can reuse the TCP/TLS connections of earlier ones.
/// Not `Sendable`: owned by one client.
final class HTTPMultiHandle {
    /// The `CURLM *`.
    private let raw: UnsafeMutableRawPointer

    private init(raw: UnsafeMutableRawPointer) { self.raw = raw }

    /// A multi handle keeping up to `maximumConnections` idle connections (`CURLMOPT_MAXCONNECTS`).
    static func make(maximumConnections: Int) -> Result<HTTPMultiHandle, HTTPClientError> {
        guard let raw = curl_multi_init() else { return .failure(.initialization("curl_multi_init failed")) }
        let multi = HTTPMultiHandle(raw: raw)
        return multi.check(CCurl_multiSetoptLong(raw, CURLMOPT_MAXCONNECTS, max(1, maximumConnections))).map { multi }
    }

    deinit { curl_multi_cleanup(raw) }

    /// Starts running `easy` (`curl_multi_add_handle`).
    func add(_ easy: HTTPEasyHandle) -> Result<Void, HTTPClientError> {
        check(curl_multi_add_handle(raw, easy.raw))
    }

    /// Detaches `easy`; its connection stays in this handle's cache (`curl_multi_remove_handle`).
    func remove(_ easy: HTTPEasyHandle) {
        _ = curl_multi_remove_handle(raw, easy.raw)
    }

    /// Drives all transfers as far as they go without blocking (`curl_multi_perform`); returns how many still run.
    func perform() -> Result<Int, HTTPClientError> {
        var running: Int32 = 0
        // Safety: `running` is a live out-parameter for the call.
        return check(curl_multi_perform(raw, &running)).map { Int(running) }
    }

    /// Blocks until a transfer's socket is ready or libcurl's next timeout is due, at most `milliseconds` (`curl_multi_poll`).
    func poll(milliseconds: Int32) -> Result<Void, HTTPClientError> {
        check(curl_multi_poll(raw, nil, 0, milliseconds, nil))
    }

    /// The next finished transfer, if any (`curl_multi_info_read` via the shim).
    func nextDone() -> (easy: UnsafeMutableRawPointer, code: CURLcode)? {
        var easy: UnsafeMutableRawPointer?
        var code = CURLE_OK
        // Safety: both out-parameters are live locals for the call.
        guard CCurl_multiNextDone(raw, &easy, &code) == 1, let easy else { return nil }
        return (easy, code)
    }

    private func check(_ code: CURLMcode) -> Result<Void, HTTPClientError> {
        if code == CURLM_OK || code == CURLM_CALL_MULTI_PERFORM { return .success(()) }
        let message = String(cString: curl_multi_strerror(code))  // Safety: a static C string
        return .failure(code == CURLM_OUT_OF_MEMORY ? .initialization(message) : .other(code: Int(code.rawValue), message: message))
    }
}
