import ArgumentParser

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print asym's version and the versions of the linked C libraries.",
        discussion: "Reports libwebsockets, liburing, libcurl, OpenSSL and zlib as the loaded libraries report themselves."
    )

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() {
        print(json ? AsymVersionText.json : AsymVersionText.full)
    }
}
