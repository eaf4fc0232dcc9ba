import CoalitionGraph
import CoalitionMetrics

extension QAPResult {
  /// The result as a report of two tables, for every output format but JSON (see `jsonText(title:provenance:)`):
  /// - `coefficients`: name, estimate, std_error, statistic, p_greater, p_less, p_two_sided,
  ///   permutation_mean, permutation_sd;
  /// - `fit`: measure, value — model, method, mode, n (pairs), actors, reps, seed, and R² and
  ///   adjusted R² (linear) or deviance, null deviance and AIC (logistic).
  public func document(title: String, provenance: String? = nil) -> ReportDocument {
    func cell(_ x: Double?) -> Cell { x.map(Cell.value) ?? .undefined }
    let statistic = model == .linear ? "t-value" : model == .logistic ? "z-value" : "correlation"
    let coefficientsTable = ReportTable(
      title: "coefficients",
      columns: ["name", "estimate", "std_error", "statistic", "p_greater", "p_less", "p_two_sided", "permutation_mean", "permutation_sd"],
      rows: coefficients.map {
        [
          .text($0.name), .value($0.estimate), $0.standardError.map(Cell.value) ?? .undefined, .value($0.statistic), .value($0.pGreater), .value($0.pLess),
          .value($0.pTwoSided), .value($0.permutationMean), .value($0.permutationSD),
        ]
      },
      notes: [
        "statistic: the \(statistic), tested over \(reps) permutations of the actors (\(method == .spp ? "Dekker's double semi-partialling: each covariate's residuals on the others permuted" : "the dependent relation permuted"), seed \(seed)); p_greater, p_less: the share of permutations at least (at most) the observed statistic; p_two_sided: at least as far from 0."
      ])
    var measures: [[Cell]] = [
      [.text("model"), .text(model.rawValue)], [.text("method"), .text(model == .correlation ? "y" : method.rawValue)],
      [.text("mode"), .text(mode.rawValue)], [.text("n"), .integer(n)], [.text("actors"), .integer(actors)], [.text("reps"), .integer(reps)],
      [.text("seed"), .text(String(seed))],
    ]
    switch model {
    case .linear: measures += [[.text("r_squared"), cell(rSquared)], [.text("adjusted_r_squared"), cell(adjustedRSquared)]]
    case .logistic: measures += [[.text("deviance"), cell(deviance)], [.text("null_deviance"), cell(nullDeviance)], [.text("aic"), cell(aic)]]
    case .correlation: break
    }
    let fit = ReportTable(
      title: "fit", columns: ["measure", "value"], rows: measures,
      notes: ["n: the pairs observed (\(mode == .digraph ? "ordered" : "unordered"), the diagonal left out)."]
        + (model == .logistic ? ["null_deviance: of the intercept-only model (sna's netlogit gives that of p = ½ for every pair)."] : []))
    return ReportDocument(title: title, findings: [], tables: [coefficientsTable, fit], provenance: provenance)
  }

  /// The result as JSON: `{"title", "model", "method", "mode", "n", "actors", "reps", "seed",
  /// "r_squared", "adjusted_r_squared", "deviance", "null_deviance", "aic", "coefficients":
  /// [{"name", "estimate", "std_error", "statistic", "p_greater", "p_less", "p_two_sided",
  /// "permutation_mean", "permutation_sd"}]}`; undefined numbers are `null`.
  public func jsonText(title: String, provenance: String? = nil) -> String {
    func number(_ x: Double?) -> JSONNode { JSONNode(x.map { $0.isFinite ? .number($0) : .null } ?? .null) }
    func string(_ s: String) -> JSONNode { JSONNode(.string(s)) }
    let coefficientNodes = coefficients.map { c in
      JSONNode(
        .object([
          ("name", string(c.name)), ("estimate", number(c.estimate)), ("std_error", number(c.standardError)),
          ("statistic", number(c.statistic)), ("p_greater", number(c.pGreater)), ("p_less", number(c.pLess)),
          ("p_two_sided", number(c.pTwoSided)), ("permutation_mean", number(c.permutationMean)), ("permutation_sd", number(c.permutationSD)),
        ].map { (key: $0.0, value: $0.1) }))
    }
    var members: [(String, JSONNode)] = [("title", string(title))]
    if let provenance { members.append(("provenance", string(provenance))) }
    members += [
      ("model", string(model.rawValue)), ("method", string(model == .correlation ? "y" : method.rawValue)), ("mode", string(mode.rawValue)),
      ("n", number(Double(n))), ("actors", number(Double(actors))), ("reps", number(Double(reps))), ("seed", string(String(seed))),
      ("r_squared", number(rSquared)), ("adjusted_r_squared", number(adjustedRSquared)), ("deviance", number(deviance)),
      ("null_deviance", number(nullDeviance)), ("aic", number(aic)), ("coefficients", JSONNode(.array(coefficientNodes))),
    ]
    return JSONWriter.write(JSONNode(.object(members.map { (key: $0.0, value: $0.1) })))
  }
}
