public import AsymCore
public import AsymJournal

/// Puts journalled request and response texts back together from their `AITextFragment`s, for inspection and
/// audits (what exactly was asked, what exactly came back).
public struct AITranscripts: Sendable {
    /// Which text a fragment belongs to.
    public struct Key: Hashable, Sendable {
        public var roundTime: Int64
        public var instrument: InstrumentID
        public var analyst: Int
        public var attempt: Int
        /// `.aiRequest` or `.aiResponse`.
        public var isRequest: Bool

        public init(roundTime: Int64, instrument: InstrumentID, analyst: Int, attempt: Int, isRequest: Bool) {
            self.roundTime = roundTime
            self.instrument = instrument
            self.analyst = analyst
            self.attempt = attempt
            self.isRequest = isRequest
        }
    }

    private var buffers: [Key: (bytes: [UInt8], filled: Int, status: Int)] = [:]

    public init() {}

    /// Adds a journal record; records of other types, and malformed fragments, are ignored.
    public mutating func add(type: JournalRecordType, payload: UnsafeRawBufferPointer) {
        guard type == .aiRequest || type == .aiResponse, let fragment = AITextFragment(decoding: payload) else { return }
        let key = Key(roundTime: fragment.roundTime, instrument: fragment.instrument, analyst: fragment.analyst,
                      attempt: fragment.attempt, isRequest: type == .aiRequest)
        var buffer = buffers[key] ?? ([UInt8](repeating: 0, count: fragment.totalLength), 0, fragment.status)
        guard buffer.bytes.count == fragment.totalLength else { return }
        buffer.bytes.replaceSubrange(fragment.offset..<fragment.offset + fragment.bytes.count, with: fragment.bytes)
        buffer.filled += fragment.bytes.count
        buffers[key] = buffer
    }

    /// Every text seen, in key order of round, analyst, attempt, request before response.
    public var keys: [Key] {
        buffers.keys.sorted {
            ($0.roundTime, $0.instrument.rawValue, $0.analyst, $0.attempt, $0.isRequest ? 0 : 1)
                < ($1.roundTime, $1.instrument.rawValue, $1.analyst, $1.attempt, $1.isRequest ? 0 : 1)
        }
    }

    /// The text for `key`, nil when unknown or some fragment is missing.
    public func text(_ key: Key) -> [UInt8]? {
        guard let buffer = buffers[key], buffer.filled == buffer.bytes.count else { return nil }
        return buffer.bytes
    }

    /// The HTTP status journalled with a response (0: no response arrived).
    public func status(_ key: Key) -> Int? { buffers[key]?.status }
}
