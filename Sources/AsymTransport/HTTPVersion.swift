/// Which HTTP version the client asks libcurl for (`CURLOPT_HTTP_VERSION`).
public enum HTTPVersion: Hashable, Sendable {
    /// HTTP/1.1 only (`CURL_HTTP_VERSION_1_1`).
    case http1_1
    /// HTTP/2 over TLS when ALPN agrees, HTTP/1.1 otherwise, including for plain `http://` (`CURL_HTTP_VERSION_2TLS`).
    case http2
    /// HTTP/2 without negotiation, also over plain TCP (h2c); the server must speak it (`CURL_HTTP_VERSION_2_PRIOR_KNOWLEDGE`).
    case http2PriorKnowledge
}
