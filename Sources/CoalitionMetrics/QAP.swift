import CoalitionGraph
import Foundation

/// A relation among actors: one value per ordered pair, as an n × n matrix (the diagonal is
/// never used). The dependent relation and the covariates of a QAP regression
/// (``QAP/regression(dependent:covariates:options:)``) are such matrices over the same actors.
public struct DyadMatrix: Hashable, Sendable {
  /// The relation's name, as results show it.
  public var name: String
  /// The actors, in the order of the rows and columns.
  public var actors: [String]
  /// Row-major values: `values[i * n + j]` for the pair (i, j).
  public var values: [Double]

  /// A relation named `name` over `actors`, row-major `values` (n × n).
  public init(name: String, actors: [String], values: [Double]) {
    precondition(values.count == actors.count * actors.count, "n × n values")
    self.name = name
    self.actors = actors
    self.values = values
  }

  /// The value for the pair (i, j).
  public subscript(i: Int, j: Int) -> Double { values[i * actors.count + j] }
}

/// The model of a QAP regression.
public enum QAPModel: String, CaseIterable, Sendable, Hashable {
  /// Ordinary least squares, as sna's `netlm`; t-values are tested.
  case linear
  /// Logistic regression of a 0/1 relation (maximum likelihood), as sna's `netlogit`; z-values
  /// are tested.
  case logistic
  /// The correlation of two relations (one covariate), as sna's `qaptest` of `gcor`.
  case correlation
}

/// What a QAP regression permutes.
public enum QAPMethod: String, CaseIterable, Sendable, Hashable {
  /// Dekker, Krackhardt and Snijders's (2007) double semi-partialling, as sna's `qapspp`: for each
  /// coefficient, the residuals of its covariate on the others are permuted. Robust to
  /// correlated covariates; the default.
  case spp
  /// The dependent relation is permuted (sna's `qapy`).
  case y
}

/// Whether a pair is ordered.
public enum QAPMode: String, CaseIterable, Sendable, Hashable {
  /// Directed: every ordered pair (i, j), i ≠ j, is an observation.
  case digraph
  /// Undirected: each unordered pair once, the value of (i, j) with i below j in the actors' order
  /// (sna's lower triangle).
  case graph
}

/// How a QAP regression runs.
public struct QAPOptions: Hashable, Sendable {
  /// Linear, logistic, or a correlation.
  public var model: QAPModel = .linear
  /// Double semi-partialling or permuting the dependent.
  public var method: QAPMethod = .spp
  /// Directed or undirected pairs.
  public var mode: QAPMode = .digraph
  /// Permutations per coefficient.
  public var reps: Int = 1000
  /// The seed of the permutations: the same seed gives the same p-values on any thread count.
  public var seed: UInt64 = 1
  /// Threads for the permutations; results do not depend on it.
  public var threads: Int = 1

  /// The defaults: linear, double semi-partialling, directed, 1,000 permutations, seed 1.
  public init(
    model: QAPModel = .linear, method: QAPMethod = .spp, mode: QAPMode = .digraph, reps: Int = 1000, seed: UInt64 = 1, threads: Int = 1
  ) {
    self.model = model
    self.method = method
    self.mode = mode
    self.reps = reps
    self.seed = seed
    self.threads = threads
  }
}

/// One coefficient of a QAP regression (or the correlation).
public struct QAPCoefficient: Hashable, Sendable {
  /// `(intercept)` or the covariate's name.
  public var name: String
  /// The estimate (the correlation itself for ``QAPModel/correlation``).
  public var estimate: Double
  /// The standard error (linear: OLS; logistic: from the information matrix); `nil` for a
  /// correlation.
  public var standardError: Double?
  /// The statistic tested: the t-value (linear), the z-value (logistic) or the correlation.
  public var statistic: Double
  /// The share of permutations whose statistic is at least the observed one.
  public var pGreater: Double
  /// The share of permutations whose statistic is at most the observed one.
  public var pLess: Double
  /// The share of permutations whose statistic is at least as far from 0 as the observed one.
  public var pTwoSided: Double
  /// The mean of the statistic over the permutations.
  public var permutationMean: Double
  /// Its standard deviation (population form).
  public var permutationSD: Double
}

