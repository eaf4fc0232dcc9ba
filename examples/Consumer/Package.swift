// swift-tools-version:6.0
// A package that uses CoalitionGraph the way a user's would: by its products, through public API
// only. CI builds it and runs every program (scripts/check-consumer.sh).
import PackageDescription

let package = Package(
  name: "CoalitionConsumer",
  platforms: [.macOS(.v15)],
  dependencies: [.package(name: "CoalitionGraph", path: "../..")],
  targets: [
    // (a) Build a dataset in code with three kinds of ties and render an SVG map.
    .executableTarget(
      name: "BuildAndRender",
      dependencies: [
        .product(name: "CoalitionGraph", package: "CoalitionGraph"),
        .product(name: "CoalitionMaps", package: "CoalitionGraph"),
        .product(name: "CoalitionRender", package: "CoalitionGraph"),
      ]),
    // (b) Load a dataset file and print a centrality table sorted by betweenness.
    .executableTarget(
      name: "LoadAndRank",
      dependencies: [
        .product(name: "CoalitionGraph", package: "CoalitionGraph"),
        .product(name: "CoalitionMetrics", package: "CoalitionGraph"),
        .product(name: "CoalitionReports", package: "CoalitionGraph"),
      ]),
    // (c) Import a GDELT file through the library and rank states by PageRank, with a deadline.
    .executableTarget(
      name: "GDELTPageRank",
      dependencies: [
        .product(name: "CoalitionGraph", package: "CoalitionGraph"),
        .product(name: "CoalitionMetrics", package: "CoalitionGraph"),
        .product(name: "CoalitionInterchange", package: "CoalitionGraph"),
      ]),
    // Every product imported next to Foundation, Observation (@Observable) and Swift Concurrency,
    // names used without qualification, and the usual do/catch forms on the library's errors.
    .executableTarget(
      name: "SideBySide",
      dependencies: [
        .product(name: "CoalitionGraph", package: "CoalitionGraph"),
        .product(name: "CoalitionMetrics", package: "CoalitionGraph"),
        .product(name: "CoalitionReports", package: "CoalitionGraph"),
        .product(name: "CoalitionMaps", package: "CoalitionGraph"),
        .product(name: "CoalitionInterchange", package: "CoalitionGraph"),
        .product(name: "CoalitionRender", package: "CoalitionGraph"),
      ]),
  ]
)
