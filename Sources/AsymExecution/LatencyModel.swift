/// Order entry latency (client → matching engine) and response latency (matching → client), in ns.
///
/// Model: hftbacktest's `LatencyModel` trait (`entry`, `response`; `models/latency.rs`). Implementations
/// are structs, and `PaperVenue` is generic over them, so a call is direct.
public protocol LatencyModel {
    /// Nanoseconds before an order or cancel sent at `now` reaches the matching engine.
    mutating func entry(now: Int64) -> Int64
    /// Nanoseconds before a report made at `now` reaches the client.
    mutating func response(now: Int64) -> Int64
}
