import CoalitionGraph
import Dispatch
import CoalitionMetrics

/// What every part of a coalition report reads: the measures, computed once per report on one
/// engine graph per polarity, and the actors' order in the `actors` table.
struct ReportBasis {
  let view: NetworkView
  let shape: ReportShape
  let pathPolarity: Polarity?
  /// Threads for the all-pairs measures; results do not depend on it.
  let threads: Int
  let n: Int
  /// Actor identifiers and names by local node.
  let names: [String]
  let fullNames: [String]
  let assignment: BlocAssignment
  /// Every tie once per pair, direction ignored.
  let simple: SimpleGraph
  /// The ties the path measures follow (`pathPolarity`), direction ignored.
  let paths: SimpleGraph
  let degree: ActorScores
  let betweenness: [Double]
  let betweennessRaw: [Double]
  let closeness: [Double]
  let pagerank: [Double]
  let participation: [Double]
  let ei: EIIndices
  /// The declared blocs under permutation of the actors' bloc labels; `nil` without blocs.
  let blocTest: BlocPermutationTest?
  let constraint: [Double]
  let brokerage: [BrokerageRoles]
  let signed: SignedGraph
  let frustration: FrustrationResult
  let exchanges: [Exchange]
  /// Louvain communities of `paths` (weighted, seed 1), numbered by their smallest node.
  let communities: CommunityPartition
  /// Out- and in-strength (the volumes of flows).
  let volumeOut: [Double]
  let volumeIn: [Double]
  /// The score the actors are ranked by: volume for flows, else degree + normalised betweenness.
  let rankAll: [Int]
  /// The same rank on reported ties only; `nil` for an actor left without a reported tie.
  let rankReported: [Int?]
  /// The rank on every tie among the actors that keep a reported tie (compared with
  /// `rankReported`, it shows who moves); `nil` for the others.
  let rankAmongReported: [Int?]
  /// Ties of the view on reported ties only.
  let reportedTieCount: Int
  /// Local nodes in the `actors` table's order, and each node's row there.
  let order: [Int]
  let actorRow: [Int]
  /// The ranking under thinned evidence (the actors table's rank intervals).
  private(set) var robustness: RankRobustness

  init(
    view: NetworkView, shape: ReportShape, pathPolarity: Polarity?, threads: Int, frustrationSolver: any FrustrationSolver,
    permutations: Int = 10_000, seed: UInt64 = 1, rankDraws: Int? = nil, keepProbabilities: KeepProbabilities = KeepProbabilities()
  ) throws {
    self.view = view
    self.shape = shape
    self.pathPolarity = pathPolarity
    self.threads = threads
    let n = view.nodeCount
    self.n = n
    names = (0..<n).map { view.actor($0).id }
    fullNames = (0..<n).map { view.actor($0).name }
    assignment = BlocAssignment(view: view)
    simple = view.simpleGraph(directed: false)
    paths = pathPolarity == nil ? simple : view.simpleGraph(directed: false, polarity: pathPolarity)
    degree = view.degree(.total)
    // The frustration index runs on one thread beside the parallel measures below.
    let signed = view.signedGraph()
    self.signed = signed
    let solved = Locked<FrustrationResult?>(nil)
    let frustrationDone = DispatchGroup()
    DispatchQueue.global().async(group: frustrationDone) {
      let result = signed.minimumFrustration(using: frustrationSolver)
      solved.withLock { $0 = result }
    }
    // One all-pairs pass: the normalised values are the raw ones (unordered pairs) over (n−1)(n−2)/2.
    betweennessRaw = paths.betweenness(normalized: false, threads: threads)
    let pairs = n > 2 ? Double(n - 1) * Double(n - 2) / 2 : 1
    betweenness = betweennessRaw.map { $0 / pairs }
    closeness = paths.closeness(threads: threads)
    pagerank = try simple.pagerank()
    participation = view.participationCoefficient()
    ei = view.eiIndex(polarity: pathPolarity)
    blocTest = view.blocPermutationTest(polarity: pathPolarity, permutations: permutations, seed: seed, threads: threads)
    constraint = paths.constraint()
    brokerage = view.brokerage(polarity: pathPolarity)
    exchanges = view.exchanges()
    communities = paths.louvain()
    volumeOut = view.strength(.out).values
    volumeIn = view.strength(.in).values
    frustrationDone.wait()
    frustration = solved.withLock { $0! }

    var reportedFilter = view.filter
    reportedFilter.minimumConfidence = .reported
    let reported = view.graph.derivedView(reportedFilter)
    reportedTieCount = reported.ties.count
    let flows = shape == .flows
    let fullScore: [Double]
    let reportedScore: [Double?]
    // The view's own score from the measures above (the same rule as rankScore(of:…)).
    fullScore = flows ? (0..<n).map { [volumeOut, volumeIn] in volumeOut[$0] + volumeIn[$0] } : (0..<n).map { [betweenness, degree] in betweenness[$0] + degree[$0] }
    // Registers and event data are often reported throughout: then the reported ties are the
    // view's own, and its scores need no second all-pairs pass.
    let onReported =
      reported.nodes == view.nodes && reported.ties == view.ties
      ? (score: fullScore, tied: (0..<n).map { [degree] in degree[$0] > 0 })
      : Self.rankScore(of: reported, flows: flows, pathPolarity: pathPolarity, threads: threads)
    reportedScore = (0..<n).map { v in
      guard let r = reported.node(of: view.nodes[v]), onReported.tied[r] else { return nil }
      return onReported.score[r]
    }
    rankAll = NodeScores(name: "", values: fullScore).ranks
    // Ranks among the actors that keep a reported tie; the others have none.
    let kept = (0..<n).filter { reportedScore[$0] != nil }
    let keptRanks = NodeScores(name: "", values: kept.map { reportedScore[$0]! }).ranks
    let keptFullRanks = NodeScores(name: "", values: kept.map { fullScore[$0] }).ranks
    var rankReported = [Int?](repeating: nil, count: n)
    var rankAmongReported = [Int?](repeating: nil, count: n)
    for (k, v) in kept.enumerated() {
      rankReported[v] = keptRanks[k]
      rankAmongReported[v] = keptFullRanks[k]
    }
    self.rankReported = rankReported
    self.rankAmongReported = rankAmongReported
    let rankAll = self.rankAll
    order = (0..<n).sorted { (rankAll[$0], $0) < (rankAll[$1], $1) }
    var actorRow = [Int](repeating: 0, count: n)
    for (row, v) in order.enumerated() { actorRow[v] = row }
    self.actorRow = actorRow
    robustness = RankRobustness(draws: 0, probabilities: keepProbabilities, low: [], high: [], firstShare: [], withoutSource: [], skipped: nil)
    robustness = rankRobustness(draws: rankDraws, probabilities: keepProbabilities, seed: seed)
  }