/// The result of a QAP regression.
public struct QAPResult: Hashable, Sendable {
  /// The model fitted.
  public var model: QAPModel
  /// The permutation method.
  public var method: QAPMethod
  /// Directed or undirected pairs.
  public var mode: QAPMode
  /// Per coefficient: the intercept first (regressions), then each covariate.
  public var coefficients: [QAPCoefficient]
  /// Observations: the pairs.
  public var n: Int
  /// Actors.
  public var actors: Int
  /// Permutations per coefficient.
  public var reps: Int
  /// The seed of the permutations.
  public var seed: UInt64
  /// Linear: R²; `nil` otherwise.
  public var rSquared: Double?
  /// Linear: R² adjusted for the number of coefficients; `nil` otherwise.
  public var adjustedRSquared: Double?
  /// Logistic: the residual deviance (−2 log-likelihood); `nil` otherwise.
  public var deviance: Double?
  /// Logistic: the deviance of the intercept-only model; `nil` otherwise. (sna's `netlogit`
  /// reports as null deviance that of p = ½ for every pair, since it fits the intercept as one
  /// more column.)
  public var nullDeviance: Double?
  /// Logistic: Akaike's information criterion, deviance + 2 × coefficients; `nil` otherwise.
  public var aic: Double?
}

/// Why a QAP regression cannot be computed.
public struct QAPError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong, naming the relation.
  public var message: String
  public var description: String { message }
}

