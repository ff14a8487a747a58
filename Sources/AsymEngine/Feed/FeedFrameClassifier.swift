import AsymCore

/// Tells data frames from control messages and tags data frames by stream, with byte-pattern checks
/// on the first bytes only (no JSON parsing on the feed thread).
///
/// Control messages — subscribe acks, pongs, errors, notices — are recognised by their leading key
/// (`{"success"`, `{"event"`/`{"id"`, `{"result"`, literal `pong`) and are **not** pushed into the ring: the engine
/// has nothing to do with them, and keeping them out spares the codecs a second frame grammar. The feed
/// counts them and uses pongs for its heartbeat.
struct FeedFrameClassifier: Sendable {
    /// A data-frame rule: every pattern must occur within the first ``window`` bytes.
    struct Rule: Sendable {
        let patterns: [[UInt8]]
        let tag: FeedTag
    }

    /// A recognised control message.
    enum Control: Equatable {
        case acknowledgement, pong, error, notice
    }

    /// The verdict on one frame.
    enum Verdict: Equatable {
        case data(FeedTag)
        case control(Control)
    }

    /// How many leading bytes are searched; stream keys come first in every venue's frames.
    static let window = 256

    let venue: Venue
    let rules: [Rule]

    init(venue: Venue, rules: [Rule]) {
        self.venue = venue
        self.rules = rules
    }

    /// Classifies one message.
    /// - Complexity: O(rules × window) byte comparisons in the worst case.
    func classify(_ bytes: UnsafeRawBufferPointer) -> Verdict {
        // Safety: `bytes` is the callback's message buffer, only read here during the callback.
        if let control = control(bytes) { return .control(control) }
        for rule in rules where rule.patterns.allSatisfy({ Self.contains($0, in: bytes) }) {
            return .data(rule.tag)
        }
        return .data(FeedTag(venue: venue, kind: .unclassified, symbolIndex: FeedTag.unknownSymbol))
    }

    private func control(_ bytes: UnsafeRawBufferPointer) -> Control? {
        switch venue {
        case .okx:
            if bytes.elementsEqual(Self.pong) { return .pong }
            guard Self.okxControlKeys.contains(where: { bytes.starts(with: $0) }) else { return nil }
            if Self.contains(Self.okxError, in: bytes) { return .error }
            if Self.contains(Self.okxNotice, in: bytes) { return .notice }
            return .acknowledgement
        case .bybit:
            guard Self.bybitControlKeys.contains(where: { bytes.starts(with: $0) }) else { return nil }
            if Self.contains(Self.bybitFailure, in: bytes) { return .error }
            if Self.contains(Self.bybitPong, in: bytes) || Self.contains(Self.bybitPongOp, in: bytes) { return .pong }
            return .acknowledgement
        case .binance:
            if bytes.starts(with: Self.binanceError) { return .error }
            return Self.binanceControlKeys.contains(where: { bytes.starts(with: $0) }) ? .acknowledgement : nil
        }
    }

    /// Whether `pattern` occurs within the first ``window`` bytes.
    static func contains(_ pattern: [UInt8], in bytes: UnsafeRawBufferPointer) -> Bool {
        let limit = min(bytes.count, window)
        guard let first = pattern.first, pattern.count <= limit else { return false }
        var index = 0
        while index + pattern.count <= limit {
            if bytes[index] == first {
                var offset = 1
                while offset < pattern.count, bytes[index + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return true }
            }
            index += 1
        }
        return false
    }

    private static let pong = Array("pong".utf8)
    // Data pushes start with `{"arg"`; acks and errors with `{"id"` (when the request had one) or `{"event"`.
    private static let okxControlKeys = [#"{"event":"#, #"{"id":"#, #"{"code":"#].map { Array($0.utf8) }
    private static let okxError = Array(#""event":"error""#.utf8)
    private static let okxNotice = Array(#""event":"notice""#.utf8)
    private static let bybitControlKeys = [#"{"success":"#, #"{"req_id":"#, #"{"op":"#, #"{"ret_msg":"#, #"{"conn_id":"#]
        .map { Array($0.utf8) }
    private static let bybitFailure = Array(#""success":false"#.utf8)
    private static let bybitPong = Array(#""ret_msg":"pong""#.utf8)
    private static let bybitPongOp = Array(#""op":"pong""#.utf8)
    private static let binanceControlKeys = [#"{"result":"#, #"{"id":"#].map { Array($0.utf8) }
    private static let binanceError = Array(#"{"error":"#.utf8)
}
