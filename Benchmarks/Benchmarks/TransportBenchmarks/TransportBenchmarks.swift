import AsymTransport
import Benchmark

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .throughput], maxDuration: .seconds(2))

    let query = Array("symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.002&price=97000.1&timeInForce=GTC&recvWindow=5000&timestamp=1591702613943".utf8)

    Benchmark("HMAC-SHA256 order query, key absorbed once", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let signer = try HMAC(key: "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9")
        benchmark.startMeasurement()
        query.withUnsafeBytes { bytes in
            for _ in benchmark.scaledIterations { blackHole(signer.authenticate(bytes)) }
        }
    }

    Benchmark("HMAC-SHA256 order query, new key schedule each time (baseline)", configuration: .init(scalingFactor: .kilo)) { benchmark in
        for _ in benchmark.scaledIterations {
            let signer = try HMAC(key: "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9")
            blackHole(signer.authenticate(query))
        }
    }

    Benchmark("CRC32C of a 256-byte journal record", configuration: .init(scalingFactor: .mega)) { benchmark in
        let record = [UInt8](repeating: 0xA5, count: 256)
        benchmark.startMeasurement()
        record.withUnsafeBytes { bytes in
            for _ in benchmark.scaledIterations { blackHole(CRC32C.checksum(bytes)) }
        }
    }
}
