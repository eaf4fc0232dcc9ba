import CoalitionGraph
import CoalitionInterchange
import CoalitionMetrics
import Foundation
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
private func qapFixture(_ path: String) -> String { root.appendingPathComponent("Tests/Fixtures/" + path).path }

/// sna's results on the real case (scripts/reference/qap_reference.R).
private func snaReference() -> [String: Any] {
  let data = try! Data(contentsOf: URL(fileURLWithPath: qapFixture("reference/qap.json")))
  return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
}

private func coefficients(_ key: String) -> [[String: Any]] { (snaReference()[key] as! [String: Any])["coefficients"] as! [[String: Any]] }

/// The three relations of the real case, as `coalition qap` reads them.
private struct RealCase {
  let votes = try! RelationTable.read(path: qapFixture("reference/qap/votes-coincidence.csv"), mode: .graph)
  let contiguity = try! RelationTable.read(path: qapFixture("data/cow_contdir_2016.csv"), column: "land", codes: .cow, year: 2016, mode: .graph)
  let alliances = try! CoalitionNetwork(try! ATOP.read(path: qapFixture("data/atop5_1_undirected_2018.csv")).dataset).view()
}

/// Within Monte Carlo error: a 99.9 % binomial band for two estimates of one p from `a` and `b`
/// permutations.
private func close(_ p: Double, _ q: Double, _ a: Int, _ b: Int) -> Bool {
  let m = (p + q) / 2
  return abs(p - q) <= 3.29 * (m * (1 - m) * (1 / Double(a) + 1 / Double(b))).squareRoot() + 1 / Double(min(a, b))
}

/// MR-QAP, linear: UN vote coincidence 2015–2019 on alliances in 2018 and land contiguity over the
/// 193 states with votes. Estimates and t-values as sna's netlm to 1e-10; p-values (Dekker's
/// semi-partialling and permuting the dependent) within Monte Carlo error; the same result on
/// one thread and on two.
@Test func linearQAPAgreesWithSnaNetlm() throws {
  let c = RealCase()
  let actors = c.votes.actors
  #expect(actors.count == 193)
  let y = c.votes.matrix(over: actors, mode: .graph)
  let x = [c.alliances.dyadMatrix(name: "alliance", over: actors, mode: .graph, missing: 0), c.contiguity.matrix(over: actors, mode: .graph, missing: 0)]
  let reps = 100
  let result = try QAP.regression(dependent: y, covariates: x, options: QAPOptions(mode: .graph, reps: reps, seed: 3, threads: 2))
  let linear = snaReference()["linear"] as! [String: Any]
  #expect(result.n == linear["n"] as! Int && result.actors == 193)
  #expect(abs(try #require(result.rSquared) - (linear["r_squared"] as! Double)) < 1e-10)
  let expected = coefficients("linear")
  #expect(result.coefficients.count == expected.count)
  for (ours, theirs) in zip(result.coefficients, expected) {
    let (estimate, t) = (theirs["estimate"] as! Double, theirs["statistic"] as! Double)
    #expect(abs(ours.estimate - estimate) <= 1e-10 * max(1, abs(estimate)), "\(ours.name): \(ours.estimate) vs sna \(estimate)")
    #expect(abs(ours.statistic - t) <= 1e-8 * max(1, abs(t)), "\(ours.name): t \(ours.statistic) vs sna \(t)")
    let snaReps = linear["reps"] as! Int
    for (a, b) in [(ours.pGreater, theirs["p_greater"] as! Double), (ours.pLess, theirs["p_less"] as! Double), (ours.pTwoSided, theirs["p_two_sided"] as! Double)] {
      #expect(close(a, b, reps, snaReps), "\(ours.name): p \(a) vs sna \(b)")
    }
  }
  #expect(try QAP.regression(dependent: y, covariates: x, options: QAPOptions(mode: .graph, reps: reps, seed: 3, threads: 1)) == result)
  // Permuting the dependent (sna's qapy).
  let permutedY = try QAP.regression(dependent: y, covariates: x, options: QAPOptions(method: .y, mode: .graph, reps: reps, seed: 3, threads: 2))
  for (ours, theirs) in zip(permutedY.coefficients, coefficients("linear_y")) {
    #expect(abs(ours.estimate - (theirs["estimate"] as! Double)) <= 1e-10 * max(1, abs(ours.estimate)))
    #expect(close(ours.pTwoSided, theirs["p_two_sided"] as! Double, reps, 1000), "\(ours.name)")
    #expect(abs(ours.permutationMean - (theirs["permutation_mean"] as! Double)) <= 5 * (theirs["permutation_sd"] as! Double) / Double(reps).squareRoot() + 1e-9)
  }
}

