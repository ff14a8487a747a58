import Foundation
import Synchronization

/// The loopback endpoint's logic without the server: a chat-completion request body in, the response to send
/// out (status, headers, body, and how to deliver it: at once, after a hang, or in a slow drip).
final class AnalystsResponder: Sendable {
    struct Planned: Sendable {
        var status: Int
        var headers: [(String, String)]
        var body: [UInt8]
        /// Seconds to say nothing before answering.
        var hangSeconds: Double = 0
        /// Deliver the body `chunk` bytes every `interval` milliseconds.
        var drip: (chunk: Int, interval: Int)?
    }

    private struct FaultPlan: Sendable {
        var fault: AnalystFault
        var remaining: Int?
    }

    private struct State: Sendable {
        var faults: [String: FaultPlan] = [:]
        var statistics = AnalystsEndpointStatistics()
        var served = 0
    }

    let models: [String: RuleBasedAnalyst]
    private let state = Mutex(State())

    init(models: [String: RuleBasedAnalyst]) {
        self.models = models
    }

    var statistics: AnalystsEndpointStatistics { state.withLock { $0.statistics } }

    /// Puts `fault` on `model` for the next `times` requests (nil: until changed); nil clears it.
    func setFault(_ fault: AnalystFault?, model: String, times: Int?) {
        state.withLock { state in
            if let fault { state.faults[model] = FaultPlan(fault: fault, remaining: times) } else { state.faults[model] = nil }
        }
    }

    func clearFaults() { state.withLock { $0.faults.removeAll() } }

    /// `GET /v1/models`.
    func modelList() -> [UInt8] {
        let data = models.keys.sorted().map { ["id": $0, "object": "model", "owned_by": "asym"] }
        return Array(ChatRequestBody.json(["object": "list", "data": data]).utf8)
    }

    /// `POST /v1/chat/completions` with `body`.
    func respond(to body: [UInt8], authorized: Bool) -> Planned {
        guard let request = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              let model = request["model"] as? String,
              let messages = request["messages"] as? [[String: Any]]
        else { return Self.error(400, "invalid_request_error", "the body is not a chat-completion request") }
        let structured = request["response_format"] != nil
        let fault: AnalystFault? = state.withLock { state in
            state.statistics.requests[model, default: 0] += 1
            if authorized { state.statistics.authorizedRequests += 1 }
            if structured { state.statistics.structuredRequests += 1 }
            state.served += 1
            guard var plan = state.faults[model] else { return nil }
            if let remaining = plan.remaining {
                plan.remaining = remaining - 1
                state.faults[model] = remaining - 1 > 0 ? plan : nil
            }
            state.statistics.faultsServed += 1
            return plan.fault
        }
        if (request["stream"] as? Bool) == true {
            return Self.error(400, "invalid_request_error", "streaming is not supported by the loopback analysts")
        }
        guard let analyst = models[model] else {
            return Self.error(404, "model_not_found", "no analyst answers to model \(model)")
        }
        let user = messages.last { ($0["role"] as? String) == "user" }?["content"] as? String ?? ""
        let brief = MarketBriefJSON.find(in: user)
        let reply = brief.map(analyst.reply(to:))
            ?? AnalystReply(action: .hold, confidence: 0, rationale: "HOLD: the prompt carries no market brief.")
        var content = Self.replyJSON(reply)
        switch fault {
        case .tooManyRequests(let seconds)?:
            var planned = Self.error(429, "rate_limit_exceeded", "rate limited, retry later")
            planned.headers.append(("Retry-After", String(seconds)))
            return planned
        case .serverError(let status)?:
            return Self.error(status, "server_error", "the analyst crashed")
        case .garbage?:
            return Planned(status: 200, headers: [("Content-Type", "text/html")],
                           body: Array("<html><body><h1>502 Bad Gateway</h1>upstream hiccup</body></html>".utf8))
        case .rejectsResponseFormat? where structured:
            return Self.error(400, "invalid_request_error", "response_format is not supported by this model")
        case .outOfRange?:
            var wrong = reply
            wrong.confidence = 1.7
            content = Self.replyJSON(wrong)
        case .chattyJSON?, .rejectsResponseFormat?:
            content = "Sure! Here is my analysis of the market.\n\n```json\n\(content)\n```\n\nLet me know if you need more."
        default:
            break
        }
        var planned = Planned(status: 200, headers: [("Content-Type", "application/json")],
                              body: Self.completion(model: model, content: content, promptBytes: body.count,
                                                    created: (brief?.time ?? 0) / 1_000_000_000))
        switch fault {
        case .hang(let seconds)?: planned.hangSeconds = seconds
        case .partialJSON?: planned.body = Array(planned.body.prefix(planned.body.count / 2))
        case .slowDrip(let chunk, let interval)?: planned.drip = (max(1, chunk), max(0, interval))
        default: break
        }
        return planned
    }

    /// A reply as the JSON content a model would write.
    static func replyJSON(_ reply: AnalystReply) -> String {
        var categories: [String: Any] = [:]
        for category in AnalysisCategory.allCases { categories[category.key] = reply.categories[category] }
        return ChatRequestBody.json([
            "action": reply.action.description,
            "confidence": reply.confidence,
            "invalidation_price": reply.invalidationPrice.map { $0 as Any } ?? NSNull(),
            "take_profit": reply.takeProfit.map { $0 as Any } ?? NSNull(),
            "categories": categories,
            "rationale": reply.rationale,
        ])
    }

    /// A `chat.completion` envelope; `created` comes from the brief, so the same brief gives the same bytes.
    static func completion(model: String, content: String, promptBytes: Int, created: Int64) -> [UInt8] {
        let completionTokens = content.utf8.count / 4 + 1
        let promptTokens = promptBytes / 4 + 1
        return Array(ChatRequestBody.json([
            "id": "chatcmpl-asym-\(created)",
            "object": "chat.completion",
            "created": created,
            "model": model,
            "choices": [["index": 0, "message": ["role": "assistant", "content": content], "finish_reason": "stop"]
                as [String: Any]],
            "usage": ["prompt_tokens": promptTokens, "completion_tokens": completionTokens,
                      "total_tokens": promptTokens + completionTokens],
        ]).utf8)
    }

    /// An OpenAI-style error body.
    static func error(_ status: Int, _ type: String, _ message: String) -> Planned {
        Planned(status: status, headers: [("Content-Type", "application/json")],
                body: Array(ChatRequestBody.json(["error": ["message": message, "type": type, "code": status]]).utf8))
    }
}
