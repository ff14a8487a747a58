import CCurl
#if canImport(Glibc)
import Glibc
#endif

/// One libcurl easy handle (`curl_easy_init`) and the response it is collecting: the Result layer between
/// ``HTTPClient`` and `curl_easy_*`.
///
/// Reused across requests (`curl_easy_reset` keeps its DNS and TLS session caches). Not `Sendable`: owned by
/// one client, and libcurl calls back into it only from inside that client's `curl_multi_perform`.
final class HTTPEasyHandle {
    /// The `CURL *`.
    let raw: UnsafeMutableRawPointer
    /// `CURLOPT_ERRORBUFFER`: libcurl writes a detailed message here on failure.
    private let errorBuffer: UnsafeMutablePointer<CChar>
    /// Request headers; must outlive the transfer, so freed on the next prepare or in deinit.
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private var responseHeaders: [HTTPHeader] = []
    private var responseBody: [UInt8] = []

    private init(raw: UnsafeMutableRawPointer) {
        self.raw = raw
        // Safety: owned by this handle, freed only in deinit after curl_easy_cleanup, so libcurl never writes to it late.
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    /// A fresh handle, or `nil` if `curl_easy_init` fails.
    static func make() -> HTTPEasyHandle? {
        curl_easy_init().map(HTTPEasyHandle.init(raw:))
    }

    deinit {
        curl_easy_cleanup(raw)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// Resets the handle and sets every option `request` needs.
    func prepare(_ request: HTTPRequest, configuration: HTTPClientConfiguration) -> Result<Void, HTTPClientError> {
        curl_easy_reset(raw)
        curl_slist_free_all(headerList)
        headerList = nil
        responseHeaders = []
        responseBody = []
        errorBuffer[0] = 0

        var failed = CURLE_OK
        func check(_ code: CURLcode) { if failed == CURLE_OK { failed = code } }
        func set(_ option: CURLoption, _ value: Int) { check(CCurl_setoptLong(raw, option, value)) }
        func set(_ option: CURLoption, _ value: String) {
            // Safety: libcurl copies string options (since 7.17), so the C string only has to live for the call.
            check(value.withCString { CCurl_setoptPointer(raw, option, $0) })
        }

        // Safety: the buffer is CURL_ERROR_SIZE bytes and lives as long as the handle.
        check(CCurl_setoptPointer(raw, CURLOPT_ERRORBUFFER, errorBuffer))
        set(CURLOPT_URL, request.url)
        set(CURLOPT_NOSIGNAL, 1)  // no SIGALRM-based DNS timeouts: we run on arbitrary threads
        set(CURLOPT_HTTP_VERSION, Self.curlVersion(configuration.version))
        // Wait for a connection that may multiplex rather than open another, but only where HTTP/2 is possible:
        // on plain http:// with ALPN-only HTTP/2 it would just serialise concurrent requests.
        let isTLS = request.url.utf8.count >= 8 && request.url.prefix(8).lowercased() == "https://"
        if configuration.version == .http2PriorKnowledge || (configuration.version == .http2 && isTLS) {
            set(CURLOPT_PIPEWAIT, 1)
        }
        set(CURLOPT_CONNECTTIMEOUT_MS, max(0, configuration.connectTimeoutMilliseconds))
        set(CURLOPT_TIMEOUT_MS, max(0, request.timeoutMilliseconds ?? configuration.timeoutMilliseconds))
        set(CURLOPT_SSL_VERIFYPEER, configuration.verifyTLS ? 1 : 0)
        set(CURLOPT_SSL_VERIFYHOST, configuration.verifyTLS ? 2 : 0)
        if let caFile = configuration.caFile { set(CURLOPT_CAINFO, caFile) }
        if configuration.tcpKeepAlive { set(CURLOPT_TCP_KEEPALIVE, 1) }
        if let userAgent = configuration.userAgent { set(CURLOPT_USERAGENT, userAgent) }

        // Safety: `self` outlives the transfer: the client keeps this handle until curl reports it done and it is
        // removed from the multi handle, so the unretained pointer the callbacks receive stays valid.
        let context = Unmanaged.passUnretained(self).toOpaque()
        check(CCurl_setoptCallback(raw, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            guard let data, let context else { return 0 }
            // Safety: `context` is the unretained HTTPEasyHandle set as WRITEDATA; `data` holds `size * count` bytes.
            let handle = Unmanaged<HTTPEasyHandle>.fromOpaque(context).takeUnretainedValue()
            handle.responseBody.append(contentsOf: UnsafeRawBufferPointer(start: data, count: size * count))
            return size * count
        })
        check(CCurl_setoptPointer(raw, CURLOPT_WRITEDATA, context))
        check(CCurl_setoptCallback(raw, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            guard let data, let context else { return 0 }
            // Safety: `context` is the unretained HTTPEasyHandle set as HEADERDATA; `data` holds one header line
            // of `size * count` bytes.
            let handle = Unmanaged<HTTPEasyHandle>.fromOpaque(context).takeUnretainedValue()
            handle.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
            return size * count
        })
        check(CCurl_setoptPointer(raw, CURLOPT_HEADERDATA, context))

        let sendsBody = !request.body.isEmpty || [.post, .put, .patch].contains(request.method)
        switch request.method {
        case .get where !sendsBody: set(CURLOPT_HTTPGET, 1)
        case .post: set(CURLOPT_POST, 1)
        default: set(CURLOPT_CUSTOMREQUEST, request.method.rawValue)
        }
        if sendsBody {
            check(CCurl_setoptOffset(raw, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count)))
            // Safety: COPYPOSTFIELDS copies POSTFIELDSIZE bytes during the call; an empty body still needs a
            // non-null pointer, hence the one-byte fallback.
            check(request.body.withUnsafeBytes { body in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1) { empty in
                    CCurl_setoptPointer(raw, CURLOPT_COPYPOSTFIELDS, body.baseAddress ?? UnsafeRawPointer(empty.baseAddress!))
                }
            })
        }

        // Blank values remove curl's defaults: no form Content-Type, no Expect: 100-continue round trip.
        var lines: [String] = []
        for header in request.headers {
            guard Self.isSafe(header.name), Self.isSafe(header.value), !header.name.isEmpty else {
                return .failure(.invalidRequest("header \(header.name) contains CR, LF or an empty name"))
            }
            // "Name;" is libcurl's spelling of a header with an empty value ("Name:" would delete it).
            lines.append(header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)")
        }
        if sendsBody && !request.headers.contains(where: { $0.hasName("Content-Type") }) { lines.append("Content-Type:") }
        if !request.headers.contains(where: { $0.hasName("Expect") }) { lines.append("Expect:") }
        for line in lines {
            guard let appended = curl_slist_append(headerList, line) else {
                return .failure(.initialization("curl_slist_append: out of memory"))
            }
            headerList = appended
        }
        // Safety: the list lives in `headerList` until the next prepare or deinit, i.e. past the transfer.
        check(CCurl_setoptPointer(raw, CURLOPT_HTTPHEADER, headerList))

        return failed == CURLE_OK ? .success(()) : .failure(error(failed))
    }

