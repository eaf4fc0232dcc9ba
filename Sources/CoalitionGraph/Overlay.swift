/// A dataset laid over another, and what the overlay had to settle on the way.
public struct DatasetOverlay: Sendable {
  /// Both datasets in one: the base's parts first, then what the other adds.
  public var dataset: Dataset
  /// Differences settled in the base's favour, one line each (an actor both declare with other
  /// names, say). Nothing is dropped without a line here.
  public var notes: [String]
}

extension Dataset {
  /// This dataset with `other` laid over it: sources, kinds, actors and blocs that `other` adds, and
  /// all of its observations after this dataset's own. The title and description stay this
  /// dataset's (or become `other`'s when this one has none).
  ///
  /// What both declare must agree: a kind or bloc with the same id but a different definition, or
  /// an observation id used by both, is an error. An actor or source declared by both with
  /// different details keeps this dataset's declaration, and ``DatasetOverlay/notes`` says so.
  /// - Throws: ``DatasetError`` listing every conflict.
  public func overlaid(by other: Dataset) throws -> DatasetOverlay {
    var d = self
    var notes: [String] = []
    var problems: [DatasetProblem] = []
    if d.title == nil { d.title = other.title }
    if d.description == nil { d.description = other.description }
    for s in other.sources {
      if let mine = sources.first(where: { $0.id == s.id }) {
        if mine != s { notes.append("source \"\(s.id)\" is declared by both; the base's declaration is kept") }
      } else {
        d.sources.append(s)
      }
    }
    for k in other.kinds {
      if let mine = allKinds.first(where: { $0.id == k.id }) {
        if (mine.polarity, mine.materiality, mine.directed) != (k.polarity, k.materiality, k.directed) {
          problems.append(DatasetProblem(path: "kinds", message: "kind \"\(k.id)\" is declared by both with different polarity, materiality or direction"))
        }
      } else {
        d.kinds.append(k)
      }
    }
    for a in other.actors {
      if let mine = actors.first(where: { $0.id == a.id }) {
        if mine != a { notes.append("actor \"\(a.id)\" is declared by both; the base's declaration (\(mine.name), \(mine.type.rawValue)) is kept") }
      } else {
        d.actors.append(a)
      }
    }
    for b in other.blocs {
      if let mine = blocs.first(where: { $0.id == b.id }) {
        if Set(mine.members) != Set(b.members) {
          problems.append(DatasetProblem(path: "blocs", message: "bloc \"\(b.id)\" is declared by both with different members"))
        }
      } else {
        d.blocs.append(b)
      }
    }
    let ids = Set(observations.compactMap(\.id))
    for o in other.observations where o.id.map(ids.contains) ?? false {
      problems.append(DatasetProblem(path: "observations", message: "observation id \"\(o.id!)\" is used by both"))
    }
    guard problems.isEmpty else { throw DatasetError(problems: problems) }
    d.observations += other.observations
    return DatasetOverlay(dataset: d, notes: notes)
  }
}