/// Quadratic assignment procedure regressions (Krackhardt 1988; Dekker, Krackhardt and Snijders
/// 2007): how a dyadic relation depends on others, tested by permuting actors, since the pairs of
/// a network are not independent observations.
///
/// Conventions follow sna (`netlm`, `netlogit`, `qaptest` with `gcor`): the diagonal is left
/// out; an intercept is fitted; the tested statistic is the t-value (linear), z-value
/// (logistic) or the correlation; p-values are the shares of permutations at least (at most, at
/// least as far from 0 as) the observed value, with no correction. The permutations themselves are
/// drawn here (SplitMix64 from the seed, one generator per permutation), so p-values agree with
/// sna's within Monte Carlo error, and estimates exactly.
public enum QAP {
  /// Fits `dependent` on `covariates` (same actors, same order) and tests each coefficient by
  /// permutation.
  /// - Throws: ``QAPError`` for relations over different actors, fewer than three actors, a
  ///   missing value, no covariate (or more than one for a correlation), a constant or collinear
  ///   covariate, a dependent that is not 0/1 for the logistic model, perfect separation, or
  ///   fewer than one permutation.
  public static func regression(dependent: DyadMatrix, covariates: [DyadMatrix], options: QAPOptions = QAPOptions()) throws -> QAPResult {
    let n = dependent.actors.count
    guard options.reps >= 1 else { throw QAPError(message: "--reps \(options.reps): at least one permutation is needed") }
    guard n >= 3 else { throw QAPError(message: "\(dependent.name): \(n) actors; a QAP regression needs at least 3") }
    guard !covariates.isEmpty else { throw QAPError(message: "no covariate given") }
    if options.model == .correlation, covariates.count != 1 {
      throw QAPError(message: "a correlation takes one covariate, not \(covariates.count); use --model linear for several")
    }
    for c in covariates where c.actors != dependent.actors {
      throw QAPError(message: "\(c.name) is over other actors than \(dependent.name)")
    }
    let pairs = Pairs(n: n, mode: options.mode)
    let y = pairs.vector(dependent)
    let xs = covariates.map { pairs.vector($0) }
    for (relation, v) in zip([dependent] + covariates, [y] + xs) {
      if let bad = v.firstIndex(where: { !$0.isFinite }) {
        let (i, j) = pairs.pair(bad)
        throw QAPError(message: "\(relation.name): no finite value for \(relation.actors[i]) → \(relation.actors[j])")
      }
    }
    for (c, x) in zip(covariates, xs) where x.allSatisfy({ $0 == x[0] }) {
      throw QAPError(message: "\(c.name) is constant (\(x[0])) over every pair: it cannot be told from the intercept")
    }
    if options.model == .correlation {
      return try correlation(dependent: dependent, covariate: covariates[0], pairs: pairs, y: y, x: xs[0], options: options)
    }
    if options.model == .logistic, let odd = y.first(where: { $0 != 0 && $0 != 1 }) {
      throw QAPError(message: "\(dependent.name): the logistic model needs 0/1 values, not \(odd)")
    }
    let names = ["(intercept)"] + covariates.map(\.name)
    let columns = [[Double](repeating: 1, count: y.count)] + xs
    let fit = try Fit(columns: columns, y: y, model: options.model, names: names)
    let p = columns.count
    // The permutation distribution of each coefficient's statistic.
    var distributions: [[Double]] = []
    switch options.method {
    case .spp:
      for i in 0..<p {
        let others = (0..<p).filter { $0 != i }.map { columns[$0] }
        // One basis of the other columns gives this covariate's residuals and, per permutation,
        // the parts of y and of the permuted residuals orthogonal to them.
        let basis = try Orthonormal(others, names: (0..<p).filter { $0 != i }.map { names[$0] })
        let matrix = pairs.matrix(basis.residual(columns[i]))
        let yResidual = options.model == .linear ? basis.residual(y) : []
        let start = options.model == .logistic ? try Fit(columns: others, y: y, model: .logistic, names: []).coefficients + [0] : []
        let rows = SourceChunks.rows(count: options.reps, width: 1, threads: options.threads) { range, out in
          var order = Array(0..<n)
          for (row, rep) in range.enumerated() {
            shuffle(&order, seed: options.seed, stream: UInt64(i), index: UInt64(rep))
            let e = pairs.permuted(matrix, order)
            switch options.model {
            case .linear: out[row] = [Fit.lastTValue(e: basis.residual(e), y: yResidual, observations: y.count, parameters: p)]
            default: out[row] = [(try? Fit(columns: others + [e], y: y, model: .logistic, names: [], start: start).statistics.last!) ?? .nan]
            }
          }
        }
        distributions.append(rows.map { $0[0] })
      }
    case .y:
      let matrix = pairs.matrix(y)
      let rows = SourceChunks.rows(count: options.reps, width: p, threads: options.threads) { range, out in
        var order = Array(0..<n)
        for (row, rep) in range.enumerated() {
          shuffle(&order, seed: options.seed, stream: 0, index: UInt64(rep))
          let permuted = pairs.permuted(matrix, order)
          out[row] = (try? Fit(columns: columns, y: permuted, model: options.model, names: [], start: fit.coefficients).statistics)
            ?? [Double](repeating: .nan, count: p)
        }
      }
      distributions = (0..<p).map { k in rows.map { $0[k] } }
    }
    let coefficients = (0..<p).map { k in
      summarise(name: names[k], estimate: fit.coefficients[k], standardError: fit.standardErrors[k], statistic: fit.statistics[k], distributions[k])
    }
    return QAPResult(
      model: options.model, method: options.method, mode: options.mode, coefficients: coefficients, n: y.count, actors: n, reps: options.reps,
      seed: options.seed, rSquared: options.model == .linear ? fit.rSquared : nil, adjustedRSquared: options.model == .linear ? fit.adjustedRSquared : nil,
      deviance: options.model == .logistic ? fit.deviance : nil, nullDeviance: options.model == .logistic ? fit.nullDeviance : nil,
      aic: options.model == .logistic ? fit.aic : nil)
  }

