// swift-tools-version: 6.1
import PackageDescription

// package-benchmark suites for asym. Run from this directory:
//   swift package --allow-writing-to-package-directory benchmark
// The malloc interposer trait makes every benchmark report mallocs per iteration.

/// One benchmark executable over the given asym products.
func benchmarkTarget(_ name: String, _ asymProducts: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: [.product(name: "Benchmark", package: "benchmark")]
            + asymProducts.map { .product(name: $0, package: "asym") },
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

let package = Package(
    name: "asym-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "asym", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        benchmarkTarget("RingBenchmarks", ["AsymRing"]),
        benchmarkTarget("TransportBenchmarks", ["AsymTransport"]),
        benchmarkTarget("MarketDataBenchmarks", ["AsymEngine", "AsymCore"]),
        benchmarkTarget("RiskBenchmarks", ["AsymRisk", "AsymCore"]),
        benchmarkTarget("SignalsBenchmarks", ["AsymEngine", "AsymSignals", "AsymBook", "AsymCore"]),
    ]
)
