/// A socket call made while starting ``LoopbackHTTPServer`` failed.
public struct LoopbackHTTPServerError: Error, CustomStringConvertible {
    /// The failing call, e.g. `"bind"`.
    public let operation: String
    /// `errno` after the call.
    public let errno: Int32

    public var description: String { "\(operation) failed with errno \(errno)" }
}