  /// QAP correlation: Pearson's r of the two relations' pairs, tested by permuting the dependent.
  static func correlation(dependent: DyadMatrix, covariate: DyadMatrix, pairs: Pairs, y: [Double], x: [Double], options: QAPOptions) throws -> QAPResult {
    guard !y.allSatisfy({ $0 == y[0] }) else { throw QAPError(message: "\(dependent.name) is constant over every pair: no correlation") }
    let r = pearson(y, x)
    let matrix = pairs.matrix(y)
    let n = dependent.actors.count
    let rows = SourceChunks.rows(count: options.reps, width: 1, threads: options.threads) { range, out in
      var order = Array(0..<n)
      for (row, rep) in range.enumerated() {
        shuffle(&order, seed: options.seed, stream: 0, index: UInt64(rep))
        out[row] = [pearson(pairs.permuted(matrix, order), x)]
      }
    }
    let coefficient = summarise(name: covariate.name, estimate: r, standardError: nil, statistic: r, rows.map { $0[0] })
    return QAPResult(
      model: .correlation, method: .y, mode: options.mode, coefficients: [coefficient], n: y.count, actors: n, reps: options.reps,
      seed: options.seed, rSquared: nil, adjustedRSquared: nil, deviance: nil, nullDeviance: nil, aic: nil)
  }

  static func summarise(name: String, estimate: Double, standardError: Double?, statistic t: Double, _ dist: [Double]) -> QAPCoefficient {
    let finite = dist.filter(\.isFinite)
    let count = Double(max(1, finite.count))
    let mean = finite.reduce(0, +) / count
    let sd = max(0, finite.reduce(0) { $0 + $1 * $1 } / count - mean * mean).squareRoot()
    return QAPCoefficient(
      name: name, estimate: estimate, standardError: standardError, statistic: t,
      pGreater: Double(finite.filter { $0 >= t }.count) / count, pLess: Double(finite.filter { $0 <= t }.count) / count,
      pTwoSided: Double(finite.filter { abs($0) >= abs(t) }.count) / count, permutationMean: mean, permutationSD: sd)
  }

  /// Permutation `index` of stream `stream`, from `seed`: a generator of its own, so that any
  /// permutation can be drawn by any thread.
  static func shuffle(_ order: inout [Int], seed: UInt64, stream: UInt64, index: UInt64) {
    for k in order.indices { order[k] = k }
    var rng = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03) ^ (index &* 0x9E37_79B9_7F4A_7C15))
    order.shuffle(using: &rng)
  }

  static func pearson(_ a: [Double], _ b: [Double]) -> Double {
    let n = Double(a.count)
    let (ma, mb) = (a.reduce(0, +) / n, b.reduce(0, +) / n)
    var (sab, saa, sbb) = (0.0, 0.0, 0.0)
    for k in a.indices {
      let (da, db) = (a[k] - ma, b[k] - mb)
      sab += da * db
      saa += da * da
      sbb += db * db
    }
    return saa > 0 && sbb > 0 ? sab / (saa * sbb).squareRoot() : .nan
  }
}

/// The pairs a regression observes, in sna's order: column by column over the off-diagonal cells
/// (digraph), or over the lower triangle (graph).
struct Pairs: Sendable {
  let n: Int
  let mode: QAPMode
  /// Row and column of each observation.
  let rows: [Int32]
  let columns: [Int32]

  init(n: Int, mode: QAPMode) {
    self.n = n
    self.mode = mode
    var rows: [Int32] = [], columns: [Int32] = []
    for j in 0..<n {
      for i in 0..<n where i != j && (mode == .digraph || i > j) {
        rows.append(Int32(i))
        columns.append(Int32(j))
      }
    }
    self.rows = rows
    self.columns = columns
  }

  func pair(_ k: Int) -> (Int, Int) { (Int(rows[k]), Int(columns[k])) }

  /// A relation's values at the observed pairs.
  func vector(_ m: DyadMatrix) -> [Double] { rows.indices.map { m.values[Int(rows[$0]) * n + Int(columns[$0])] } }

  /// Values at the observed pairs as a full matrix (symmetric in graph mode), for permuting.
  func matrix(_ v: [Double]) -> [Double] {
    var m = [Double](repeating: 0, count: n * n)
    for k in v.indices {
      let (i, j) = (Int(rows[k]), Int(columns[k]))
      m[i * n + j] = v[k]
      if mode == .graph { m[j * n + i] = v[k] }
    }
    return m
  }

