import AsymCore

/// The gate's answer.
public enum RiskVerdict: Sendable {
    case approved(ApprovedOrder)
    case denied(DenialReason)

    /// The denial reason, if denied.
    @inlinable public var denial: DenialReason? {
        if case .denied(let reason) = self { return reason }
        return nil
    }
}
