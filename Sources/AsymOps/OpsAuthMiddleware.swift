import Hummingbird

/// Lets a request through only with `Authorization: Bearer <token>` (RFC 6750), the token compared in constant time.
///
/// Without a configured token every request is refused with 403: a missing secret closes the control API rather
/// than opening it. A missing or wrong token gets 401 with `WWW-Authenticate: Bearer`.
struct OpsAuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: OpsToken?

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let token else {
            return OpsServer.textResponse(.forbidden, "ops token not configured: protected routes are disabled\n")
        }
        guard let presented = request.headers[.authorization].flatMap(Self.bearerCredentials), token.matches(presented)
        else {
            var response = OpsServer.textResponse(.unauthorized, "missing or wrong bearer token\n")
            response.headers[.wwwAuthenticate] = "Bearer realm=\"asym-ops\""
            return response
        }
        return try await next(request, context)
    }

    /// The credentials of a `Bearer` authorization header (scheme case-insensitive), or nil for any other scheme.
    static func bearerCredentials(_ header: String) -> String.UTF8View.SubSequence? {
        let bytes = header.utf8
        let scheme = "bearer ".utf8
        guard bytes.count > scheme.count,
              zip(bytes, scheme).allSatisfy({ $0 | 0x20 == $1 })
        else { return nil }
        var credentials = bytes.dropFirst(scheme.count)
        while credentials.first == UInt8(ascii: " ") { credentials = credentials.dropFirst() }
        return credentials
    }
}