  /// The matrix with its rows and columns permuted (row i of the result is row order[i]),
  /// read at the observed pairs.
  func permuted(_ m: [Double], _ order: [Int]) -> [Double] {
    [Double](unsafeUninitializedCapacity: rows.count) { out, count in
      m.withUnsafeBufferPointer { m in
        order.withUnsafeBufferPointer { order in
          rows.withUnsafeBufferPointer { rows in
            columns.withUnsafeBufferPointer { columns in
              for k in 0..<rows.count { out[k] = m[order[Int(rows[k])] * n + order[Int(columns[k])]] }
            }
          }
        }
      }
      count = rows.count
    }
  }
}

/// An orthonormal basis of some columns (modified Gram–Schmidt, twice), for residuals.
struct Orthonormal: Sendable {
  let basis: [[Double]]

  init(_ columns: [[Double]], names: [String]) throws {
    var basis: [[Double]] = []
    for (c, column) in columns.enumerated() {
      var v = column
      let norm0 = (v.reduce(0) { $0 + $1 * $1 }).squareRoot()
      for _ in 0..<2 {
        for q in basis {
          let d = zip(q, v).reduce(0) { $0 + $1.0 * $1.1 }
          for k in v.indices { v[k] -= d * q[k] }
        }
      }
      let norm = (v.reduce(0) { $0 + $1 * $1 }).squareRoot()
      guard norm > 1e-9 * max(1, norm0) else {
        let name = c < names.count ? names[c] : "a covariate"
        throw QAPError(message: "\(name) is a linear combination of the other covariates (collinear)")
      }
      basis.append(v.map { $0 / norm })
    }
    self.basis = basis
  }

  /// `v` less its projection on the basis.
  func residual(_ v: [Double]) -> [Double] {
    var r = v
    r.withUnsafeMutableBufferPointer { r in
      for _ in 0..<2 {
        for q in basis {
          q.withUnsafeBufferPointer { q in
            var d = 0.0
            for k in 0..<r.count { d += q[k] * r[k] }
            for k in 0..<r.count { r[k] -= d * q[k] }
          }
        }
      }
    }
    return r
  }
}

/// A fitted regression: coefficients, standard errors, statistics and fit measures.
struct Fit {
  var coefficients: [Double] = []
  var standardErrors: [Double] = []
  var statistics: [Double] = []
  var rSquared = Double.nan
  var adjustedRSquared = Double.nan
  var deviance = Double.nan
  var nullDeviance = Double.nan
  var aic = Double.nan

  init(columns: [[Double]], y: [Double], model: QAPModel, names: [String], start: [Double] = []) throws {
    switch model {
    case .logistic: try self.init(logistic: columns, y: y, names: names, start: start)
    default: try self.init(linear: columns, y: y, names: names)
    }
  }

  /// Least squares through the QR decomposition of the design (Householder), as R's `qr`.
  init(linear columns: [[Double]], y: [Double], names: [String]) throws {
    let (n, p) = (y.count, columns.count)
    let qr = try Householder(columns, names: names)
    let beta = qr.solve(y)
    var rss = 0.0
    for k in 0..<n {
      var fitted = 0.0
      for j in 0..<p { fitted += columns[j][k] * beta[j] }
      rss += (y[k] - fitted) * (y[k] - fitted)
    }
    let df = Double(n - p)
    let inverse = qr.inverseGram()
    coefficients = beta
    standardErrors = (0..<p).map { (inverse[$0][$0] * rss / df).squareRoot() }
    statistics = zip(beta, standardErrors).map { $0 / $1 }
    let mean = y.reduce(0, +) / Double(n)
    let tss = y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    rSquared = 1 - rss / tss
    adjustedRSquared = 1 - (1 - rSquared) * Double(n - 1) / df
  }

