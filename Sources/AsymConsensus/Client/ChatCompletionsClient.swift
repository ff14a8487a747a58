import AsymCore
import AsymTransport
import Synchronization

/// An OpenAI-compatible chat-completions client for the analyst panel, on asym's libcurl transport.
///
/// - **Connections:** one lane per analyst (`ClientLane`): its own libcurl client, HTTP/2 over TLS when the
///   server agrees (HTTP/1.1 on plain `http://`), TCP keep-alive, connections reused between rounds. A slow
///   analyst therefore never delays another.
/// - **Calls:** each analyst has its own timeout; 429, 5xx and failed connections are retried up to
///   `maximumAttempts` with exponential backoff from `retryBaseDelay`, waiting exactly `Retry-After` when the
///   server sends one (and abstaining when it asks for more than `maximumRetryDelay`). Timeouts are not retried:
///   the round would overrun.
/// - **Budget:** every attempt reserves one request of the per-minute allowance and its worst-case tokens of the
///   day's; a refusal is an abstention (`ChatFailure.budget`).
/// - **Structured output:** `response_format: json_schema` is sent while `structuredOutput` is on; an endpoint
///   that answers 400/422 to it is asked again without it, and that model is asked without it from then on.
/// - **Secrets:** the key goes only into the `Authorization` header. Journalled request texts carry
///   `Bearer [REDACTED]`, and every journalled byte passes a `Redactor`.
public final class ChatCompletionsClient: Sendable {
    /// The configuration the client was made with.
    public let configuration: ConsensusConfiguration
    private let apiKey: APIKey?
    private let redactor: Redactor
    private let lanes: [ClientLane]
    private let budget: Mutex<RequestBudget>
    /// Per analyst: whether `response_format` is still sent.
    private let structured: Mutex<[Bool]>
    private let clock: any ConsensusClock

    /// A client for `configuration`'s analysts. `apiKey` comes from `APIKey.load(for:)` (nil for loopback).
    ///
    /// - Throws: `.invalidConfiguration`/`.invalidBaseURL` from `validate()`, `.missingAPIKey` when a remote
    ///   endpoint has no key, `.httpClient` when libcurl cannot start.
    public init(configuration: ConsensusConfiguration, apiKey: APIKey?,
                clock: any ConsensusClock = SystemConsensusClock()) throws(ConsensusError) {
        try configuration.validate()
        if apiKey == nil, !configuration.isLoopback {
            throw .missingAPIKey(environmentVariable: configuration.apiKeyEnvironmentVariable)
        }
        self.configuration = configuration
        self.apiKey = apiKey
        self.clock = clock
        redactor = Redactor(key: apiKey)
        var lanes: [ClientLane] = []
        for (index, _) in configuration.models.enumerated() {
            let http = HTTPClientConfiguration(
                version: .http2, connectTimeoutMilliseconds: 10_000,
                timeoutMilliseconds: Int(configuration.timeout(forAnalyst: index) / 1_000_000),
                maximumConnections: 2, tcpKeepAlive: true, userAgent: "asym-consensus")
            do {
                lanes.append(try ClientLane(label: "asym-analyst-\(index)", configuration: http))
            } catch {
                throw .httpClient(error.description)
            }
        }
        self.lanes = lanes
        budget = Mutex(RequestBudget(requestsPerMinute: configuration.requestsPerMinute,
                                     tokensPerDay: configuration.tokensPerDay))
        structured = Mutex([Bool](repeating: configuration.structuredOutput, count: configuration.models.count))
    }

    /// Whether analyst `index` is still sent `response_format`.
    public func usesStructuredOutput(analyst index: Int) -> Bool { structured.withLock { $0[index] } }

