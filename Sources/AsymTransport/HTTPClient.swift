import CCurl

/// A blocking HTTP/1.1 and HTTP/2 client over libcurl that keeps its TCP/TLS connections alive between requests.
///
/// Every request runs through one `curl_multi` handle (`curl_multi_perform`/`curl_multi_poll`), which owns the
/// connection cache, so sequential requests to the same origin reuse one connection, and `perform(_: [HTTPRequest])`
/// runs several at once. Easy handles (`curl_easy_init`) are pooled too. `curl_global_init` runs once per
/// process, on first use. TLS peers are verified unless the configuration says otherwise.
///
/// Not `Sendable`: libcurl handles may be used by one thread at a time, so each thread (or actor) owns its own client.
///
/// - Complexity: every call blocks the calling thread for the network round trip, bounded by the configured timeouts.
public final class HTTPClient {
    /// Settings applied to every request.
    public let configuration: HTTPClientConfiguration
    private let multi: HTTPMultiHandle
    /// Easy handles between requests; each keeps its DNS and TLS session caches.
    private var idleHandles: [HTTPEasyHandle] = []

    /// Creates a client; throws `.initialization` if libcurl cannot be set up.
    public init(configuration: HTTPClientConfiguration = HTTPClientConfiguration()) throws(HTTPClientError) {
        let initialised = CCurl_globalInitOnce()
        guard initialised == CURLE_OK else {
            // Safety: curl_easy_strerror returns a static C string.
            throw .initialization("curl_global_init: \(String(cString: curl_easy_strerror(initialised)))")
        }
        self.configuration = configuration
        self.multi = try HTTPMultiHandle.make(maximumConnections: configuration.maximumConnections).get()
    }

    deinit {
        // libcurl wants easy handles cleaned up before the multi handle that cached their connections.
        idleHandles.removeAll()
    }

    /// Performs one request; any HTTP status is a response, only transport failures throw.
    public func perform(_ request: HTTPRequest) throws(HTTPClientError) -> HTTPResponse {
        try run([request])[0].get()
    }

    /// Performs `requests` concurrently; results come back in request order.
    ///
    /// - Complexity: as long as the slowest request. HTTP/1.1 requests to one origin each take their own connection;
    ///   HTTP/2 ones share one.
    public func perform(_ requests: [HTTPRequest]) -> [Result<HTTPResponse, HTTPClientError>] {
        run(requests)
    }

    /// `GET url`.
    public func get(_ url: String, headers: [HTTPHeader] = []) throws(HTTPClientError) -> HTTPResponse {
        try perform(HTTPRequest(method: .get, url: url, headers: headers))
    }

    /// `POST url` with exactly `body`.
    public func post(_ url: String, headers: [HTTPHeader] = [], body: [UInt8]) throws(HTTPClientError) -> HTTPResponse {
        try perform(HTTPRequest(method: .post, url: url, headers: headers, body: body))
    }

    /// `DELETE url`, with `body` if not empty.
    public func delete(_ url: String, headers: [HTTPHeader] = [], body: [UInt8] = []) throws(HTTPClientError) -> HTTPResponse {
        try perform(HTTPRequest(method: .delete, url: url, headers: headers, body: body))
    }

    /// Adds every request to the multi handle and drives them until all are done.
    private func run(_ requests: [HTTPRequest]) -> [Result<HTTPResponse, HTTPClientError>] {
        var results = [Result<HTTPResponse, HTTPClientError>](
            repeating: .failure(.other(code: -1, message: "not run")), count: requests.count)
        var active: [(handle: HTTPEasyHandle, index: Int)] = []
        active.reserveCapacity(requests.count)
        for (index, request) in requests.enumerated() {
            guard let handle = idleHandles.popLast() ?? HTTPEasyHandle.make() else {
                results[index] = .failure(.initialization("curl_easy_init failed"))
                continue
            }
            switch handle.prepare(request, configuration: configuration).flatMap({ multi.add(handle) }) {
            case .success: active.append((handle, index))
            case .failure(let error):
                results[index] = .failure(error)
                recycle(handle)
            }
        }
        while !active.isEmpty {
            if case .failure(let error) = multi.perform() {
                abandon(&active, with: error, into: &results)
                break
            }
            while let done = multi.nextDone() {
                guard let position = active.firstIndex(where: { $0.handle.raw == done.easy }) else { continue }
                let (handle, index) = active.remove(at: position)
                multi.remove(handle)
                results[index] = handle.finish(done.code)
                recycle(handle)
            }
            guard !active.isEmpty else { break }
            // libcurl shortens the wait to its own next timeout, so this bound only limits a single sleep.
            if case .failure(let error) = multi.poll(milliseconds: 1_000) {
                abandon(&active, with: error, into: &results)
            }
        }
        return results
    }

    /// Fails and detaches every still-running transfer after a multi-handle error.
    private func abandon(
        _ active: inout [(handle: HTTPEasyHandle, index: Int)], with error: HTTPClientError,
        into results: inout [Result<HTTPResponse, HTTPClientError>]
    ) {
        for (handle, index) in active {
            multi.remove(handle)
            results[index] = .failure(error)
            recycle(handle)
        }
        active.removeAll()
    }

    private func recycle(_ handle: HTTPEasyHandle) {
        if idleHandles.count < max(1, configuration.maximumConnections) { idleHandles.append(handle) }
    }
}
