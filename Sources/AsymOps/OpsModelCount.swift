/// A count attributed to one AI analyst model (the `model` label).
public struct OpsModelCount: Sendable, Equatable {
    /// The model's configured name.
    public var model: String
    public var count: Int64

    public init(model: String, count: Int64) {
        self.model = model
        self.count = count
    }
}
