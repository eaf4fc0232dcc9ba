import Foundation
import CoalitionGraph
import CoalitionMetrics

/// What fills each node of a map (and on a geographic map its country), and the legend of it.
struct NodeFills {
  /// The fill of each node, by local node index.
  var colors: [String]
  /// The first declared bloc that lists each node (clusters follow it whatever the fill).
  var blocOfNode: [Int?]
  /// The measure's name when nodes are filled by a measure.
  var measureName: String?
  /// The measure's value per node, when filled by a measure.
  var values: [Double?]
  /// One legend entry per colour in use, in order.
  var legend: [FillEntry]
}

/// A colour of a map's fill and what it stands for.
struct FillEntry: Hashable {
  var color: String
  var text: String
}

/// A sequential scale of five classes split at the quintiles of a measure.
struct QuintileScale {
  /// Light to dark blue, five steps (ColorBrewer's "Blues", Cynthia Brewer, Penn State).
  static let ramp = ["#EFF3FF", "#BDD7E7", "#6BAED6", "#3182BD", "#08519C"]

  /// The upper bound of each class, ascending and distinct (fewer than five when values repeat).
  let uppers: [Double]
  /// The lowest value.
  let lowest: Double

  /// The scale of `values` (finite ones only); `nil` when there is none.
  init?(_ values: [Double]) {
    let sorted = values.filter(\.isFinite).sorted()
    guard let first = sorted.first, let last = sorted.last else { return nil }
    var uppers: [Double] = []
    for q in [0.2, 0.4, 0.6, 0.8] {
      let x = sorted[min(sorted.count - 1, Int((q * Double(sorted.count)).rounded(.up)) - 1)]
      if x < last, uppers.last.map({ x > $0 }) ?? true { uppers.append(x) }
    }
    uppers.append(last)
    self.uppers = uppers
    self.lowest = first
  }

  /// The class of a value: the first whose upper bound it does not pass.
  func classOf(_ x: Double) -> Int { uppers.firstIndex { x <= $0 } ?? uppers.count - 1 }

  /// The colour of a class: spread over the ramp when there are fewer than five.
  func color(ofClass k: Int) -> String {
    let n = uppers.count
    return Self.ramp[n == 1 ? Self.ramp.count - 1 : Int((Double(k) * Double(Self.ramp.count - 1) / Double(n - 1)).rounded())]
  }

  /// The range of a class as text: "0.12 – 0.3".
  func label(ofClass k: Int) -> String {
    let low = k == 0 ? lowest : uppers[k - 1]
    let high = uppers[k]
    return low == high ? Self.figure(high) : (k == 0 ? "" : "above ") + Self.figure(low) + " – " + Self.figure(high)
  }

  /// A value with three significant digits, without trailing zeros.
  static func figure(_ x: Double) -> String {
    if x == 0 { return "0" }
    let magnitude = Int((log10(abs(x))).rounded(.down))
    let decimals = max(0, 2 - magnitude)
    let factor = pow(10, Double(decimals))
    return DOTWriter.number((x * factor).rounded() / factor)
  }
}

extension CoalitionMap {
  /// The colour of every node: by a measure when ``fillScores`` is set, else by bloc or
  /// community (``nodeFill``), with the legend entries that explain them.
  func nodeFills() throws -> NodeFills {
    let g = view.graph
    var blocOfNode = [Int?](repeating: nil, count: view.nodeCount)
    for (b, entry) in g.blocs.enumerated() {
      for a in entry.members {
        if let v = view.node(of: a), blocOfNode[v] == nil { blocOfNode[v] = b }
      }
    }
    let unaffiliated = FillEntry(color: style.unaffiliatedFill, text: "in no declared bloc")
    if let fillScores {
      let values = try fillScores.values(for: view)
      let finite = values.map { $0.isFinite ? $0 : nil }
      guard let scale = QuintileScale(values) else {
        return NodeFills(
          colors: Array(repeating: style.unaffiliatedFill, count: view.nodeCount), blocOfNode: blocOfNode, measureName: fillScores.name,
          values: finite, legend: [])
      }
      let colors = values.map { $0.isFinite ? scale.color(ofClass: scale.classOf($0)) : style.unaffiliatedFill }
      var legend = scale.uppers.indices.map { FillEntry(color: scale.color(ofClass: $0), text: "\(fillScores.name) \(scale.label(ofClass: $0))") }
      if values.contains(where: { !$0.isFinite }) { legend.append(FillEntry(color: style.unaffiliatedFill, text: "\(fillScores.name) undefined")) }
      return NodeFills(
        colors: colors, blocOfNode: blocOfNode, measureName: fillScores.name, values: finite, legend: legend)
    }
    let none = [Double?](repeating: nil, count: view.nodeCount)
    switch nodeFill {
    case .community:
      let partition = view.simpleGraph(directed: false).louvain().partition
      let colors = partition.map { MapStyle.communityPalette[$0 % MapStyle.communityPalette.count] }
      // Each community named by its three members of highest degree.
      let degree = try view.degree(.total).values(for: view)
      let count = (partition.max() ?? -1) + 1
      var legend: [FillEntry] = []
      for c in 0..<count {
        let members = (0..<view.nodeCount).filter { partition[$0] == c }.sorted { (-degree[$0], view.actor($0).id) < (-degree[$1], view.actor($1).id) }
        guard !members.isEmpty else { continue }
        let named = members.prefix(3).map { view.actor($0).id }.joined(separator: ", ")
        let more = members.count > 3 ? " and \(members.count - 3) more" : ""
        legend.append(FillEntry(color: MapStyle.communityPalette[c % MapStyle.communityPalette.count], text: "community \(c + 1): \(named)\(more)"))
      }
      let shown = MapStyle.communityPalette.count
      if legend.count > shown {
        let rest = legend.count - shown
        legend = Array(legend.prefix(shown)) + [FillEntry(color: "#FFFFFF", text: "\(rest) more communities, their colours repeated")]
      }
      return NodeFills(colors: colors, blocOfNode: blocOfNode, measureName: nil, values: none, legend: legend)
    case .bloc:
      let colors = blocOfNode.map { $0.map { style.blocFill($0, in: g) } ?? style.unaffiliatedFill }
      var legend = g.blocs.indices.filter { b in blocOfNode.contains(b) }.map { FillEntry(color: style.blocFill($0, in: g), text: g.blocs[$0].bloc.name) }
      if blocOfNode.contains(where: { $0 == nil }) && !legend.isEmpty { legend.append(unaffiliated) }
      return NodeFills(colors: colors, blocOfNode: blocOfNode, measureName: nil, values: none, legend: legend)
    }
  }
}
