// swift-tools-version: 6.1
import PackageDescription

/// One thin C target per system library. Only `AsymTransport` may depend on these.
func cShim(_ name: String, linking libraries: [String]) -> Target {
    .target(
        name: name,
        path: "CSupport/\(name)",
        sources: ["shim.c"],
        publicHeadersPath: "include",
        linkerSettings: libraries.map { .linkedLibrary($0) }
    )
}

let strictSwift: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "asym",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "asym", targets: ["asym"]),
        .library(name: "AsymCore", targets: ["AsymCore"]),
        .library(name: "AsymRing", targets: ["AsymRing"]),
        .library(name: "AsymTransport", targets: ["AsymTransport"]),
        .library(name: "AsymVenues", targets: ["AsymVenues"]),
        .library(name: "AsymBook", targets: ["AsymBook"]),
        .library(name: "AsymSignals", targets: ["AsymSignals"]),
        .library(name: "AsymRisk", targets: ["AsymRisk"]),
        .library(name: "AsymExecution", targets: ["AsymExecution"]),
        .library(name: "AsymJournal", targets: ["AsymJournal"]),
        .library(name: "AsymConsensus", targets: ["AsymConsensus"]),
        .library(name: "AsymStore", targets: ["AsymStore"]),
        .library(name: "AsymEngine", targets: ["AsymEngine"]),
        .library(name: "AsymOps", targets: ["AsymOps"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        // The ops server and the loopback analysts. No traits: the default ones pull in swift-configuration and
        // full-Foundation URL forms, which neither uses.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        cShim("CWebSockets", linking: ["websockets", "ssl", "crypto"]),
        cShim("CURing", linking: ["uring"]),
        cShim("CCurl", linking: ["curl"]),
        cShim("COpenSSL", linking: ["ssl", "crypto", "z"]),
        cShim("CZlib", linking: ["z"]),
        cShim("CPlatform", linking: []),
        // Linked (never imported) by asym's own executables so benchmarks can count mallocs.
        cShim("CMallocInterposer", linking: []),

        .target(name: "AsymCore", swiftSettings: strictSwift),
        .target(name: "AsymRing", dependencies: ["AsymCore"], swiftSettings: strictSwift),
        .target(
            name: "AsymTransport",
            dependencies: ["AsymCore", "CWebSockets", "CURing", "CCurl", "COpenSSL", "CZlib", "CPlatform"],
            swiftSettings: strictSwift
        ),
        .target(name: "AsymVenues", dependencies: ["AsymCore"], swiftSettings: strictSwift),
        .target(name: "AsymBook", dependencies: ["AsymCore"], swiftSettings: strictSwift),
        .target(name: "AsymSignals", dependencies: ["AsymCore", "AsymBook"], swiftSettings: strictSwift),
        .target(name: "AsymRisk", dependencies: ["AsymCore"], swiftSettings: strictSwift),
        .target(name: "AsymExecution", dependencies: ["AsymCore", "AsymRisk", "AsymBook"], swiftSettings: strictSwift),
        .target(name: "AsymJournal", dependencies: ["AsymCore", "AsymRing", "AsymTransport"], swiftSettings: strictSwift),
        .target(
            name: "AsymConsensus",
            dependencies: ["AsymCore", "AsymRing", "AsymRisk", "AsymTransport", "AsymJournal",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/analyst-prompt.md")],
            swiftSettings: strictSwift
        ),
        .target(
            name: "AsymOps",
            dependencies: ["AsymCore", "AsymRisk", "AsymTransport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "AsymStore",
            dependencies: ["AsymCore", "AsymJournal", "AsymRisk", "AsymExecution", "AsymSignals",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "AsymEngine",
            dependencies: ["AsymCore", "AsymRing", "AsymTransport", "AsymVenues", "AsymBook", "AsymSignals", "AsymRisk",
                "AsymExecution", "AsymJournal", "AsymConsensus", "AsymOps", "AsymStore",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "asym",
            dependencies: [
                "AsymEngine", "AsymCore", "AsymRisk", "AsymExecution", "AsymJournal", "AsymConsensus", "AsymOps", "AsymStore", "CMallocInterposer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSwift
        ),

        .target(name: "TestSupport", dependencies: ["AsymCore"], path: "Tests/TestSupport", swiftSettings: strictSwift),
        .testTarget(name: "AsymCoreTests", dependencies: ["AsymCore", "TestSupport"], swiftSettings: strictSwift),
        .testTarget(name: "AsymRingTests", dependencies: ["AsymRing", "TestSupport"], swiftSettings: strictSwift),
        .testTarget(name: "AsymTransportTests", dependencies: ["AsymTransport", "TestSupport", "CMallocInterposer"], swiftSettings: strictSwift),
        .testTarget(
            name: "AsymVenuesTests", dependencies: ["AsymVenues", "TestSupport"],
            resources: [.copy("Fixtures")], swiftSettings: strictSwift
        ),
        .testTarget(
            name: "AsymSignalsTests", dependencies: ["AsymSignals", "TestSupport"],
            resources: [.copy("Fixtures")], swiftSettings: strictSwift
        ),
        .testTarget(name: "AsymExecutionTests", dependencies: ["AsymExecution", "TestSupport"], swiftSettings: strictSwift),
        .testTarget(
            name: "AsymJournalTests", dependencies: ["AsymJournal", "TestSupport", "CMallocInterposer"], swiftSettings: strictSwift
        ),
        .testTarget(name: "AsymRiskTests", dependencies: ["AsymRisk", "TestSupport"], swiftSettings: strictSwift),
        .testTarget(name: "AsymBookTests", dependencies: ["AsymBook", "TestSupport"], swiftSettings: strictSwift),
        .testTarget(
            name: "AsymConsensusTests",
            dependencies: ["AsymConsensus", "AsymRisk", "AsymJournal", "AsymTransport", "TestSupport", "CMallocInterposer"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "AsymOpsTests", dependencies: ["AsymOps", "AsymTransport", "TestSupport"], swiftSettings: strictSwift
        ),
        .testTarget(
            name: "AsymStoreTests",
            dependencies: ["AsymStore", "AsymEngine", "AsymJournal", "AsymExecution", "AsymRisk", "AsymSignals", "AsymTransport",
                "TestSupport"],
            swiftSettings: strictSwift
        ),
        .testTarget(name: "AsymEngineTests", dependencies: ["AsymEngine", "AsymExecution", "AsymOps", "AsymStore", "TestSupport", "CMallocInterposer"], swiftSettings: strictSwift),
        // Runs the built `asym` binary (SwiftPM builds it next to the test bundle) as a child process.
        .testTarget(name: "asymTests", dependencies: ["AsymEngine", "AsymJournal", "TestSupport"], swiftSettings: strictSwift),
    ]
)
