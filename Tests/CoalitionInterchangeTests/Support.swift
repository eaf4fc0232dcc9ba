import CoalitionGraph
import Foundation

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("Fixtures")

func fixture(_ relative: String) -> String { fixtures.appendingPathComponent(relative).path }

/// Tests/Fixtures/reference/interchange.json, written by scripts/reference/interchange_reference.py.
nonisolated(unsafe) let reference: [String: Any] = {
  let data = try! Data(contentsOf: fixtures.appendingPathComponent("reference/interchange.json"))
  return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
}()

func ref(_ path: String...) -> Any? {
  var node: Any? = reference
  for key in path { node = (node as? [String: Any])?[key] }
  return node
}

func refDouble(_ path: String...) -> Double {
  var node: Any? = reference
  for key in path { node = (node as? [String: Any])?[key] }
  return (node as? NSNumber)?.doubleValue ?? .nan
}

/// A temporary file with `text`, removed by the caller.
func temporaryFile(_ text: String, suffix: String = ".txt") -> String {
  let path = NSTemporaryDirectory() + "coalition-test-\(UUID().uuidString)\(suffix)"
  _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
  return path
}

/// Observations sorted for comparison; undirected kinds with endpoints in canonical order.
func canonical(_ d: Dataset) -> [TieObservation] { d.observationsForComparison }
