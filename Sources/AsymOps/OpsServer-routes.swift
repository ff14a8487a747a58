import Hummingbird
import NIOCore

extension OpsServer {
    /// `/healthz` in the open, everything else behind ``OpsAuthMiddleware``.
    func makeRouter() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        let backend = self.backend
        router.get("healthz") { _, _ in Self.textResponse(.ok, "ok\n") }

        let protected = router.group().add(middleware: OpsAuthMiddleware(token: configuration.token))
        protected.get("metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: backend.metrics().prometheusText())))
        }
        protected.get("status") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: backend.status().jsonBytes())))
        }
        // 202: the command is stored (an atomic flag); the engine thread applies it at its next risk check.
        protected.post("kill") { _, _ in
            backend.kill()
            return Self.jsonResponse(.accepted, #"{"accepted":"kill"}"#)
        }
        protected.post("pause") { _, _ in
            backend.pause()
            return Self.jsonResponse(.accepted, #"{"accepted":"pause"}"#)
        }
        protected.post("resume") { _, _ in
            backend.resume()
            return Self.jsonResponse(.accepted, #"{"accepted":"resume"}"#)
        }
        return router
    }

    static func textResponse(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func jsonResponse(_ status: HTTPResponse.Status, _ json: String) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: json + "\n")))
    }
}