/// Logistic MR-QAP: alliances in 2018 on vote coincidence and land contiguity over the states in
/// all three sources. Estimates, z-values, deviance and AIC as sna's netlogit (1e-8).
@Test func logisticQAPAgreesWithSnaNetlogit() throws {
  let c = RealCase()
  let allied = Set((0..<c.alliances.nodeCount).map { c.alliances.actor($0).id })
  let actors = c.votes.actors.filter { allied.contains($0) && Set(c.contiguity.actors).contains($0) }
  let logistic = snaReference()["logistic"] as! [String: Any]
  #expect(actors.count == logistic["actors"] as! Int)
  let y = c.alliances.dyadMatrix(name: "alliance", over: actors, mode: .graph)
  let x = [c.votes.matrix(over: actors, mode: .graph, missing: 0), c.contiguity.matrix(over: actors, mode: .graph, missing: 0)]
  let result = try QAP.regression(dependent: y, covariates: x, options: QAPOptions(model: .logistic, mode: .graph, reps: 8, threads: 2))
  for (field, ours) in [("deviance", try #require(result.deviance)), ("aic", try #require(result.aic))] {
    let theirs = logistic[field] as! Double
    #expect(abs(ours - theirs) <= 1e-8 * abs(theirs), "\(field): \(ours) vs sna \(theirs)")
  }
  // sna's null deviance is that of p = ½ for every pair; ours that of the intercept alone.
  let n = Double(result.n)
  #expect(abs((logistic["null_deviance"] as! Double) - 2 * n * log(2)) < 1e-6)
  let share = y.values.enumerated().filter { $0.offset / actors.count > $0.offset % actors.count }.map(\.element).reduce(0, +) / n
  #expect(abs(try #require(result.nullDeviance) + 2 * n * (share * log(share) + (1 - share) * log(1 - share))) < 1e-6)
  for (ours, theirs) in zip(result.coefficients, coefficients("logistic")) {
    let (estimate, z) = (theirs["estimate"] as! Double, theirs["statistic"] as! Double)
    #expect(abs(ours.estimate - estimate) <= 1e-8 * max(1, abs(estimate)), "\(ours.name): \(ours.estimate) vs sna \(estimate)")
    // R stops at its deviance criterion, with weights one step behind: z agrees to 1e-4.
    #expect(abs(ours.statistic - z) <= 1e-4 * max(1, abs(z)), "\(ours.name): z \(ours.statistic) vs sna \(z)")
    // Every z here lies far outside its permutation distribution, in sna's and in ours.
    #expect(ours.pTwoSided == (theirs["p_two_sided"] as! Double))
  }
}

/// QAP correlation: sna's gcor and its qaptest p-values.
@Test func qapCorrelationAgreesWithSnaGcor() throws {
  let c = RealCase()
  let actors = c.votes.actors
  let y = c.votes.matrix(over: actors, mode: .graph)
  let x = c.alliances.dyadMatrix(name: "alliance", over: actors, mode: .graph, missing: 0)
  let reps = 400
  let result = try QAP.regression(dependent: y, covariates: [x], options: QAPOptions(model: .correlation, mode: .graph, reps: reps))
  let correlation = snaReference()["correlation"] as! [String: Any]
  let r = try #require(result.coefficients.first)
  #expect(abs(r.estimate - (correlation["estimate"] as! Double)) < 1e-12)
  #expect(close(r.pGreater, correlation["p_greater"] as! Double, reps, 1000) && close(r.pLess, correlation["p_less"] as! Double, reps, 1000))
  #expect(abs(r.permutationMean - (correlation["permutation_mean"] as! Double)) <= 5 * (correlation["permutation_sd"] as! Double) / Double(reps).squareRoot())
}

/// Bad relations are refused with the file, the line and the reason; a QAP that cannot be
/// computed says why.
@Test func badRelationsAreRefusedByLine() throws {
  func fails(_ text: String, mode: QAPMode = .digraph, _ message: String) {
    do {
      _ = try RelationTable.read(bytes: Array(text.utf8), name: "r.csv", mode: mode)
      Issue.record("accepted: \(text)")
    } catch { #expect("\(error)".contains(message), "\(error)") }
  }
  fails("a,b,value\nRUS,CHN,1\nRUS,CHN,2\n", "r.csv:3: RUS – CHN is listed twice (first on line 2)")
  fails("a,b,value\nRUS,RUS,1\n", "r.csv:2: a pair of RUS with itself")
  fails("a,b,value\nRUS,CHN,high\n", "r.csv:2: value \"high\" is not a number")
  fails("a,b,value\nRUS,CHN,1\nCHN,RUS,2\n", mode: .graph, "r.csv:3: CHN – RUS is 2 here and 1.0 the other way round on line 2")
  fails("a,b\nRUS,CHN\n", "r.csv:1: 2 columns")
  #expect(try RelationTable.read(bytes: Array("a,b,value\nRUS,CHN,1\nCHN,RUS,1\n".utf8), mode: .graph).entries.count == 1)
  // QAP itself.
  let actors = ["A", "B", "C", "D"]
  let y = DyadMatrix(name: "y", actors: actors, values: (0..<16).map { Double($0 % 3) })
  let constant = DyadMatrix(name: "flat", actors: actors, values: Array(repeating: 2, count: 16))
  let x = DyadMatrix(name: "x", actors: actors, values: (0..<16).map { Double($0 % 5) })
  let twice = DyadMatrix(name: "twice", actors: actors, values: x.values.map { 2 * $0 })
  let cases: [(covariates: [DyadMatrix], options: QAPOptions, message: String)] = [
    ([constant], QAPOptions(), "flat is constant"), ([x, twice], QAPOptions(), "collinear"), ([x], QAPOptions(reps: 0), "at least one permutation"),
    ([x], QAPOptions(model: .logistic), "needs 0/1 values"),
  ]
  for (covariates, options, message) in cases {
    #expect(throws: QAPError.self) { try QAP.regression(dependent: y, covariates: covariates, options: options) }
    do { _ = try QAP.regression(dependent: y, covariates: covariates, options: options) } catch { #expect("\(error)".contains(message), "\(error)") }
  }
  // Perfect separation: the covariate splits the 0s from the 1s.
  let split = DyadMatrix(name: "split", actors: actors, values: (0..<16).map { Double($0 % 2) })
  let cut = DyadMatrix(name: "cut", actors: actors, values: (0..<16).map { (k: Int) -> Double in
    let shift = Double(k) / 100
    return k % 2 == 0 ? shift - 1 : shift + 1
  })
  do {
    _ = try QAP.regression(dependent: split, covariates: [cut], options: QAPOptions(model: .logistic))
    Issue.record("separation accepted")
  } catch { #expect("\(error)".contains("separates"), "\(error)") }
}
