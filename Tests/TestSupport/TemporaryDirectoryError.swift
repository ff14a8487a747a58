/// Creating a ``TemporaryDirectory`` failed; carries the `errno` from `mkdtemp(3)`.
public struct TemporaryDirectoryError: Error, CustomStringConvertible {
    public let errno: Int32
    public let template: String

    public var description: String { "mkdtemp(\(template)) failed with errno \(errno)" }
}
