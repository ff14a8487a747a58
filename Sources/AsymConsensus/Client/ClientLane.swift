import AsymTransport
import Dispatch

/// One analyst's connection: a libcurl `HTTPClient` (its own keep-alive connection pool) driven on a serial
/// dispatch queue, so the blocking transfer never occupies a Swift concurrency thread, let alone the engine's.
final class ClientLane: @unchecked Sendable {
    // @unchecked Sendable: `http` is used only on `queue`, which is serial (libcurl handles are single-threaded).
    private let queue: DispatchQueue
    private let http: HTTPClient

    init(label: String, configuration: HTTPClientConfiguration) throws(HTTPClientError) {
        queue = DispatchQueue(label: label)
        http = try HTTPClient(configuration: configuration)
    }

    /// Performs `request` on the lane's queue; suspends the caller, never blocks it.
    func perform(_ request: HTTPRequest) async -> Result<HTTPResponse, HTTPClientError> {
        await withCheckedContinuation { continuation in
            queue.async {
                do throws(HTTPClientError) {
                    continuation.resume(returning: .success(try self.http.perform(request)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
    }
}
