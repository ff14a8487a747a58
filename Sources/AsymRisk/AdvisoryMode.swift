/// How the AI consensus bias affects entries.
public enum AdvisoryMode: UInt8, Sendable, CustomStringConvertible, CaseIterable {
    /// Ignored.
    case off
    /// Entries against a fresh opposite consensus are denied.
    case veto
    /// Entries need a fresh agreeing consensus (the original agent's 2-of-3 BUY rule).
    case require

    public var description: String {
        switch self {
        case .off: "off"
        case .veto: "veto"
        case .require: "require"
        }
    }
}
