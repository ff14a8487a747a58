import Foundation
import Testing
import TestSupport

@testable import AsymTransport

/// A copied-out line, for comparing across reads.
private struct Line: Equatable {
    var time: Int64
    var frame: [UInt8]
}

private func frames(count: Int) -> [Line] {
    (0..<count).map { i in
        let text = #"{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":\#(1_700_000_000_000 + i),"data":{"s":"BTCUSDT","b":[["97000.\#(i % 10)","0.\#(i % 1000)"]],"a":[],"u":\#(i),"seq":\#(i * 7)}}"#
        return Line(time: 1_712_345_678_901_234_567 + Int64(i) * 1_003, frame: Array(text.utf8))
    }
}

private func readAll(_ path: String, configuration: RecordingReader.Configuration = .init()) throws -> ([Line], RecordingReader.Statistics) {
    let reader = try RecordingReader(path: path, configuration: configuration)
    var lines: [Line] = []
    // Safety: each frame view is copied out (`Array($0.frame)`) inside the callback, while it is valid.
    try reader.forEachLine { lines.append(Line(time: $0.receiveTimeNanoseconds, frame: Array($0.frame))) }
    return (lines, reader.statistics)
}

private func write(_ lines: [Line], to path: String) throws {
    let writer = try RecordingWriter(path: path)
    for line in lines { try writer.append(receiveTimeNanoseconds: line.time, frame: line.frame) }
    try writer.close()
}

