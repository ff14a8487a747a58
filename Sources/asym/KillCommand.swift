import ArgumentParser
import Foundation

struct KillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kill",
        abstract: "Pull a running engine's kill switch: HALTED (only exits and cancels) and cancel-all.",
        discussion: """
            --pid sends SIGUSR1 to the engine; --file creates the engine's configured kill file. Releasing the \
            switch does not resume trading: an operator resumes through the control API.
            """
    )

    @Option(help: "Process id of the running engine (sends SIGUSR1).")
    var pid: Int32?

    @Option(help: "The engine's kill file (created).")
    var file: String?

    func validate() throws {
        if pid == nil && file == nil { throw ValidationError("give --pid or --file") }
    }

    func run() throws {
        if let pid, Foundation.kill(pid, SIGUSR1) != 0 {
            throw CommandFailure("cannot signal process \(pid): \(String(cString: strerror(errno)))")
        }
        if let file, !FileManager.default.createFile(atPath: file, contents: Data("kill\n".utf8)) {
            throw CommandFailure("cannot create kill file \(file)")
        }
        print("kill switch pulled")
    }
}
