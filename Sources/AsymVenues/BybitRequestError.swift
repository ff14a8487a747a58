/// Why an order-entry request could not be built: a field holds text the venue does not accept.
public enum BybitRequestError: Error, Equatable, Sendable {
    case invalidText(field: StaticString)

    public static func == (lhs: BybitRequestError, rhs: BybitRequestError) -> Bool {
        switch (lhs, rhs) {
        case let (.invalidText(a), .invalidText(b)): a.description == b.description
        }
    }
}