    /// Turns the transfer's outcome into a response or a typed error; call once curl reports it done.
    func finish(_ code: CURLcode) -> Result<HTTPResponse, HTTPClientError> {
        guard code == CURLE_OK else { return .failure(error(code)) }
        var status = 0
        var connects = 0
        // Safety: both out-parameters are live `long`-sized locals for the duration of the calls.
        _ = CCurl_getinfoLong(raw, CURLINFO_RESPONSE_CODE, &status)
        _ = CCurl_getinfoLong(raw, CURLINFO_NUM_CONNECTS, &connects)
        let response = HTTPResponse(status: status, headers: responseHeaders, body: responseBody, newConnections: connects)
        responseHeaders = []
        responseBody = []
        return .success(response)
    }

    /// Maps a `CURLcode` to ``HTTPClientError`` with the most specific text available.
    func error(_ code: CURLcode) -> HTTPClientError {
        // Safety: libcurl NUL-terminates the error buffer; strerror returns a static C string.
        let message = errorBuffer[0] != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(code))
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .couldNotResolveHost(message)
        case CURLE_COULDNT_CONNECT:
            var osErrno = 0
            // Safety: a live `long`-sized out-parameter.
            _ = CCurl_getinfoLong(raw, CURLINFO_OS_ERRNO, &osErrno)
            return osErrno == Int(ECONNREFUSED) ? .connectionRefused(message) : .connectFailed(message)
        case CURLE_OPERATION_TIMEDOUT:
            // Pre-transfer time stays 0 until connect and TLS handshake are done (or a pooled connection is picked).
            var preTransfer: curl_off_t = 0
            // Safety: a live curl_off_t out-parameter.
            _ = CCurl_getinfoOffset(raw, CURLINFO_PRETRANSFER_TIME_T, &preTransfer)
            return preTransfer == 0 ? .connectTimedOut(message) : .timedOut(message)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
             CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
             CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_USE_SSL_FAILED,
             CURLE_SSL_CLIENTCERT:
            return .tls(message)
        case CURLE_SEND_ERROR:
            return .send(message)
        case CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE:
            return .receive(message)
        case CURLE_WEIRD_SERVER_REPLY, CURLE_HTTP2, CURLE_HTTP2_STREAM:
            return .protocolError(message)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL, CURLE_BAD_FUNCTION_ARGUMENT, CURLE_UNKNOWN_OPTION:
            return .invalidRequest(message)
        case CURLE_OUT_OF_MEMORY, CURLE_FAILED_INIT:
            return .initialization(message)
        default:
            return .other(code: Int(code.rawValue), message: message)
        }
    }

    /// Collects one header line; a status line starts a new block, so only the final response's headers remain.
    ///
    /// Safety: `line` is libcurl's buffer, valid only during the callback; everything kept is copied into Strings.
    private func receiveHeaderLine(_ line: UnsafeRawBufferPointer) {
        var end = line.count
        while end > 0 && (line[end - 1] == 10 || line[end - 1] == 13) { end -= 1 }
        guard end > 0 else { return }
        let bytes = UnsafeRawBufferPointer(rebasing: line[..<end])
        if bytes.starts(with: "HTTP/".utf8) {
            responseHeaders.removeAll(keepingCapacity: true)
        } else if bytes[0] == 32 || bytes[0] == 9, !responseHeaders.isEmpty {
            // Obsolete line folding: continues the previous value.
            responseHeaders[responseHeaders.count - 1].value += " " + Self.trimmed(bytes[...])
        } else if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            let name = String(decoding: bytes[..<colon], as: UTF8.self)
            responseHeaders.append(HTTPHeader(name, Self.trimmed(bytes[(colon + 1)...])))
        }
    }

    /// Safety: reads `bytes` only during the call and returns a copy.
    private static func trimmed(_ bytes: Slice<UnsafeRawBufferPointer>) -> String {
        let isBlank: (UInt8) -> Bool = { $0 == 32 || $0 == 9 }
        guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }

    private static func isSafe(_ text: String) -> Bool {
        !text.utf8.contains { $0 == 10 || $0 == 13 || $0 == 0 }
    }

    private static func curlVersion(_ version: HTTPVersion) -> Int {
        switch version {
        case .http1_1: Int(CURL_HTTP_VERSION_1_1)
        case .http2: Int(CURL_HTTP_VERSION_2TLS)
        case .http2PriorKnowledge: Int(CURL_HTTP_VERSION_2_PRIOR_KNOWLEDGE)
        }
    }
}