    /// Asks analyst `index` (its model, its lane, its timeout) to complete `messages`, retrying as described
    /// above. Never throws: every failure is in the outcome.
    public func exchange(analyst index: Int, messages: [ChatMessage]) async -> ChatExchange {
        precondition(configuration.models.indices.contains(index), "no such analyst")
        let model = configuration.models[index]
        let timeoutMilliseconds = Int(max(1, configuration.timeout(forAnalyst: index) / 1_000_000))
        let started = MonotonicClock.nanoseconds()
        var attempts: [ChatAttempt] = []
        var attempt = 0
        func finish(_ outcome: Result<ChatCompletion, ChatFailure>) -> ChatExchange {
            ChatExchange(attempts: attempts, outcome: outcome, elapsed: MonotonicClock.nanoseconds() - started)
        }
        while true {
            attempt += 1
            let structuredOutput = usesStructuredOutput(analyst: index)
            let body = ChatRequestBody.encode(
                model: model, messages: messages, temperature: configuration.temperature,
                maximumTokens: configuration.maximumCompletionTokens, structuredOutput: structuredOutput)
            let reserved = body.count / 4 + configuration.maximumCompletionTokens
            let reservedAt = clock.now()
            if let denial = budget.withLock({ $0.reserve(tokens: reserved, now: reservedAt) }) {
                return finish(.failure(.budget(denial)))
            }
            var headers = [HTTPHeader("Content-Type", "application/json"), HTTPHeader("Accept", "application/json")]
            if let apiKey { headers.append(HTTPHeader("Authorization", apiKey.authorizationValue)) }
            let request = HTTPRequest(method: .post, url: configuration.chatCompletionsURL, headers: headers, body: body,
                                      timeoutMilliseconds: timeoutMilliseconds)
            let requestText = journalText(of: request)
            let result = await lanes[index].perform(request)

            let failure: ChatFailure
            var retryAfter: Int64?
            var retryable = false
            var retryAtOnce = false
            switch result {
            case .failure(let error):
                switch error {
                case .timedOut, .connectTimedOut:
                    failure = .timedOut  // the request may have been billed: keep the reservation
                default:
                    failure = .transport(redactor.redact(error.description))
                    retryable = true
                    settle(reserved: reserved, used: 0, at: reservedAt)
                }
                attempts.append(ChatAttempt(requestText: requestText, status: nil,
                                            responseText: Array(redactor.redact(error.description).utf8), failure: failure))
            case .success(let response):
                let responseText = redactor.redact(response.body)
                switch response.status {
                case 200..<300:
                    guard let completion = ChatCompletion.decode(response.body, estimatedTokens: reserved) else {
                        attempts.append(ChatAttempt(requestText: requestText, status: response.status,
                                                    responseText: responseText, failure: .notAChatCompletion,
                                                    newConnections: response.newConnections))
                        return finish(.failure(.notAChatCompletion))
                    }
                    settle(reserved: reserved, used: completion.totalTokens, at: reservedAt)
                    attempts.append(ChatAttempt(requestText: requestText, status: response.status,
                                                responseText: responseText, failure: nil,
                                                newConnections: response.newConnections))
                    return finish(.success(completion))
                case 429:
                    retryAfter = response.value(forHeader: "Retry-After").flatMap { RetryAfter.delay($0, now: clock.now()) }
                    failure = .rateLimited(retryAfter: retryAfter)
                    retryable = true
                case 500..<600:
                    failure = .serverError(status: response.status)
                    retryable = true
                case 400 where structuredOutput, 422 where structuredOutput:
                    // The endpoint does not take `response_format`: ask again without it, now.
                    structured.withLock { $0[index] = false }
                    failure = .httpStatus(response.status)
                    retryable = true
                    retryAtOnce = true
                default:
                    failure = .httpStatus(response.status)
                }
                settle(reserved: reserved, used: 0, at: reservedAt)  // refused: nothing generated
                attempts.append(ChatAttempt(requestText: requestText, status: response.status,
                                            responseText: responseText, failure: failure,
                                            newConnections: response.newConnections))
            }
            guard retryable, attempt < configuration.maximumAttempts else { return finish(.failure(failure)) }
            if !retryAtOnce {
                let delay = retryAfter ?? backoff(afterAttempt: attempt)
                if delay > configuration.maximumRetryDelay { return finish(.failure(failure)) }
                do {
                    try await clock.sleep(nanoseconds: delay)
                } catch {
                    return finish(.failure(.cancelled))
                }
            }
        }
    }

    /// Exponential backoff: base × 2^(attempt − 1), capped at the maximum retry delay.
    func backoff(afterAttempt attempt: Int) -> Int64 {
        let shift = min(attempt - 1, 30)
        let delay = configuration.retryBaseDelay.multipliedReportingOverflow(by: 1 << shift)
        return delay.overflow ? configuration.maximumRetryDelay : min(delay.partialValue, configuration.maximumRetryDelay)
    }

    private func settle(reserved: Int, used: Int, at time: Int64) {
        budget.withLock { $0.settle(reserved: reserved, used: used, reservedAt: time) }
    }

    /// The request as journalled: method and URL, headers with the key redacted, a blank line, the body.
    private func journalText(of request: HTTPRequest) -> [UInt8] {
        var text = "\(request.method.rawValue) \(request.url)\n"
        for header in request.headers {
            text += header.hasName("Authorization") ? "\(header.name): Bearer [REDACTED]\n" : "\(header.name): \(header.value)\n"
        }
        text += "\n"
        return redactor.redact(Array(text.utf8) + request.body)
    }
}
