/// Finds the closest known spelling for a mistyped identifier, for "did you mean" hints.
package enum Suggestion {
  /// The candidate nearest to `word` by edit distance (case-insensitive), if it is close enough
  /// to be a plausible typo: at most one edit for short words, two for longer ones.
  package static func nearest<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
    let w = Array(word.lowercased().unicodeScalars)
    let limit = w.count <= 4 ? 1 : 2
    // Among equally near candidates, one with the same letters (a swap, "RSU" → "RUS") beats a
    // changed letter ("RSU" → "REU"), then alphabetical order decides.
    let letters = w.map(\.value).sorted()
    var best: (distance: Int, changed: Bool, candidate: String)?
    for candidate in candidates {
      let c = Array(candidate.lowercased().unicodeScalars)
      if abs(c.count - w.count) > limit { continue }
      let d = distance(w, c)
      let changed = c.map(\.value).sorted() != letters
      if d <= limit, best == nil || (d, changed ? 1 : 0, candidate) < (best!.distance, best!.changed ? 1 : 0, best!.candidate) {
        best = (d, changed, candidate)
      }
    }
    return best?.candidate
  }

  /// Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps.
  static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var v = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, previous2[j - 2] + 1) }
        current[j] = v
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }

  /// A " (did you mean "X"?)" suffix, or an empty string.
  package static func hint<S: Sequence>(for word: String, in candidates: S) -> String where S.Element == String {
    nearest(to: word, in: candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
  }
}
