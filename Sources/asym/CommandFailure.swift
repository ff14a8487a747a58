/// A command that ran and failed: printed as `Error: <message>` with exit status 1, without usage text.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
