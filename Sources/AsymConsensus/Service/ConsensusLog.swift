/// Where the consensus writes its log lines (round results, abstentions, retries). The lines never contain the
/// API key: the key is never formatted, and error texts pass the client's redactor.
public struct ConsensusLog: Sendable {
    private let sink: (@Sendable (String) -> Void)?

    /// Lines go to `sink`.
    public init(_ sink: @escaping @Sendable (String) -> Void) {
        self.sink = sink
    }

    private init() { sink = nil }

    /// No logging.
    public static var none: ConsensusLog { ConsensusLog() }

    func callAsFunction(_ line: @autoclosure () -> String) {
        sink?(line())
    }
}
