/// One message of a chat-completion request.
public struct ChatMessage: Sendable, Equatable {
    /// `system`, `user` or `assistant`.
    public var role: String
    public var content: String

    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }
}