  var graph: CoalitionNetwork { view.graph }

  /// The ties the path measures follow, in words.
  var pathTies: String { pathPolarity.map { "\($0.rawValue) ties only" } ?? "all ties" }

  /// "USA (United States)" — an actor by code and, when it differs, by name.
  func named(_ v: Int) -> String { fullNames[v] == names[v] ? names[v] : "\(names[v]) (\(fullNames[v]))" }

  /// Rows of the `actors` table of these nodes.
  func actorRows(_ nodes: [Int]) -> TableRows { TableRows("actors", nodes.map { actorRow[$0] }) }

  /// The bloc of a node, or `nil` when it is in none.
  func bloc(of v: Int) -> Int? { assignment.group[v] < assignment.blocCount ? assignment.group[v] : nil }

  /// Partners of each node on `paths` (the ties the path measures follow).
  func pathDegree(_ v: Int) -> Int { Int(paths.rowStart[v + 1] - paths.rowStart[v]) }

  /// One key for an unordered pair of local node indices.
  static func pairKey(_ a: Int, _ b: Int) -> Int64 { Int64(min(a, b)) << 32 | Int64(max(a, b)) }

  /// Up to 12 names joined, then how many more: findings stay readable on thousands of actors.
  static func listed(_ names: [String], limit: Int = 12) -> String {
    names.count <= limit ? names.joined(separator: ", ") : names.prefix(limit).joined(separator: ", ") + " and \(names.count - limit) more"
  }
}

/// Numbers as findings write them.
enum Words {
  /// A share as a percentage with one decimal: "38.6%" (no decimal for whole percentages).
  static func percent(_ x: Double) -> String { Cell.format((x * 1000).rounded() / 10, digits: 1) + "%" }

  /// An amount with thousands separators and at most one decimal: "24,133" or "0.5".
  static func amount(_ x: Double) -> String {
    let rounded = abs(x) >= 100 ? x.rounded() : (x * 10).rounded() / 10
    var text = Cell.format(abs(rounded), digits: 1)
    let parts = text.split(separator: ".", maxSplits: 1)
    var whole = String(parts[0])
    var grouped = ""
    while whole.count > 3 {
      grouped = "," + whole.suffix(3) + grouped
      whole.removeLast(3)
    }
    text = whole + grouped + (parts.count > 1 ? "." + parts[1] : "")
    return (rounded < 0 ? "−" : "") + text
  }

  /// A signed percentage: "+14.2%" or "−26.4%".
  static func signedPercent(_ x: Double) -> String { (x > 0 ? "+" : x < 0 ? "−" : "") + percent(abs(x)) }

  /// A signed amount: "+240" or "−35".
  static func signed(_ x: Double) -> String { (x > 0 ? "+" : "") + amount(x) }

  /// A p-value with two significant digits ("0.029", "0.31"), or "< 0.001".
  static func p(_ x: Double) -> String {
    guard x >= 0.001 else { return "< 0.001" }
    let decimals = x >= 0.1 ? 2 : x >= 0.01 ? 3 : 4
    return Cell.format(x, digits: decimals)
  }

  /// "1st", "2nd", "3rd", "11th", "22nd".
  static func ordinal(_ k: Int) -> String {
    let suffix = (11...13).contains(k % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][k % 10] ?? "th"
    return "\(k)\(suffix)"
  }

  /// "1 partner" / "3 partners".
  static func count(_ k: Int, _ noun: String, _ plural: String? = nil) -> String {
    "\(amount(Double(k))) \(k == 1 ? noun : plural ?? noun + "s")"
  }
}
