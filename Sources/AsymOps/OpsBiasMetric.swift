/// The AI consensus bias published for one symbol.
public struct OpsBiasMetric: Sendable, Equatable {
    public var symbol: String
    /// −1 (full short) … +1 (full long): direction times the consensus confidence; 0 when absent or expired.
    public var bias: Double

    public init(symbol: String, bias: Double) {
        self.symbol = symbol
        self.bias = bias
    }
}