  /// Logistic regression by iteratively reweighted least squares to convergence; standard errors
  /// from the inverse information matrix, as R's `glm`.
  init(logistic columns: [[Double]], y: [Double], names: [String], start: [Double]) throws {
    let (n, p) = (y.count, columns.count)
    var beta = start.count == p ? start : [Double](repeating: 0, count: p)
    if start.count != p {
      // R's start: the working response of mu = (y + 0.5) / 2, fitted once by least squares.
      let z = y.map { yk -> Double in
        let mu = (yk + 0.5) / 2
        return log(mu / (1 - mu)) + (yk - mu) / (mu * (1 - mu))
      }
      let w = y.map { yk -> Double in
        let mu = (yk + 0.5) / 2
        return mu * (1 - mu)
      }
      beta = try Self.weightedSolve(columns, z, w, names: names)
    }
    var deviance = Double.infinity
    var converged = false
    var last: Householder?
    for _ in 0..<100 {
      var eta = [Double](repeating: 0, count: n)
      for j in 0..<p { for k in 0..<n { eta[k] += columns[j][k] * beta[j] } }
      var z = [Double](repeating: 0, count: n), w = [Double](repeating: 0, count: n)
      for k in 0..<n {
        let mu = 1 / (1 + exp(-eta[k]))
        let v = max(mu * (1 - mu), 1e-300)
        w[k] = v
        z[k] = eta[k] + (y[k] - mu) / v
      }
      let (next, qr) = try Self.weightedSolveWithQR(columns, z, w, names: names)
      var d = 0.0
      var e = [Double](repeating: 0, count: n)
      for j in 0..<p { for k in 0..<n { e[k] += columns[j][k] * next[j] } }
      for k in 0..<n { d += Self.devianceTerm(y[k], e[k]) }
      let change = zip(next, beta).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
      beta = next
      last = qr
      if next.contains(where: { abs($0) > 1e6 }) || !d.isFinite { break }
      if abs(d - deviance) <= 1e-14 * (abs(d) + 0.1) || change < 1e-13 {
        deviance = d
        converged = true
        break
      }
      deviance = d
    }
    // Separation: the fitted probabilities reach 0 or 1 and the coefficients run off.
    var eta = [Double](repeating: 0, count: n)
    for j in 0..<p { for k in 0..<n { eta[k] += columns[j][k] * beta[j] } }
    if !converged || beta.contains(where: { abs($0) > 30 }) || eta.allSatisfy({ abs($0) > 25 }) {
      throw QAPError(message: "the logistic model does not converge: a covariate separates the 0s from the 1s perfectly (or nearly)")
    }
    // Information at the final estimate (R takes the last iteration's weights).
    let inverse = last!.inverseGram()
    coefficients = beta
    standardErrors = (0..<p).map { inverse[$0][$0].squareRoot() }
    statistics = zip(beta, standardErrors).map { $0 / $1 }
    self.deviance = deviance
    let mean = y.reduce(0, +) / Double(n)
    nullDeviance = y.reduce(0) { $0 + Self.devianceTerm($1, log(mean / (1 - mean))) }
    aic = deviance + 2 * Double(p)
  }

  /// −2 log-likelihood of one 0/1 observation at linear predictor `eta`.
  static func devianceTerm(_ y: Double, _ eta: Double) -> Double {
    // log(1 + e^η) without overflow.
    let softplus = eta > 0 ? eta + log1p(exp(-eta)) : log1p(exp(eta))
    return 2 * (softplus - y * eta)
  }

  static func weightedSolve(_ columns: [[Double]], _ z: [Double], _ w: [Double], names: [String]) throws -> [Double] {
    try weightedSolveWithQR(columns, z, w, names: names).0
  }

  static func weightedSolveWithQR(_ columns: [[Double]], _ z: [Double], _ w: [Double], names: [String]) throws -> ([Double], Householder) {
    let root = w.map { $0.squareRoot() }
    let weighted = columns.map { c in zip(c, root).map { $0 * $1 } }
    let qr = try Householder(weighted, names: names)
    return (qr.solve(zip(z, root).map { $0 * $1 }), qr)
  }

