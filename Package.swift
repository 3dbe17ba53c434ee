// swift-tools-version: 6.0
import PackageDescription

// Data flows one way: Storage · Text · Lexicon → Diff → Core → Facts → Align → Story → Render → CLI.
// Storage (git, via libgit2) and Text (sentences, words, calendar days) stand at
// the left, with Lexicon (English words, antonyms); Diff is the generic Myers engine; Core compares two texts; Facts
// extracts and compares facts along Core's sentence alignment; Align pairs two
// outlets' sentences by what they report and finds copied text; Story is the
// application layer (repositories, revision ranges, histories, diff requests,
// capture-and-store) that the CLI and later front ends share; Render turns
// results into text, side-by-side, JSON and HTML. Capture (pages and feeds →
// article text, libxml2) stands apart; Watch polls on top of Story and Capture.
// A target names only targets to its left.
let package = Package(
    name: "revtrack",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "revtrack", targets: ["revtrack"]),
        .library(name: "RevtrackStorage", targets: ["RevtrackStorage"]),
        .library(name: "RevtrackText", targets: ["RevtrackText"]),
        .library(name: "RevtrackLexicon", targets: ["RevtrackLexicon"]),
        .library(name: "RevtrackDiff", targets: ["RevtrackDiff"]),
        .library(name: "RevtrackFacts", targets: ["RevtrackFacts"]),
        .library(name: "RevtrackCore", targets: ["RevtrackCore"]),
        .library(name: "RevtrackAlign", targets: ["RevtrackAlign"]),
        .library(name: "RevtrackStory", targets: ["RevtrackStory"]),
        .library(name: "RevtrackRender", targets: ["RevtrackRender"]),
        .library(name: "RevtrackCapture", targets: ["RevtrackCapture"]),
        .library(name: "RevtrackWatch", targets: ["RevtrackWatch"]),
        .library(name: "RevtrackServe", targets: ["RevtrackServe"]),
        .library(name: "RevtrackBulk", targets: ["RevtrackBulk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // libgit2 as Debian ships it; only RevtrackStorage may import it.
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        .target(name: "RevtrackStorage", dependencies: ["CLibGit2"]),
        // libxml2's HTML parser; only RevtrackCapture may import it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "RevtrackCapture", dependencies: ["CLibXML2"]),
        // Polling watched pages and feeds: capture in, revisions and capture logs out.
        .target(name: "RevtrackWatch", dependencies: ["RevtrackStorage", "RevtrackCapture", "RevtrackStory", "RevtrackRender"]),
        .target(name: "RevtrackText"),
        .target(name: "RevtrackDiff"),
        // English words, antonyms and inflections (wamerican, WordNet): for edit kinds and facts.
        .target(name: "RevtrackLexicon", resources: [.process("Resources")]),
        .target(name: "RevtrackCore", dependencies: ["RevtrackText", "RevtrackDiff", "RevtrackLexicon"]),
        .target(name: "RevtrackFacts", dependencies: ["RevtrackText", "RevtrackCore", "RevtrackLexicon"], resources: [.process("Resources")]),
        // Two outlets: which sentences report the same thing, copied passages, conflicts.
        .target(name: "RevtrackAlign", dependencies: ["RevtrackText", "RevtrackCore", "RevtrackFacts", "RevtrackLexicon"]),
        // The application layer: what a command or a web page asks for, as one call.
        .target(name: "RevtrackStory", dependencies: ["RevtrackStorage", "RevtrackText", "RevtrackCore", "RevtrackFacts", "RevtrackAlign", "RevtrackCapture"]),
        .target(name: "RevtrackRender", dependencies: ["RevtrackStorage", "RevtrackCore", "RevtrackText", "RevtrackFacts", "RevtrackAlign", "RevtrackStory"]),
        // The web view: pages, JSON and Atom feeds over the Story layer, read-only.
        .target(
            name: "RevtrackServe",
            dependencies: [
                "RevtrackStorage", "RevtrackText", "RevtrackCore", "RevtrackFacts", "RevtrackStory", "RevtrackRender",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Templates")]
        ),
        // Archive-scale tools: batch comparison for clusters, export (and later import).
        .target(name: "RevtrackBulk", dependencies: [
            "RevtrackStorage", "RevtrackText", "RevtrackCore", "RevtrackFacts", "RevtrackStory", "RevtrackRender",
            // SQLite archives (NewsEdits, diffengine), through Debian's libsqlite3-dev.
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // glibc's malloc tuning (mallopt), for large diffs; only the CLI may import it.
        .systemLibrary(name: "CMalloc"),
        .executableTarget(
            name: "revtrack",
            dependencies: [
                "CMalloc",
                "RevtrackStorage",
                "RevtrackText",
                "RevtrackFacts",
                "RevtrackStory",
                "RevtrackRender",
                "RevtrackCapture",
                "RevtrackWatch",
                "RevtrackServe",
                "RevtrackBulk",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "revtrack-bench",
            dependencies: ["RevtrackStorage", "RevtrackText", "RevtrackDiff", "RevtrackCore", "RevtrackFacts", "RevtrackAlign", "RevtrackStory", "RevtrackRender", "RevtrackServe"]
        ),
        .target(name: "RevtrackTestSupport", path: "Tests/RevtrackTestSupport"),
        .testTarget(name: "RevtrackStorageTests", dependencies: ["RevtrackStorage", "RevtrackTestSupport"]),
        .testTarget(name: "RevtrackTextTests", dependencies: ["RevtrackText", "RevtrackTestSupport"], exclude: ["GoldenRules"]),
        .testTarget(name: "RevtrackDiffTests", dependencies: ["RevtrackDiff", "RevtrackTestSupport"]),
        .testTarget(name: "RevtrackFactsTests", dependencies: ["RevtrackFacts", "RevtrackCore", "RevtrackTestSupport"]),
        .testTarget(name: "RevtrackCoreTests", dependencies: ["RevtrackCore", "RevtrackLexicon", "RevtrackTestSupport"]),
        .testTarget(name: "RevtrackAlignTests", dependencies: ["RevtrackAlign", "RevtrackFacts", "RevtrackText", "RevtrackTestSupport"]),
        .testTarget(name: "RevtrackRenderTests", dependencies: ["RevtrackRender", "RevtrackCore", "RevtrackFacts", "RevtrackTestSupport"]),
        .testTarget(name: "RevtrackStoryTests", dependencies: ["RevtrackStory", "RevtrackStorage", "RevtrackFacts", "RevtrackText", "RevtrackTestSupport"]),
        .testTarget(name: "RevtrackCaptureTests", dependencies: ["RevtrackCapture", "RevtrackTestSupport"]),
        .testTarget(name: "RevtrackWatchTests", dependencies: ["RevtrackWatch", "RevtrackCapture", "RevtrackStorage", "RevtrackTestSupport"]),
        .testTarget(name: "RevtrackServeTests", dependencies: ["RevtrackServe", "RevtrackStory", "RevtrackStorage", "RevtrackTestSupport"]),
        .testTarget(name: "RevtrackCLITests", dependencies: ["revtrack", "RevtrackStorage", "RevtrackWatch", "RevtrackTestSupport",
                                                             .product(name: "GRDB", package: "GRDB.swift")], exclude: ["HelpSnapshots"]),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets (scripts/fuzz.sh): only with REVTRACK_FUZZ=1, since they
// need -sanitize=fuzzer and would not link in a normal build.
if Context.environment["REVTRACK_FUZZ"] == "1" {
    package.targets.append(.executableTarget(
        name: "revtrack-fuzz",
        dependencies: ["RevtrackText", "RevtrackCore", "RevtrackFacts", "RevtrackRender", "RevtrackCapture"],
        path: "Fuzz/revtrack-fuzz"
    ))
    package.products.append(.executable(name: "revtrack-fuzz", targets: ["revtrack-fuzz"]))
}
