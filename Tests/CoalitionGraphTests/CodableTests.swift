import Foundation
import Testing

import CoalitionGraph

/// `JSONEncoder` output is a dataset file the canonical reader accepts, and `JSONDecoder` reads
/// what the canonical writer writes: the same value both ways, on the seed and on a dataset that
/// uses every member of the format.
@Test(arguments: ["seed", "every field"])
func codableMatchesTheDocumentedFormat(which: String) throws {
  let d = which == "seed" ? Dataset.seed : everyFieldDataset()
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys]
  let encoded = try encoder.encode(d)
  #expect(try Dataset(json: Array(encoded)) == d)
  #expect(try JSONDecoder().decode(Dataset.self, from: Data(d.jsonText().utf8)) == d)
  // Optional members are left out as the canonical writer leaves them out: the same members, in another order.
  let canonical = try JSONSerialization.jsonObject(with: Data(d.jsonText().utf8)) as? NSDictionary
  let fromEncoder = try JSONSerialization.jsonObject(with: encoded) as? NSDictionary
  #expect(canonical != nil && canonical == fromEncoder)
}

@Test func codableReadsTheShorthandsAndDefaults() throws {
  let text = #"""
    {"format": "coalitiongraph-dataset", "version": 1, "actors": ["RUS", {"id": "WAG", "type": "group"}],
     "kinds": [{"id": "cyber", "polarity": "hostile", "materiality": "material", "directed": true}],
     "observations": [{"source": "WAG", "target": "UKR", "kind": "cyber", "from": "2022", "asOf": "2024-03"}]}
    """#
  let d = try JSONDecoder().decode(Dataset.self, from: Data(text.utf8))
  #expect(d.actors.map(\.name) == ["Russia", "WAG"])
  #expect(d.actors.map(\.type) == [.state, .group])
  #expect(d.kinds.first?.label == "cyber")
  #expect(d.observations.first?.time == .ongoing(asOf: PartialDate("2024-03")!, since: PartialDate("2022")))
  #expect(d.observations.first?.confidence == .reported && d.observations.first?.weight == 1)
  #expect(d.sources.isEmpty && d.blocs.isEmpty)
  #expect(d.validate().isEmpty)
}

@Test func codableRefusesWhatTheFormatRefuses() throws {
  func decodingFails(_ text: String, mentioning words: String) {
    do {
      _ = try JSONDecoder().decode(Dataset.self, from: Data(text.utf8))
      Issue.record("accepted: \(text)")
    } catch let error as DecodingError {
      #expect("\(error)".contains(words), "\(error)")
    } catch {
      Issue.record("not a DecodingError: \(error)")
    }
  }
  let head = #"{"format": "coalitiongraph-dataset", "version": 1, "observations": ["#
  decodingFails(head + #"{"source": "RUS", "target": "PRK", "kind": "war", "date": "2024-02-30"}]}"#, mentioning: "no such day")
  decodingFails(head + #"{"source": "RUS", "target": "PRK", "kind": "war", "date": "2024", "to": "2025"}]}"#, mentioning: "\"asOf\"")
  decodingFails(head + #"{"source": "RUS", "target": "PRK", "kind": "war"}]}"#, mentioning: "\"date\"")
  decodingFails(#"{"format": "graphml", "version": 1}"#, mentioning: "coalitiongraph-dataset")
  decodingFails(#"{"format": "coalitiongraph-dataset", "version": 2}"#, mentioning: "version 1")
}

@Test func modelsAreIdentifiableByTheirIDs() {
  let seed = Dataset.seed
  #expect(seed.actors.map(\.id) == seed.actors.map { (a: CoalitionActor) -> CoalitionActor.ID in a.id })
  #expect(Set(seed.sources.map(\.id)).count == seed.sources.count)
  #expect(Kind.builtIn.map(\.id).contains("arms-transfer"))
  #expect(seed.blocs.map(\.id).count == seed.blocs.count)
}

/// Apps show `localizedDescription`; it is the text the command-line tool prints.
@Test func errorsDescribeThemselvesToApps() {
  let error: any Error = DatasetError(file: "x.json", problems: [DatasetProblem(path: "observations[0].date", message: "not a date")])
  #expect(error.localizedDescription == "x.json: observations[0].date: not a date")
}

/// The fingerprint names a dataset's content: equal content, equal fingerprint; an edit changes it.
@Test func fingerprintFollowsTheContent() throws {
  let seed = Dataset.seed
  let again = try Dataset(json: Array(seed.jsonText().utf8))
  #expect(seed.fingerprint == again.fingerprint && seed.fingerprint.count == 16)
  var edited = seed
  edited.observations[0].weight = 2
  #expect(edited.fingerprint != seed.fingerprint)
  let view = try CoalitionNetwork(seed).view(ViewFilter(minimumConfidence: .reported))
  #expect(view.provenance == "Dataset: \(seed.title!) (fingerprint \(seed.fingerprint)) · View: reported only · CoalitionGraph \(CoalitionGraphVersion.current)")
}
