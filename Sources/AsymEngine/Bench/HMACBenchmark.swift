import AsymTransport

/// `asym bench hmac`: signing a typical Binance order query with a reused, pre-keyed HMAC.
///
/// Baseline: the same signature with the key schedule redone for every message.
enum HMACBenchmark {
    static let secret = "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9"
    static let query = Array("symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.002&price=97000.1&timeInForce=GTC&newClientOrderId=a1b2c3d4e5f6g7h8&recvWindow=5000&timestamp=1591702613943".utf8)

    static func run(operations: Int) throws -> BenchmarkResult {
        let signer = try HMAC(key: secret)
        var sink: UInt8 = 0
        let warmup = query.withUnsafeBytes { bytes in signer.authenticate(bytes) }
        sink ^= warmup.withUnsafeBytes { $0[0] }
        let measured = query.withUnsafeBytes { bytes in
            BenchmarkClock.measure(count: operations) {
                sink ^= signer.authenticate(bytes).withUnsafeBytes { $0[0] }
            }
        }
        let baselineCount = max(1, operations / 10)
        let baseline = BenchmarkClock.measure(count: baselineCount) {
            let fresh = try! HMAC(key: secret)
            sink ^= fresh.authenticate(query).withUnsafeBytes { $0[0] }
        }
        BenchmarkClock.consume(sink)
        return BenchmarkResult(
            suite: "hmac", subject: "HMAC-SHA256 of a \(query.count)-byte order query, key absorbed once",
            operations: operations, latency: measured.0, operationsPerSecond: measured.1,
            allocationsPerOperation: measured.2,
            baseline: .init(subject: "new HMAC key schedule per message", latency: baseline.0,
                            operationsPerSecond: baseline.1, allocationsPerOperation: baseline.2))
    }
}
