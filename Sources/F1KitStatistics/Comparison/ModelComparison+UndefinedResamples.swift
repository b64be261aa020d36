import F1Kit
import F1KitSupport

extension ModelComparison {
  /// The caution that some resamples gave an undefined value (a binary F1
  /// with no positive item and `--zero-division nan`, say) and were left
  /// out, so an interval or p-value rests on fewer resamples than were
  /// drawn; `nil` when every resample was defined.
  ///
  /// `f1kit evaluate --ci` prints the same count beside each interval, and
  /// the JSON's `undefined_resamples` gives it for each interval and test.
  ///
  /// - Parameter metric: The metric.
  /// - Returns: One sentence without a leading "Note:", such as "Some
  ///   resamples gave an undefined binary F1 and are left out: rb.csv −
  ///   ra.csv's interval and paired bootstrap test rest on 9,507 of 9,999
  ///   resamples."
  func undefinedResamplesCaution(metric: Metric) -> String? {
    func restsOn(_ what: String, _ undefined: Int, of drawn: Int) -> String? {
      guard undefined > 0 else { return nil }
      return
        "\(what) on \(Self.count(drawn - undefined)) of \(Self.count(drawn)) resamples"
    }
    var parts: [String] = models.compactMap { model in
      guard let interval = model.interval(of: metric) else { return nil }
      return restsOn(
        "\(model.name)'s interval rests", interval.undefinedResamples, of: interval.resamples)
    }
    for pair in pairs(on: metric) {
      let name = "\(models[pair.second].name) − \(models[pair.first].name)"
      let tests = pair.pairedBootstrap == nil ? " rests" : " and paired bootstrap test rest"
      parts += [
        restsOn(
          "\(name)'s interval\(tests)", pair.difference.undefinedResamples,
          of: pair.difference.resamples),
        pair.permutation.flatMap {
          restsOn("its permutation test rests", $0.undefinedResamples, of: $0.resamples)
        },
      ].compactMap(\.self)
    }
    guard !parts.isEmpty else { return nil }
    return
      "Some resamples gave an undefined \(displayName(of: metric)) and are left out: \(parts.joined(separator: "; "))."
  }
}
