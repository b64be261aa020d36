import CommandLineSupport

/// scikit-learn's names for what f1kit's options do, so that a user who
/// types `--pos-label` or `--average` is pointed to the option that does it.
enum ScikitLearnOptions {
  /// The hints for the options a command has.
  ///
  /// - Parameter configuration: The command's configuration.
  /// - Returns: The configuration, with a hint for each scikit-learn name
  ///   whose f1kit option (or, for `--average`, whose explanation) applies.
  static func hinting(_ configuration: CommandConfiguration) -> CommandConfiguration {
    var configuration = configuration
    func add(_ typed: String, _ option: String, _ meaning: String) {
      guard configuration.option(named: option) != nil else { return }
      configuration.unknownOptionHints[typed] = "Did you mean '--\(option)'? (\(meaning))"
    }
    add("--pos-label", "positive", "scikit-learn's pos_label")
    add("--pos_label", "positive", "scikit-learn's pos_label")
    add("--sample-weight", "weight-column", "the column of scikit-learn's sample_weight")
    add("--sample_weight", "weight-column", "the column of scikit-learn's sample_weight")
    add("--scoring", "metric", "scikit-learn's scorer names, such as f1_macro, are accepted")
    let average =
      configuration.option(named: "metric") != nil
      ? "'--metric' chooses the average compared: micro_f1, macro_f1, weighted_f1, binary_f1 or samples_f1"
      : "every average (binary, micro, macro, weighted, and samples for multilabel files) is printed"
    configuration.unknownOptionHints["--average"] =
      "scikit-learn's average has no option here: \(average)."
    return configuration
  }
}
