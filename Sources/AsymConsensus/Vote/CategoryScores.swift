/// An analyst's seven category assessments, each in [-1, 1] (bearish … bullish), stored as hundredths so a
/// vote record stays small. POD.
public struct CategoryScores: Sendable, BitwiseCopyable, Equatable {
    public var marketRegime: Int8 = 0
    public var technicalSetup: Int8 = 0
    public var onChain: Int8 = 0
    public var macroCatalysts: Int8 = 0
    public var riskReward: Int8 = 0
    public var timing: Int8 = 0
    public var institutionalSignals: Int8 = 0

    /// All neutral.
    public init() {}

    /// The score of `category` in [-1, 1].
    public subscript(category: AnalysisCategory) -> Double {
        get {
            let hundredths: Int8 = switch category {
            case .marketRegime: marketRegime
            case .technicalSetup: technicalSetup
            case .onChain: onChain
            case .macroCatalysts: macroCatalysts
            case .riskReward: riskReward
            case .timing: timing
            case .institutionalSignals: institutionalSignals
            }
            return Double(hundredths) / 100
        }
        set {
            let hundredths = Int8((min(1, max(-1, newValue)) * 100).rounded())
            switch category {
            case .marketRegime: marketRegime = hundredths
            case .technicalSetup: technicalSetup = hundredths
            case .onChain: onChain = hundredths
            case .macroCatalysts: macroCatalysts = hundredths
            case .riskReward: riskReward = hundredths
            case .timing: timing = hundredths
            case .institutionalSignals: institutionalSignals = hundredths
            }
        }
    }
}
