import AsymOps
import Foundation
import Testing
import TestSupport

@Suite("OpsToken")
struct OpsTokenTests {
    private func writeFile(_ path: String, _ contents: String, mode: Int) throws {
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        #expect(chmod(path, mode_t(mode)) == 0)
    }

    @Test("the token matches only the exact bytes, whatever the length of the candidate")
    func matchesExactBytesOnly() throws {
        let token = try OpsToken("s3cret-Token_01")
        #expect(token.matches(Array("s3cret-Token_01".utf8)))
        for candidate in ["", "s", "s3cret-Token_0", "s3cret-Token_012", "s3cret-Token_02", "S3cret-Token_01",
                          "x3cret-Token_01", "s3cret-Token_01\u{0}"] {
            #expect(!token.matches(Array(candidate.utf8)), "\(candidate)")
        }
    }

    @Test("the token never prints")
    func neverPrints() throws {
        let token = try OpsToken("do-not-print-me")
        #expect("\(token)" == "<redacted>")
        #expect(String(reflecting: token) == "<redacted>")
        #expect(!"\(OpsServerConfiguration(token: token))".contains("do-not-print-me"))
    }

    @Test("empty tokens and tokens with spaces, control or non-ASCII characters are refused")
    func refusesUnusableTokens() {
        #expect(throws: OpsTokenError.empty) { try OpsToken("") }
        for text in ["with space", "tab\there", "ctl\u{7}", "ünï"] {
            #expect(throws: OpsTokenError.invalidCharacters, "\(text)") { try OpsToken(text) }
        }
    }

    @Test("from the environment: unset means no token, set is trimmed of its line end, blank is an error")
    func loadsFromEnvironment() throws {
        let variables = ["SET": "abc123\n", "BLANK": " \n"]
        let lookup: (String) -> String? = { variables[$0] }
        #expect(try OpsToken.load(from: .environment("UNSET"), environment: lookup) == nil)
        let token = try #require(try OpsToken.load(from: .environment("SET"), environment: lookup))
        #expect(token.matches(Array("abc123".utf8)))
        #expect(throws: OpsTokenError.empty) { try OpsToken.load(from: .environment("BLANK"), environment: lookup) }
        #expect(try OpsToken.load(from: .none, environment: lookup) == nil)
        #expect(OpsTokenSource.default == .environment("ASYM_OPS_TOKEN"))
    }

    @Test("from a file readable by its owner only (0600 or 0400)")
    func loadsFromOwnerOnlyFile() throws {
        try TemporaryDirectory.with { directory in
            for mode in [0o600, 0o400] {
                let path = directory.path("token-\(mode)")
                try writeFile(path, "file-token-\(mode)\r\n", mode: mode)
                let token = try #require(try OpsToken.load(from: .file(path)))
                #expect(token.matches(Array("file-token-\(mode)".utf8)))
            }
        }
    }

    @Test("a token file that group or others may read or write is refused with its mode")
    func refusesOpenPermissions() throws {
        try TemporaryDirectory.with { directory in
            for mode in [0o644, 0o640, 0o604, 0o620, 0o602, 0o660] {
                let path = directory.path("token-\(mode)")
                try writeFile(path, "tok", mode: mode)
                #expect(throws: OpsTokenError.filePermissionsTooOpen(path: path, mode: mode)) {
                    try OpsToken.load(from: .file(path))
                }
            }
        }
    }

    @Test("a missing path, a directory, a FIFO, an empty or an oversized file are refused")
    func refusesBadFiles() throws {
        try TemporaryDirectory.with { directory in
            let missing = directory.path("missing")
            #expect(throws: OpsTokenError.fileUnreadable(path: missing, errno: ENOENT)) {
                try OpsToken.load(from: .file(missing))
            }
            let folder = directory.path("folder")
            #expect(mkdir(folder, 0o700) == 0)
            #expect(throws: OpsTokenError.notARegularFile(path: folder)) { try OpsToken.load(from: .file(folder)) }
            let fifo = directory.path("fifo")
            #expect(mkfifo(fifo, 0o600) == 0)
            #expect(throws: OpsTokenError.notARegularFile(path: fifo)) { try OpsToken.load(from: .file(fifo)) }
            let empty = directory.path("empty")
            try writeFile(empty, "\n", mode: 0o600)
            #expect(throws: OpsTokenError.empty) { try OpsToken.load(from: .file(empty)) }
            let large = directory.path("large")
            try writeFile(large, String(repeating: "a", count: 4_097), mode: 0o600)
            #expect(throws: OpsTokenError.fileTooLarge(path: large)) { try OpsToken.load(from: .file(large)) }
        }
    }

    @Test("error messages name the problem and the fix but never the token")
    func errorMessagesExplain() {
        let message = OpsTokenError.filePermissionsTooOpen(path: "/etc/asym/token", mode: 0o644).description
        #expect(message.contains("644") && message.contains("chmod 600 /etc/asym/token"))
        #expect(OpsTokenError.fileUnreadable(path: "/x", errno: ENOENT).description.contains("errno \(ENOENT)"))
    }
}
