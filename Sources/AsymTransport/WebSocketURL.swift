/// A parsed `ws://` / `wss://` URL, split the way `lws_client_connect_info` wants it.
struct WebSocketURL: Hashable, Sendable {
    /// `wss` ⇒ TLS.
    let isTLS: Bool
    /// Host name or address to connect to (IPv6 without brackets).
    let host: String
    /// TCP port, defaulted from the scheme.
    let port: Int
    /// Request target: path plus `?query`, always starting with `/`.
    let pathAndQuery: String
    /// `Host:` header value: host, plus `:port` when it is not the scheme default.
    let hostHeader: String

    /// Parses `ws[s]://host[:port][/path][?query]`; no user-info, no fragments.
    static func parse(_ string: String) -> Result<WebSocketURL, WebSocketError> {
        let isTLS: Bool
        let rest: Substring
        if string.hasPrefix("wss://") {
            isTLS = true
            rest = string.dropFirst(6)
        } else if string.hasPrefix("ws://") {
            isTLS = false
            rest = string.dropFirst(5)
        } else {
            return .failure(.invalidURL(string))
        }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var target = String(rest[authorityEnd...])
        if target.isEmpty || target.first == "?" { target = "/" + target }

        var host: Substring
        var portText: Substring?
        if authority.first == "[" {
            guard let close = authority.firstIndex(of: "]") else { return .failure(.invalidURL(string)) }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.first == ":" { portText = after.dropFirst() } else if !after.isEmpty { return .failure(.invalidURL(string)) }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
        }
        guard !host.isEmpty, !host.contains("@") else { return .failure(.invalidURL(string)) }
        let defaultPort = isTLS ? 443 : 80
        var port = defaultPort
        if let portText {
            guard let parsed = Int(portText), (1...65535).contains(parsed) else { return .failure(.invalidURL(string)) }
            port = parsed
        }
        let bracketed = host.contains(":") ? "[\(host)]" : String(host)
        let hostHeader = port == defaultPort ? bracketed : "\(bracketed):\(port)"
        return .success(WebSocketURL(isTLS: isTLS, host: String(host), port: port, pathAndQuery: target, hostHeader: hostHeader))
    }
}
