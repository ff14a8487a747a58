import Foundation
import Testing
import TestSupport

@testable import AsymTransport

/// Deterministic, compressible-but-not-trivial bytes.
private func pattern(_ count: Int, seed: Int = 0) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: (($0 &+ seed) &* 2_654_435_761) >> 13 % 64 &+ 32) }
}

/// Reads a whole `.gz` through a deliberately small input buffer and output chunk, so refills and partial
/// members are exercised.
private func inflateAll(_ path: String, inputCapacity: Int = 4096) throws -> (bytes: [UInt8], members: Int) {
    let reader = try GzipFileReader(path: path, inputCapacity: inputCapacity)
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1000)
    while true {
        // Safety: the pointer is used only inside the closure, where `chunk` keeps it alive.
        let count = try chunk.withUnsafeMutableBytes { try reader.read(into: $0) }
        if count == 0 { break }
        result += chunk[0..<count]
    }
    return (result, reader.membersCompleted)
}

private let systemGzip = "/bin/gzip"

@Suite("Gzip files")
struct GzipFileTests {
    @Test func writerOutputReadsBackByteExact() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.path("data.gz")
            let data = pattern(3_000_000)
            let writer = try GzipFileWriter(path: path)
            // Uneven appends so deflate sees many call boundaries.
            var offset = 0
            var step = 1
            while offset < data.count {
                let end = min(offset + step, data.count)
                try writer.append(Array(data[offset..<end]))
                offset = end
                step = step * 3 % 70_001 + 1
            }
            try writer.close()
            #expect(writer.bytesAppended == UInt64(data.count))
            let (read, members) = try inflateAll(path)
            #expect(read == data)
            #expect(members == 1)
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: systemGzip), "needs /bin/gzip to make the file"))
    func fileMadeBySystemGzipReadsBack() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.path("made-by-gzip")
            let data = pattern(1_500_000, seed: 7)
            try Data(data).write(to: URL(fileURLWithPath: path))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: systemGzip)
            process.arguments = ["-k", "-9", path]
            try process.run()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0)
            let (read, members) = try inflateAll(path + ".gz")
            #expect(read == data)
            #expect(members == 1)
        }
    }

    @Test func concatenatedMembersReadAsOneStream() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.path("members.gz")
            let first = pattern(100_000, seed: 1)
            let second = pattern(50_000, seed: 2)
            let writer = try GzipFileWriter(path: path)
            try writer.append(first)
            try writer.close()
            // Re-opening in append mode starts a second gzip member after the first one's trailer.
            let appender = try GzipFileWriter(path: path, mode: .append, level: 1)
            try appender.append(second)
            try appender.close()
            let (read, members) = try inflateAll(path, inputCapacity: 333)
            #expect(read == first + second)
            #expect(members == 2)
        }
    }

    @Test func truncatedFileThrowsTruncatedAfterTheDecodableBytes() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.path("cut.gz")
            let data = pattern(400_000, seed: 3)
            let writer = try GzipFileWriter(path: path)
            try writer.append(data)
            try writer.close()
            let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
            try #require(truncate(path, off_t(size / 2)) == 0)

            let reader = try GzipFileReader(path: path)
            var produced: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            #expect(throws: GzipError.truncated) {
                while true {
                    // Safety: the pointer is used only inside the closure, where `chunk` keeps it alive.
                    let count = try chunk.withUnsafeMutableBytes { try reader.read(into: $0) }
                    if count == 0 { break }
                    produced += chunk[0..<count]
                }
            }
            #expect(!produced.isEmpty)
            #expect(produced == Array(data[0..<produced.count]))
            // Sticky: the reader keeps reporting the same failure.
            // Safety: as above.
            #expect(throws: GzipError.truncated) { _ = try chunk.withUnsafeMutableBytes { try reader.read(into: $0) } }
        }
    }

    @Test func nonGzipBytesAreCorrupt() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.path("not.gz")
            try Data("1712345678901234567 {\"plain\":true}\n".utf8).write(to: URL(fileURLWithPath: path))
            #expect(throws: GzipError.corrupt) { _ = try inflateAll(path) }
        }
    }

    @Test func commitMakesEverythingSoFarDecodableBeforeClose() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.path("live.gz")
            let data = pattern(200_000, seed: 5)
            let writer = try GzipFileWriter(path: path)
            try writer.append(data)
            try writer.commit()
            // The member has no trailer yet: every committed byte decodes, then the reader reports the open end.
            let reader = try GzipFileReader(path: path)
            var produced: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 8192)
            #expect(throws: GzipError.truncated) {
                while true {
                    // Safety: the pointer is used only inside the closure, where `chunk` keeps it alive.
                    let count = try chunk.withUnsafeMutableBytes { try reader.read(into: $0) }
                    if count == 0 { break }
                    produced += chunk[0..<count]
                }
            }
            #expect(produced == data)
            try writer.close()
            #expect(try inflateAll(path).bytes == data)
        }
    }

    @Test func missingFileIsAnOpenError() {
        #expect(throws: GzipError.open(.noSuchFile)) { _ = try GzipFileReader(path: "/nonexistent/x.gz") }
    }
}
