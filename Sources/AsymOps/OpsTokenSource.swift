/// Where the ops bearer token comes from.
public enum OpsTokenSource: Sendable, Equatable {
    /// No token: the protected routes answer 403 (closed, never open).
    case none
    /// An environment variable; unset means no token.
    case environment(String)
    /// A file readable by its owner only (mode 0600 or 0400); missing or looser permissions are errors.
    case file(String)

    /// The environment variable asym reads by default.
    public static let defaultEnvironmentVariable = "ASYM_OPS_TOKEN"
    /// `ASYM_OPS_TOKEN`.
    public static let `default` = OpsTokenSource.environment(defaultEnvironmentVariable)
}
