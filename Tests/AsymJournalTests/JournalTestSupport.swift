import AsymJournal
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Helpers shared by the journal tests.
enum JournalTestSupport {
    /// A 16-byte record on disk.
    static let recordSize = 26 + 16

    static func configuration(_ directory: TemporaryDirectory, backend: JournalBackend = .uring) -> JournalConfiguration {
        var configuration = JournalConfiguration(directory: directory.path("journal"))
        configuration.backend = backend
        configuration.fileWriter.bufferSize = 256 << 10
        return configuration
    }

    /// Appends `values` (each must succeed), then closes the journal.
    static func write(_ configuration: JournalConfiguration, values: ClosedRange<UInt64>) throws -> Journal {
        let journal = try Journal(configuration: configuration)
        journal.start()
        for value in values {
            guard journal.append(TestEvent(value), type: .diagnostic, time: Int64(value) * 10) != nil else {
                throw TestFailure("append \(value) failed")
            }
        }
        try journal.close()
        return journal
    }

    /// Reads the directory and checks every record is a `TestEvent` whose value is its sequence.
    static func readAll(_ directory: String, policy: JournalReader.CorruptionPolicy = .stop)
        throws -> (summary: JournalReadSummary, sequences: [UInt64], mismatches: Int)
    {
        var sequences: [UInt64] = []
        var mismatches = 0
        let summary = try JournalReader(directory: directory, corruptionPolicy: policy).forEach { record in
            sequences.append(record.sequence)
            if record.payload.count != 16 || record.load(as: TestEvent.self) != TestEvent(record.sequence)
                || record.time != Int64(record.sequence) * 10 || record.type != .diagnostic {
                mismatches += 1
            }
        }
        return (summary, sequences, mismatches)
    }

    /// The segment files of a journal directory, in sequence order.
    static func segmentPaths(_ directory: String) -> [String] {
        var names: [String] = []
        if let handle = opendir(directory) {
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                if name.hasPrefix("journal-") { names.append(name) }
            }
            closedir(handle)
        }
        return names.sorted().map { directory + "/" + $0 }
    }

    static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : -1
    }

    static func truncate(_ path: String, to length: Int) {
        precondition(Glibc.truncate(path, off_t(length)) == 0)
    }

    /// Flips the bits of one byte at `offset` in place.
    static func flipByte(_ path: String, at offset: Int) {
        let fd = open(path, O_RDWR)
        precondition(fd >= 0)
        var byte: UInt8 = 0
        precondition(pread(fd, &byte, 1, off_t(offset)) == 1)
        byte ^= 0xFF
        precondition(pwrite(fd, &byte, 1, off_t(offset)) == 1)
        close(fd)
    }
}
