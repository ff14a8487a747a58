import Foundation

/// The `asym` executable under test: `$ASYM_BINARY`, or the one SwiftPM built beside this test bundle.
enum AsymBinary {
    struct Missing: Error, CustomStringConvertible {
        var path: String
        var description: String { "no asym binary at \(path): build it (swift build) or set ASYM_BINARY" }
    }

    static func path() throws -> String {
        if let explicit = ProcessInfo.processInfo.environment["ASYM_BINARY"], !explicit.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: explicit) else { throw Missing(path: explicit) }
            return explicit
        }
        let bundle = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let candidate = URL(fileURLWithPath: bundle).deletingLastPathComponent().appendingPathComponent("asym").path
        guard FileManager.default.isExecutableFile(atPath: candidate) else { throw Missing(path: candidate) }
        return candidate
    }
}
