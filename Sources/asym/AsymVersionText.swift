import AsymCore
import AsymEngine
import AsymTransport

/// The text `asym version` prints.
enum AsymVersionText {
    static var short: String { "asym \(AsymVersion.current)" }

    static var full: String {
        var lines = [short]
        for (library, version) in LibraryVersions.all {
            lines.append("\(library) \(version)")
        }
        return lines.joined(separator: "\n")
    }

    static var json: String {
        let fields = [("asym", AsymVersion.current)] + LibraryVersions.all.map { ($0.library, $0.version) }
        return "{" + fields.map { "\(JSONText.quoted($0.0)):\(JSONText.quoted($0.1))" }.joined(separator: ",") + "}"
    }
}
