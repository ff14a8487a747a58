import Logging

/// Hands the loopback server's log lines (info and above) to the endpoint's sink, or drops them, so tests stay
/// quiet and `asym analysts serve` shows them.
struct EndpointLogHandler: LogHandler {
    let sink: (@Sendable (String) -> Void)?
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        sink?("\(event.level) \(event.message)")
    }
}
