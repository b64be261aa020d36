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
  /// and the group permutation test when it ran. The JSON's
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
    var parts: [String] = models.indices.compactMap { index in
      restsOn(
        "\(name(index))'s interval rests", models[index].interval.undefinedResamples,
        of: models[index].interval.resamples)
    }
    for pair in pairs {
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
    guard !parts.isEmpty else { return nil }
    return
      "Some resamples gave an undefined \(metric.displayName) and are left out: \(parts.joined(separator: "; "))."
  }
}
