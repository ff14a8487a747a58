// swift-tools-version: 6.1
import PackageDescription

// package-benchmark suites for asym. Run from this directory:
//   swift package --allow-writing-to-package-directory benchmark
// The malloc interposer trait makes every benchmark report mallocs per iteration.
let package = Package(
    name: "asym-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "asym", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "RingBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "AsymRing", package: "asym"),
            ],
            path: "Benchmarks/RingBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "TransportBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "AsymTransport", package: "asym"),
            ],
            path: "Benchmarks/TransportBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "MarketDataBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "AsymEngine", package: "asym"),
                .product(name: "AsymCore", package: "asym"),
            ],
            path: "Benchmarks/MarketDataBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "RiskBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "AsymRisk", package: "asym"),
                .product(name: "AsymCore", package: "asym"),
            ],
            path: "Benchmarks/RiskBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
