import F1Kit

extension ExperimentComparison {
  /// The caution that some resamples gave an undefined value (a binary
  /// precision with no positive prediction and `--zero-division nan`, say)
  /// and were left out, so an interval or p-value rests on fewer resamples
  /// than were drawn; `nil` when every resample was defined.
  ///
  /// It is worded as the caution of one file per model
  /// (`ModelComparison`'s), for runs,
  /// groups and strata alike: each model's interval, each pair's interval
  /// with the (two-level) paired bootstrap test that shares its resamples,
  /// and the group permutation test when it ran. A model with a run whose
  /// value is undefined has an undefined mean and no interval: the
  /// caution names its undefined runs instead of the resamples its
  /// interval would rest on. The JSON's
  /// `undefined_resamples` gives the same counts.
  ///
  /// - Parameter names: Each model's name.
  /// - Returns: One sentence without a leading "Note:", such as "Some
  ///   resamples gave an undefined binary precision and are left out:
  ///   a's interval rests on 6,513 of 9,999 resamples; b − a's interval and
  ///   paired bootstrap test rest on 6,513 of 9,999 resamples."
  public func undefinedResamplesCaution(names: [String]) -> String? {
    func restsOn(_ what: String, _ undefined: Int, of drawn: Int) -> String? {
      guard undefined > 0 else { return nil }
      return
        "\(what) on \(ModelComparison.count(drawn - undefined)) of \(ModelComparison.count(drawn)) resamples"
    }
    func name(_ model: Int) -> String { Self.name(of: model, in: names) }
    // A model with an undefined run has an undefined mean, and no interval
    // to rest on any resamples: name its runs instead.
    let undefinedModels = models.indices.filter { models[$0].interval.estimate.isNaN }
    var parts: [String] = models.indices.compactMap { index in
      guard !undefinedModels.contains(index) else { return nil }
      return restsOn(
        "\(name(index))'s interval rests", models[index].interval.undefinedResamples,
        of: models[index].interval.resamples)
    }
    for pair in pairs
    where !undefinedModels.contains(pair.first) && !undefinedModels.contains(pair.second) {
      // The interval and the bootstrap p-value come from the same
      // differences, so they leave out the same resamples.
      parts += [
        restsOn(
          "\(name(pair.second)) − \(name(pair.first))'s interval and paired bootstrap test rest",
          pair.difference.undefinedResamples, of: pair.difference.resamples),
        pair.groupPermutation.flatMap {
          restsOn("its permutation test rests", $0.undefinedResamples, of: $0.resamples)
        },
      ].compactMap(\.self)
    }
    let undefined = undefinedModels.map { model in
      let runs = models[model].runValues.indices.filter { models[model].runValues[$0].isNaN }
      let which =
        runs.count == 1
        ? "run \(runs[0] + 1)" : "runs " + runs.map { String($0 + 1) }.joined(separator: ", ")
      return
        "\(name(model)) has no value or interval, nor has any difference with it: its \(which) \(runs.count == 1 ? "has" : "have") an undefined \(metric.displayName), so the mean of its runs is undefined."
    }
    guard !parts.isEmpty else { return undefined.isEmpty ? nil : undefined.joined(separator: " ") }
    return
      "Some resamples gave an undefined \(metric.displayName) and are left out: \(parts.joined(separator: "; "))."
      + undefined.map { " " + $0 }.joined()
  }
}
