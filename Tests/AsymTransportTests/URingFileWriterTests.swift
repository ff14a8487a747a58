import Glibc
import Testing
import TestSupport

@testable import AsymTransport

/// Reads a whole file; test-only, so failures are `#require`d rather than typed.
private func contents(of path: String) throws -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    try #require(fd >= 0, "open \(path): errno \(errno)")
    defer { close(fd) }
    var info = stat()
    try #require(fstat(fd, &info) == 0)  // Safety: `info` is a live stat buffer
    var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
    var done = 0
    while done < bytes.count {
        // Safety: the range [done, count) lies inside `bytes`, which is alive for the closure.
        let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, $0.count - done) }
        try #require(count > 0, "read: errno \(errno)")
        done += count
    }
    return bytes
}

/// Deterministic filler so every byte of the file is checkable.
private func pattern(_ count: Int, seed: Int) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: ($0 &+ seed) &* 31 &+ 7) }
}

/// A closed descriptor number nobody else will be handed: fds are allocated lowest-first.
private func closedHighDescriptor() throws -> Int32 {
    let fd = open("/dev/null", O_WRONLY | O_CLOEXEC)
    try #require(fd >= 0)
    let high = fcntl(fd, F_DUPFD_CLOEXEC, 4000)
    close(fd)
    try #require(high >= 4000)
    close(high)
    return high
}

@Suite("URingFileWriter")
struct URingFileWriterTests {
    @Test func oneMillionMixedSizeRecordsAreCommittedAndReadBackByteExact() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.path("records.log")
            let writer = try URingFileWriter(path: path, configuration: .init(bufferCount: 4, bufferSize: 1 << 20))
            // Record i: 8-byte little-endian counter, then 0...127 pattern bytes starting at i % 256.
            let records = 1_000_000
            func length(_ i: Int) -> Int { 8 + (i &* 37) % 128 }
            let filler = UnsafeMutableRawBufferPointer.allocate(byteCount: 512, alignment: 8)
            let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 256, alignment: 8)
            defer { filler.deallocate(); scratch.deallocate() }
            for i in 0..<512 { filler[i] = UInt8(truncatingIfNeeded: i &* 31 &+ 7) }
            var expectedSize = 0
            for i in 0..<records {
                let count = length(i)
                scratch.storeBytes(of: UInt64(i).littleEndian, as: UInt64.self)
                // Safety: count - 8 <= 127 and i % 256 + 127 < 512, so both ranges are in bounds.
                (scratch.baseAddress! + 8).copyMemory(from: filler.baseAddress! + i % 256, byteCount: count - 8)
                try writer.append(UnsafeRawBufferPointer(rebasing: scratch[0..<count]))
                expectedSize += count
                if i == records / 2 { try writer.commit() }  // a group commit mid-stream, with writes in flight
            }
            try writer.commit()
            let statistics = writer.statistics
            try writer.close()

            #expect(statistics.bytesAppended == UInt64(expectedSize))
            #expect(statistics.bytesWritten == UInt64(expectedSize))
            #expect(statistics.bytesDurable == UInt64(expectedSize))
            #expect(statistics.fsyncs == 2)
            #expect(statistics.writesSubmitted >= UInt64(expectedSize >> 20))

            let bytes = try contents(of: path)
            try #require(bytes.count == expectedSize)
            var mismatches = 0
            bytes.withUnsafeBytes { file in
                var position = 0
                for i in 0..<records {
                    let count = length(i)
                    let counter = UInt64(littleEndian: file.loadUnaligned(fromByteOffset: position, as: UInt64.self))
                    // Safety: position + count <= file.count (sizes match) and the filler range is in bounds as above.
                    let body = memcmp(file.baseAddress! + position + 8, filler.baseAddress! + i % 256, count - 8)
                    if counter != UInt64(i) || body != 0 { mismatches += 1 }
                    position += count
                }
            }
            #expect(mismatches == 0)
        }
    }

    @Test(arguments: WriterKind.allCases)
    func appendsLargerThanABufferSpanBuffersAndReadBackExactly(kind: WriterKind) throws {
        try TemporaryDirectory.with { directory in
            let path = directory.path("span.log")
            let writer = try AnyWriter.open(kind, path: path, mode: .truncate,
                                            configuration: .init(bufferCount: 3, bufferSize: 4096))
            var expected: [UInt8] = []
            for (index, size) in [1, 4095, 4096, 4097, 20_000, 3, 12_288, 9_999, 0, 70_001].enumerated() {
                let chunk = pattern(size, seed: index)
                try writer.append(chunk)
                expected += chunk
                if index == 5 { try writer.commit() }
            }
            try writer.close()
            #expect(try contents(of: path) == expected)
        }
    }

    @Test func partialWritesAreResubmittedForTheRemainder() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.path("partial.log")
            var configuration = URingFileWriter.Configuration(bufferCount: 2, bufferSize: 8192)
            configuration.maximumWriteLength = 1000  // every SQE covers at most 1000 bytes, like a short write
            let writer = try URingFileWriter(path: path, configuration: configuration)
            let expected = pattern(50_000, seed: 3)
            try writer.append(expected)
            try writer.commit()
            // 6 full buffers × 9 SQEs (8 × 1000 + 192 bytes), plus one for the 848-byte tail.
            #expect(writer.statistics.writesSubmitted == 55)
            #expect(writer.statistics.bytesDurable == 50_000)
            try writer.close()
            #expect(try contents(of: path) == expected)
        }
    }

    @Test(arguments: WriterKind.allCases)
    func writingToDevFullThrowsNoSpaceAndStaysFailed(kind: WriterKind) throws {
        let writer = try AnyWriter.open(kind, path: "/dev/full", mode: .append)
        try writer.append(pattern(100, seed: 0))
        #expect(throws: FileWriterError.write(.noSpace)) { try writer.commit() }
        #expect(throws: FileWriterError.write(.noSpace)) { try writer.append([1]) }
        #expect(throws: FileWriterError.write(.noSpace)) { try writer.close() }
        #expect(throws: FileWriterError.closed) { try writer.commit() }
    }

    @Test(arguments: WriterKind.allCases)
    func writingToAClosedDescriptorThrowsBadFileDescriptor(kind: WriterKind) throws {
        let writer = try AnyWriter.adopt(kind, fd: try closedHighDescriptor())
        try writer.append(pattern(10, seed: 0))
        #expect(throws: FileWriterError.write(.badFileDescriptor)) { try writer.commit() }
    }

    @Test(arguments: WriterKind.allCases)
    func appendModeContinuesAtTheEndOfAnExistingFile(kind: WriterKind) throws {
        try TemporaryDirectory.with { directory in
            let path = directory.path("existing.log")
            let first = pattern(5_000, seed: 1)
            let second = pattern(7_000, seed: 2)
            let creator = try AnyWriter.open(kind, path: path, mode: .truncate)
            try creator.append(first)
            try creator.close()

            let writer = try AnyWriter.open(kind, path: path, mode: .append)
            try writer.append(second)
            try writer.commit()
            #expect(writer.statistics.bytesDurable == UInt64(second.count))
            try writer.close()
            #expect(try contents(of: path) == first + second)

            let truncating = try AnyWriter.open(kind, path: path, mode: .truncate)
            try truncating.append(second)
            try truncating.close()
            #expect(try contents(of: path) == second)
        }
    }

    @Test(arguments: WriterKind.allCases)
    func commitWithNothingNewIsANoOp(kind: WriterKind) throws {
        try TemporaryDirectory.with { directory in
            let writer = try AnyWriter.open(kind, path: directory.path("empty.log"), mode: .truncate)
            try writer.commit()
            #expect(writer.statistics == URingFileWriter.Statistics())

            try writer.append([1, 2, 3])
            try writer.commit()
            try writer.commit()
            #expect(writer.statistics.fsyncs == 1)
            #expect(writer.statistics.writesSubmitted == 1)
            try writer.close()
        }
    }

    @Test(arguments: WriterKind.allCases)
    func callsAfterCloseThrowClosed(kind: WriterKind) throws {
        try TemporaryDirectory.with { directory in
            let writer = try AnyWriter.open(kind, path: directory.path("closed.log"), mode: .truncate)
            try writer.close()
            try writer.close()
            #expect(throws: FileWriterError.closed) { try writer.append([1]) }
            #expect(throws: FileWriterError.closed) { try writer.commit() }
        }
    }

    @Test(arguments: WriterKind.allCases)
    func openingInAMissingDirectoryThrowsOpenError(kind: WriterKind) throws {
        try TemporaryDirectory.with { directory in
            #expect(throws: FileWriterError.open(.noSuchFile)) {
                _ = try AnyWriter.open(kind, path: directory.path("missing/file.log"), mode: .truncate)
            }
        }
    }
}