  /// The t-value of the last coefficient of y on [Z, e], from the parts of e and y orthogonal to
  /// Z (Frisch–Waugh–Lovell): β = ẽ·ỹ / ẽ·ẽ, RSS = ỹ·ỹ − β² ẽ·ẽ.
  static func lastTValue(e: [Double], y: [Double], observations n: Int, parameters p: Int) -> Double {
    var (ee, ey, yy) = (0.0, 0.0, 0.0)
    e.withUnsafeBufferPointer { e in
      y.withUnsafeBufferPointer { y in
        for k in 0..<e.count {
          ee += e[k] * e[k]
          ey += e[k] * y[k]
          yy += y[k] * y[k]
        }
      }
    }
    guard ee > 0 else { return .nan }
    let beta = ey / ee
    let rss = max(0, yy - beta * ey)
    return beta / (rss / Double(n - p) / ee).squareRoot()
  }
}

/// The QR decomposition of a tall design (Householder reflections), for least squares.
struct Householder {
  /// The reflected columns (R above the diagonal, the reflectors below) and the reflectors' scales.
  private var a: [[Double]]
  private var tau: [Double]
  private var diagonal: [Double]
  let rows: Int

  init(_ columns: [[Double]], names: [String]) throws {
    a = columns
    rows = columns.first?.count ?? 0
    let p = columns.count
    tau = [Double](repeating: 0, count: p)
    diagonal = [Double](repeating: 0, count: p)
    let norms = columns.map { ($0.reduce(0) { $0 + $1 * $1 }).squareRoot() }
    for j in 0..<p {
      var norm = 0.0
      for k in j..<rows { norm += a[j][k] * a[j][k] }
      norm = norm.squareRoot()
      guard norm > 1e-9 * max(1e-300, norms[j]) else {
        let name = j < names.count ? names[j] : "a covariate"
        throw QAPError(message: "\(name) is a linear combination of the other covariates (collinear)")
      }
      let alpha = a[j][j] > 0 ? -norm : norm
      // v = x − αe₁, stored in place; τ = 2 / vᵀv.
      a[j][j] -= alpha
      var vv = 0.0
      for k in j..<rows { vv += a[j][k] * a[j][k] }
      tau[j] = 2 / vv
      diagonal[j] = alpha
      for c in (j + 1)..<max(j + 1, p) {
        var d = 0.0
        for k in j..<rows { d += a[j][k] * a[c][k] }
        d *= tau[j]
        for k in j..<rows { a[c][k] -= d * a[j][k] }
      }
    }
  }

  /// R[i][j] for i ≤ j.
  func r(_ i: Int, _ j: Int) -> Double { i == j ? diagonal[i] : a[j][i] }

  /// The least-squares solution of design · β ≈ y.
  func solve(_ y: [Double]) -> [Double] {
    var b = y
    let p = a.count
    for j in 0..<p {
      var d = 0.0
      for k in j..<rows { d += a[j][k] * b[k] }
      d *= tau[j]
      for k in j..<rows { b[k] -= d * a[j][k] }
    }
    var beta = [Double](repeating: 0, count: p)
    for i in stride(from: p - 1, through: 0, by: -1) {
      var s = b[i]
      for j in (i + 1)..<max(i + 1, p) { s -= r(i, j) * beta[j] }
      beta[i] = s / r(i, i)
    }
    return beta
  }

  /// (RᵀR)⁻¹ = (XᵀX)⁻¹, as R's `chol2inv` of the decomposition.
  func inverseGram() -> [[Double]] {
    let p = a.count
    // R⁻¹ by back substitution, then R⁻¹ R⁻ᵀ.
    var inv = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
    for c in 0..<p {
      for i in stride(from: c, through: 0, by: -1) {
        var s = i == c ? 1.0 : 0.0
        for j in (i + 1)..<max(i + 1, c + 1) { s -= r(i, j) * inv[j][c] }
        inv[i][c] = s / r(i, i)
      }
    }
    var out = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
    for i in 0..<p {
      for j in 0..<p {
        var s = 0.0
        for k in max(i, j)..<p { s += inv[i][k] * inv[j][k] }
        out[i][j] = s
      }
    }
    return out
  }
}
