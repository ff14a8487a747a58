/// The seven things every analyst is asked to assess, after the original agent's prompt.
public enum AnalysisCategory: Int, Sendable, CaseIterable, CustomStringConvertible {
    case marketRegime
    case technicalSetup
    case onChain
    case macroCatalysts
    case riskReward
    case timing
    case institutionalSignals

    /// The key in the reply's `categories` object.
    public var key: String {
        switch self {
        case .marketRegime: "market_regime"
        case .technicalSetup: "technical_setup"
        case .onChain: "on_chain"
        case .macroCatalysts: "macro_catalysts"
        case .riskReward: "risk_reward"
        case .timing: "timing"
        case .institutionalSignals: "institutional_signals"
        }
    }

    public var description: String { key }
}
