import CoalitionGraph
import CoalitionInterchange
import Foundation
import Testing

/// Every reader and writer takes a file URL and gives what its path form gives; other URLs are
/// refused with the reader's own error type.
@Test func urlReadersAndWritersMatchThePathForms() throws {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coalition-url-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: dir) }
  let view = try CoalitionNetwork(.seed).view()

  let datasetURL = dir.appendingPathComponent("seed.json")
  try Dataset.seed.write(to: datasetURL)
  #expect(try Dataset(contentsOf: datasetURL) == .seed)

  let graphml = dir.appendingPathComponent("seed.graphml")
  try GraphML.write(view, to: graphml)
  #expect(try GraphML.read(contentsOf: graphml).dataset.observations.count == Dataset.seed.observations.count)
  let nodeLink = dir.appendingPathComponent("seed.node-link.json")
  try NodeLink.write(view, to: nodeLink)
  #expect(try NodeLink.read(contentsOf: nodeLink).dataset.observations.count == Dataset.seed.observations.count)
  let gexf = dir.appendingPathComponent("seed.gexf")
  try GEXF.write(view, to: gexf)
  #expect(try GEXF.read(contentsOf: gexf).dataset == GEXF.read(path: gexf.path).dataset)
  let csv = dir.appendingPathComponent("seed.csv")
  try CSVObservations.write(.seed, to: csv)
  let fromCSV = try CSVObservations.read(contentsOf: csv, options: CSVObservationOptions(base: .seed)).dataset
  #expect(canonical(fromCSV) == canonical(.seed))
  try CSVTables.writeNodes(view, to: dir.appendingPathComponent("nodes.csv"))
  try CSVTables.writeEdges(view, to: dir.appendingPathComponent("edges.csv"))
  #expect(try String(contentsOf: dir.appendingPathComponent("edges.csv"), encoding: .utf8) == CSVTables.edges(view))

  let gdelt = URL(fileURLWithPath: fixture("data/gdelt2_20191024143000.export.CSV"))
  #expect(try GDELT.read(contentsOf: gdelt).dataset == GDELT.read(path: gdelt.path).dataset)

  let remote = URL(string: "https://example.org/seed.json")!
  #expect(throws: DatasetError.self) { try Dataset(contentsOf: remote) }
  #expect(throws: ImportError.self) { try GDELT.read(contentsOf: remote) }
  #expect(throws: FileWriteError.self) { try Dataset.seed.write(to: remote) }
}

/// Readers stop at their next read (every 1 MiB) once the monitor bound to them is cancelled; the async
/// form turns that into CancellationError.
@Test func cancelledImportsStopAtTheNextRead() async throws {
  let rows = String(repeating: "RUS,PRK,military,2024-03-01\n", count: 1_000)
  let path = temporaryFile("source,target,kind,date\n" + rows, suffix: ".csv")
  defer { try? FileManager.default.removeItem(atPath: path) }
  // The check point itself, with the kind of monitor runCancellable binds (the reader throws; it
  // never returns what it had read).
  let monitor = ProgressMonitor(cancellableForwardingTo: nil)
  monitor.cancel()
  #expect(throws: ImportError.self) { try ProgressMonitor.$current.withValue(monitor) { try CSVObservations.read(path: path) } }
  let task = Task {
    withUnsafeCurrentTask { $0?.cancel() }
    return try await CSVObservations.read(contentsOf: URL(fileURLWithPath: path))
  }
  await #expect(throws: CancellationError.self) { try await task.value }
  let whole = try await CSVObservations.read(contentsOf: URL(fileURLWithPath: path))
  #expect(whole.recordsRead == 1_000)
}

/// `--base` for importers that read the file alone: the seed laid under ATOP 2018 gives one dataset
/// with both; what both declare must agree, and differences settled are named.
@Test func overlayKeepsBothDatasets() throws {
  let atop = try ATOP.read(path: fixture("data/atop5_1_undirected_2018.csv")).dataset
  let overlay = try Dataset.seed.overlaid(by: atop)
  let both = overlay.dataset
  #expect(both.observations.count == Dataset.seed.observations.count + atop.observations.count)
  #expect(both.observations.prefix(Dataset.seed.observations.count).elementsEqual(Dataset.seed.observations))
  #expect(both.blocs == Dataset.seed.blocs && both.title == Dataset.seed.title)
  #expect(Set(both.kinds.map(\.id)).isSuperset(of: atop.kinds.map(\.id)))
  #expect(both.validate().isEmpty, "\(both.validate().prefix(3))")
  #expect(overlay.notes.isEmpty)
  // An actor declared by both with another name: the base's stays, and a note says so.
  var renamed = Dataset(title: "x", actors: [CoalitionActor(id: "WEST", name: "The West", type: .aggregate)])
  let noted = try Dataset.seed.overlaid(by: renamed)
  #expect(noted.dataset.actors.first { $0.id == "WEST" }?.name == "US allies (unnamed)")
  #expect(noted.notes.count == 1 && noted.notes[0].contains("\"WEST\""))
  // A kind declared by both with another polarity cannot be merged.
  renamed.kinds = [Kind(id: "arms-transfer", polarity: .hostile, materiality: .material, directed: true)]
  #expect(throws: DatasetError.self) { try Dataset.seed.overlaid(by: renamed) }
}
