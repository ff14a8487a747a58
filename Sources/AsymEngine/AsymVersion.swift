/// asym's own version.
public enum AsymVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