@Suite("Recordings")
struct RecordingTests {
    @Test func plainRecordingRoundTripsTimestampsAndFrames() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.path("bybit.txt")
            let lines = frames(count: 10_000)
            try write(lines, to: path)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.hasPrefix("1712345678901234567 {\"topic\""))
            let (read, statistics) = try readAll(path)
            #expect(read == lines)
            #expect(statistics.lines == 10_000 && statistics.malformedLines == 0)
        }
    }

    @Test func gzipRecordingRoundTripsByExtension() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.path("bybit.gz")
            let lines = frames(count: 10_000)
            try write(lines, to: path)
            let (read, _) = try readAll(path, configuration: .init(readChunkSize: 777, gzipInputCapacity: 512))
            #expect(read == lines)
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/gzip"), "needs /bin/gzip to make the file"))
    func collectorStyleFileCompressedBySystemGzipReadsBack() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.path("binance_20240101")
            let text = """
                1704067200000000123 {"stream":"btcusdt@depth@100ms","data":{"e":"depthUpdate","E":1704067200001,"T":1704067200000,"s":"BTCUSDT","U":1,"u":2,"pu":0,"b":[["42000.10","1.000"]],"a":[]}}
                1704067200100000456 {"lastUpdateId":2,"E":1704067200090,"T":1704067200080,"bids":[["42000.10","1.000"]],"asks":[["42000.20","2.000"]]}

                """
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/gzip")
            process.arguments = [path]
            try process.run()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0)
            let (read, statistics) = try readAll(path + ".gz")
            #expect(read.map(\.time) == [1_704_067_200_000_000_123, 1_704_067_200_100_000_456])
            #expect(String(decoding: read[1].frame, as: UTF8.self).hasPrefix(#"{"lastUpdateId":2"#))
            #expect(statistics.malformedLines == 0)
        }
    }

    @Test func appendingToAGzipRecordingAddsAMemberThatReadsAsOneStream() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.path("okx.gz")
            let lines = frames(count: 3_000)
            try write(Array(lines[0..<1_000]), to: path)
            let writer = try RecordingWriter(path: path, mode: .append)
            for line in lines[1_000...] { try writer.append(receiveTimeNanoseconds: line.time, frame: line.frame) }
            try writer.close()
            #expect(try readAll(path).0 == lines)
        }
    }

    @Test func truncatedGzipRecordingIsATypedError() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.path("cut.gz")
            try write(frames(count: 5_000), to: path)
            let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
            try #require(truncate(path, off_t(size - 100)) == 0)
            let reader = try RecordingReader(path: path)
            var delivered = 0
            #expect(throws: RecordingError.gzip(.truncated)) {
                while try reader.next() != nil { delivered += 1 }
            }
            #expect(delivered > 4_000)
        }
    }

    @Test func malformedLinesAreCountedAndSkipped() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.path("mixed.txt")
            let long = String(repeating: "x", count: 300)
            let text = [
                "1 first",
                "no-space-at-all",
                "",
                "12a4 {}",
                "-5 {}",
                "99999999999999999999 {}",  // 20 digits: beyond Int64
                "9223372036854775807 max",
                "2 \(long)",
                "3 last",
                "4 unterminated",
            ].joined(separator: "\n")
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let (read, statistics) = try readAll(path, configuration: .init(maximumLineLength: 100, readChunkSize: 7))
            #expect(read.map(\.time) == [1, Int64.max, 3])
            #expect(read.map { String(decoding: $0.frame, as: UTF8.self) } == ["first", "max", "last"])
            #expect(statistics.missingSeparator == 2)
            #expect(statistics.invalidTimestamp == 3)
            #expect(statistics.tooLong == 1)
            #expect(statistics.unterminated == 1)
            #expect(statistics.malformedLines == 7)
            #expect(statistics.peakBufferedBytes <= 101)
        }
    }

    @Test func malformedLinesThrowWithTheirLineNumberWhenConfigured() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.path("strict.txt")
            try "1 a\nbad\n2 b\n".write(toFile: path, atomically: true, encoding: .utf8)
            let reader = try RecordingReader(path: path, configuration: .init(throwsOnMalformedLine: true))
            #expect(try reader.next()?.receiveTimeNanoseconds == 1)
            #expect(throws: RecordingError.malformedLine(lineNumber: 2, .missingSeparator)) { _ = try reader.next() }
            // The reader stays usable after the throw.
            let third = try #require(try reader.next())
            #expect(third.receiveTimeNanoseconds == 2 && third.lineNumber == 3)
            #expect(try reader.next() == nil)
        }
    }

    @Test func writerRejectsFramesThatWouldSplitTheLine() throws {
        try TemporaryDirectory.with { directory in
            let writer = try RecordingWriter(path: directory.path("w.txt"))
            #expect(throws: RecordingError.frameContainsNewline) {
                try writer.append(receiveTimeNanoseconds: 1, frame: Array("a\nb".utf8))
            }
            #expect(throws: RecordingError.negativeTimestamp) {
                try writer.append(receiveTimeNanoseconds: -1, frame: Array("a".utf8))
            }
            try writer.close()
        }
    }

    /// ~100 MB of decompressed lines through small, fixed buffers: the reader's buffers never exceed their
    /// configured capacity however large the file is.
    @Test func hundredMegabyteGzipStreamReadsInBoundedBuffers() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.path("big.gz")
            let writer = try RecordingWriter(path: path, gzipLevel: 1)
            let template = frames(count: 1_000)
            let lineCount = 800_000
            var expectedSum: Int64 = 0
            for i in 0..<lineCount {
                let time = Int64(1_712_345_678_000_000_000) + Int64(i)
                expectedSum &+= time
                try writer.append(receiveTimeNanoseconds: time, frame: template[i % 1_000].frame)
            }
            try writer.close()

            let configuration = RecordingReader.Configuration(
                maximumLineLength: 4096, readChunkSize: 64 << 10, gzipInputCapacity: 64 << 10)
            let reader = try RecordingReader(path: path, configuration: configuration)
            #expect(reader.bufferCapacity == 4097)
            #expect(reader.gzipInputCapacity == 64 << 10)
            var count = 0
            var sum: Int64 = 0
            var frameBytes = 0
            while let line = try reader.next() {
                count += 1
                sum &+= line.receiveTimeNanoseconds
                frameBytes += line.frame.count
            }
            #expect(count == lineCount)
            #expect(sum == expectedSum)
            #expect(reader.statistics.bytesRead > 100_000_000)
            #expect(reader.statistics.peakBufferedBytes <= reader.bufferCapacity)
            #expect(frameBytes > 80_000_000)
        }
    }
}
