/// Why an ``HTTPClient`` transfer produced no response. Each case carries libcurl's error text for context.
///
/// HTTP error statuses are not errors: a 404 or 503 is an ``HTTPResponse``.
public enum HTTPClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The host name did not resolve (`CURLE_COULDNT_RESOLVE_HOST`/`_PROXY`).
    case couldNotResolveHost(String)
    /// The peer actively refused the TCP connection (`CURLE_COULDNT_CONNECT` with `ECONNREFUSED`).
    case connectionRefused(String)
    /// Any other connect failure, e.g. network unreachable (`CURLE_COULDNT_CONNECT`).
    case connectFailed(String)
    /// Timed out before the connection (TCP and TLS) was established (`CURLE_OPERATION_TIMEDOUT`, no pre-transfer time).
    case connectTimedOut(String)
    /// Timed out after connecting: the total timeout expired mid-request (`CURLE_OPERATION_TIMEDOUT`).
    case timedOut(String)
    /// TLS handshake or certificate verification failed (`CURLE_SSL_*`, `CURLE_PEER_FAILED_VERIFICATION`).
    case tls(String)
    /// Sending failed (`CURLE_SEND_ERROR`).
    case send(String)
    /// Receiving failed or the peer closed early (`CURLE_RECV_ERROR`, `CURLE_GOT_NOTHING`, `CURLE_PARTIAL_FILE`).
    case receive(String)
    /// The server's reply was not valid HTTP (`CURLE_WEIRD_SERVER_REPLY`, `CURLE_HTTP2`, `CURLE_HTTP2_STREAM`).
    case protocolError(String)
    /// The request could not be expressed: bad URL, unsupported scheme, CR/LF in a header.
    case invalidRequest(String)
    /// libcurl could not be initialised (`curl_global_init`, `curl_easy_init`, `curl_multi_init`) or ran out of memory.
    case initialization(String)
    /// Any other `CURLcode`/`CURLMcode`.
    case other(code: Int, message: String)

    /// libcurl's description of the failure.
    public var message: String {
        switch self {
        case .couldNotResolveHost(let message), .connectionRefused(let message), .connectFailed(let message),
             .connectTimedOut(let message), .timedOut(let message), .tls(let message), .send(let message),
             .receive(let message), .protocolError(let message), .invalidRequest(let message),
             .initialization(let message), .other(_, let message):
            message
        }
    }

    public var description: String {
        switch self {
        case .couldNotResolveHost: "could not resolve host: \(message)"
        case .connectionRefused: "connection refused: \(message)"
        case .connectFailed: "connect failed: \(message)"
        case .connectTimedOut: "connect timed out: \(message)"
        case .timedOut: "timed out: \(message)"
        case .tls: "TLS failure: \(message)"
        case .send: "send failed: \(message)"
        case .receive: "receive failed: \(message)"
        case .protocolError: "protocol error: \(message)"
        case .invalidRequest: "invalid request: \(message)"
        case .initialization: "initialisation failed: \(message)"
        case .other(let code, _): "curl error \(code): \(message)"
        }
    }
}
