// swift-tools-version:6.0
import Foundation
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
  name: "CoalitionGraph",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "CoalitionGraph", targets: ["CoalitionGraph"]),
    .library(name: "CoalitionGraphLegacyNames", targets: ["CoalitionGraphLegacyNames"]),
    .library(name: "CoalitionMetrics", targets: ["CoalitionMetrics"]),
    .library(name: "CoalitionReports", targets: ["CoalitionReports"]),
    .library(name: "CoalitionMaps", targets: ["CoalitionMaps"]),
    .library(name: "CoalitionInterchange", targets: ["CoalitionInterchange"]),
    .library(name: "CoalitionRender", targets: ["CoalitionRender"]),
    .library(name: "CoalitionExact", targets: ["CoalitionExact"]),
    .executable(name: "coalition", targets: ["coalition"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    // `swift package generate-documentation` (scripts/check-docs.sh); no code depends on it.
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
  ],
  targets: [
    // Pure Swift: builds and tests without Graphviz.
    .target(name: "CoalitionGraph", swiftSettings: strict),
    // Deprecated pre-0.1 names (CoalitionGraph, Actor, View, Observation), for one release.
    .target(name: "CoalitionGraphLegacyNames", dependencies: ["CoalitionGraph"], swiftSettings: strict),
    .target(name: "CoalitionMetrics", dependencies: ["CoalitionGraph"], swiftSettings: strict),
    .target(name: "CoalitionReports", dependencies: ["CoalitionGraph", "CoalitionMetrics", "CoalitionMaps"], swiftSettings: strict),
    .target(name: "CoalitionMaps", dependencies: ["CoalitionGraph", "CoalitionMetrics"], swiftSettings: strict),
    .target(
      name: "CoalitionInterchange", dependencies: ["CoalitionGraph", "CoalitionMetrics", "CoalitionMaps", "CZlib"],
      swiftSettings: strict),
    // zlib, for GDELT's .zip and .gz files, read in process (never through an unzip subprocess).
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
    // The only part that links Graphviz (pkg-config libgvc; Debian: libgraphviz-dev).
    .systemLibrary(
      name: "CGraphviz", pkgConfig: "libgvc",
      providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]),
    // The C layer around Graphviz: version shims, the deterministic arena, the text-layout plugin.
    .target(name: "CGraphvizSupport", dependencies: ["CGraphviz"]),
    .target(name: "CoalitionRender", dependencies: ["CGraphviz", "CGraphvizSupport", "CoalitionMaps"], swiftSettings: strict),
    // Exact integer programs through GLPK (Debian: libglpk-dev); no pkg-config file exists for it.
    .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"]), .brew(["glpk"])]),
    .target(name: "CoalitionExact", dependencies: ["CGLPK", "CoalitionGraph", "CoalitionMetrics"], swiftSettings: strict),
    .executableTarget(
      name: "coalition",
      dependencies: [
        "CoalitionGraph", "CoalitionMetrics", "CoalitionReports", "CoalitionMaps", "CoalitionRender", "CoalitionInterchange",
        "CoalitionExact", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict),
    .testTarget(name: "CoalitionGraphTests", dependencies: ["CoalitionGraph"], swiftSettings: strict),
    .testTarget(
      name: "CoalitionMetricsTests", dependencies: ["CoalitionGraph", "CoalitionMetrics", "CoalitionReports", "CoalitionInterchange"],
      swiftSettings: strict),
    .testTarget(
      name: "CoalitionInterchangeTests",
      dependencies: ["CoalitionGraph", "CoalitionInterchange", "CoalitionReports", "CoalitionMetrics"],
      swiftSettings: strict),
    .testTarget(name: "CoalitionExactTests", dependencies: ["CoalitionExact", "CoalitionMetrics", "CoalitionGraph"], swiftSettings: strict),
    .testTarget(name: "CoalitionMapsTests", dependencies: ["CoalitionGraph", "CoalitionMetrics", "CoalitionMaps"], swiftSettings: strict),
    .testTarget(
      name: "CoalitionRenderTests",
      dependencies: ["CoalitionGraph", "CoalitionMaps", "CoalitionRender", "CGraphviz", "CoalitionInterchange", "CoalitionReports", "CZlib"],
      swiftSettings: strict),
    .testTarget(name: "CGraphvizSupportTests", dependencies: ["CGraphvizSupport", "CGraphviz", "CoalitionRender"], swiftSettings: strict),
    .testTarget(name: "CoalitionCLITests", dependencies: ["coalition", "CoalitionGraph", "CoalitionMetrics", "CoalitionInterchange"], swiftSettings: strict),
    // Compiles and runs code written with the deprecated pre-0.1 names; the deprecation warnings are
    // the point of those names, so this one target suppresses them.
    .testTarget(
      name: "CoalitionGraphLegacyNamesTests", dependencies: ["CoalitionGraphLegacyNames"],
      swiftSettings: strict + [.unsafeFlags(["-suppress-warnings"])]),
  ]
)

// Coverage-guided fuzzing of every reader with libFuzzer and the address sanitizer: one target per
// reader under Fuzz/, and two along the output path (FuzzRender, FuzzHTML), present only when COALITION_FUZZ=1 (scripts/fuzz.sh sets it and passes
// -sanitize=fuzzer,address), so that ordinary builds and tests never see fuzzer flags.
if ProcessInfo.processInfo.environment["COALITION_FUZZ"] == "1" {
  let readers: [(name: String, interchange: Bool)] = [
    ("FuzzDatasetJSON", false), ("FuzzEdgeList", true), ("FuzzCSV", true), ("FuzzGDELT", true), ("FuzzATOP", true),
    ("FuzzSIPRI", true), ("FuzzGraphML", true), ("FuzzGEXF", true), ("FuzzNodeLink", true), ("FuzzDyads", true), ("FuzzArchive", true),
  ]
  package.targets.append(.target(name: "FuzzDriver", dependencies: ["CoalitionGraph"], path: "Fuzz/Driver", swiftSettings: strict))
  for r in readers {
    package.targets.append(
      .executableTarget(
        name: r.name, dependencies: ["FuzzDriver", "CoalitionGraph"] + (r.interchange ? ["CoalitionInterchange"] : []),
        path: "Fuzz/\(r.name)", swiftSettings: strict))
  }
  // The tables of `qap`, `alignment` and `import --cameo-map` (relations, contiguity, UN votes).
  package.targets.append(
    .executableTarget(
      name: "FuzzTables", dependencies: ["FuzzDriver", "CoalitionGraph", "CoalitionInterchange", "CoalitionMetrics"], path: "Fuzz/FuzzTables",
      swiftSettings: strict))
  // Along the output path: the map through Graphviz, and the HTML report.
  package.targets.append(
    .executableTarget(
      name: "FuzzRender", dependencies: ["FuzzDriver", "CoalitionGraph", "CoalitionMaps", "CoalitionRender"], path: "Fuzz/FuzzRender",
      swiftSettings: strict))
  package.targets.append(
    .executableTarget(
      name: "FuzzHTML", dependencies: ["FuzzDriver", "CoalitionGraph", "CoalitionMaps", "CoalitionMetrics", "CoalitionRender", "CoalitionReports"],
      path: "Fuzz/FuzzHTML", swiftSettings: strict))
}
