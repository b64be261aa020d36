import CommandLineSupport
import F1Kit
import F1KitStatistics

/// The options every resampling command shares.
struct ResamplingOptions {
  static let resamples = Option<Int>(
    name: "resamples", valueName: "count", help: "Bootstrap and permutation resamples.",
    default: 9_999, in: 100...10_000_000)
  /// A fraction, not a percentage: `--confidence 95` is refused with the
  /// spelling it likely meant.
  static let confidence = Option<Double>(
    name: "confidence", valueName: "level", help: "Confidence level of the intervals.",
    default: 0.95, defaultDescription: "0.95", rangeDescription: "from 0.5 to 0.999999",
    expectation: "a number from 0.5 to 0.999999, a fraction (95% is 0.95)",
    convert: { Double(argument: $0).flatMap { (0.5...0.999_999).contains($0) ? $0 : nil } })
  static let seed = Option<UInt64>(
    name: "seed",
    help: "Seed of the random number generator (xoshiro256**), for reproducible runs.",
    default: Xoshiro256StarStar.defaultSeed)
  static let intervalMethod = Option<IntervalChoice>(
    name: "ci-method", valueName: "method",
    help:
      "How bootstrap intervals are formed; with several runs per model they are two-level percentile intervals.",
    default: .bca)
  static let quiet = Flag(name: "quiet", shortName: "q", help: "Draw no progress bar.")

  /// The declarations, in help order.
  static let declarations: [any OptionDeclaration] = [
    resamples, confidence, seed, intervalMethod, quiet,
  ]

  /// Resamples, confidence and interval method.
  var bootstrap: BootstrapOptions
  /// The generator's seed.
  var seed: UInt64
  /// Whether to draw no progress bar.
  var isQuiet: Bool

  /// Reads the options.
  ///
  /// - Parameter values: The parsed command line.
  init(_ values: ParsedValues) {
    bootstrap = BootstrapOptions(
      resamples: values[Self.resamples], confidence: values[Self.confidence],
      method: values[Self.intervalMethod].method)
    seed = values[Self.seed]
    isQuiet = values[Self.quiet]
  }
}