extension URingFileWriterTests {
    /// The two writers share an API; tests that are about that API run against both.
    enum WriterKind: String, CaseIterable, CustomTestStringConvertible {
        case uring, plain
        var testDescription: String { rawValue }
    }

    /// Uniform handle over ``URingFileWriter`` and ``PlainFileWriter`` for parameterised tests.
    fileprivate enum AnyWriter {
        case uring(URingFileWriter)
        case plain(PlainFileWriter)

        static func open(_ kind: WriterKind, path: String, mode: URingFileWriter.OpenMode,
                         configuration: URingFileWriter.Configuration = .init()) throws(FileWriterError) -> AnyWriter {
            switch kind {
            case .uring: .uring(try URingFileWriter(path: path, mode: mode, configuration: configuration))
            case .plain: .plain(try PlainFileWriter(path: path, mode: mode, configuration: configuration))
            }
        }

        static func adopt(_ kind: WriterKind, fd: Int32) throws(FileWriterError) -> AnyWriter {
            switch kind {
            case .uring: .uring(try URingFileWriter(adoptingFileDescriptor: fd, offset: 0))
            case .plain: .plain(PlainFileWriter(adoptingFileDescriptor: fd, offset: 0))
            }
        }

        func append(_ bytes: [UInt8]) throws(FileWriterError) {
            switch self {
            case .uring(let writer): try writer.append(bytes)
            case .plain(let writer): try writer.append(bytes)
            }
        }

        func commit() throws(FileWriterError) {
            switch self {
            case .uring(let writer): try writer.commit()
            case .plain(let writer): try writer.commit()
            }
        }

        func close() throws(FileWriterError) {
            switch self {
            case .uring(let writer): try writer.close()
            case .plain(let writer): try writer.close()
            }
        }

        var statistics: URingFileWriter.Statistics {
            switch self {
            case .uring(let writer): writer.statistics
            case .plain(let writer): writer.statistics
            }
        }
    }
}
