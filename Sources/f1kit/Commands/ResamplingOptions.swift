import F1Kit
import F1KitStatistics

/// The options every resampling command shares.
enum ResamplingOptions {
  static let specifications: [CommandSpecification.Option] = [
    .value("resamples", "count", help: "Bootstrap and permutation resamples.", default: "9999"),
    .value("confidence", "level", help: "Confidence level of the intervals.", default: "0.95"),
    .value(
      "seed", "seed",
      help: "Seed of the random number generator (xoshiro256**), for reproducible runs.",
      default: String(Xoshiro256StarStar.defaultSeed)),
    .value(
      "ci-method", "method", help: "How bootstrap intervals are formed.",
      allowed: ["bca", "percentile", "basic"], default: "bca"),
    .flag("quiet", short: "q", help: "Draw no progress bar."),
  ]

  static func bootstrapOptions(_ parsed: ParsedArguments, in command: CommandSpecification)
    throws(UsageError) -> BootstrapOptions
  {
    let resamples = try parsed.integer("resamples", in: command, within: 1...10_000_000) ?? 9_999
    let confidence = try parsed.number("confidence", in: command, within: 0.5...0.999_999) ?? 0.95
    let method =
      parsed.value("ci-method", in: command).flatMap(IntervalMethod.init(rawValue:)) ?? .bca
    return BootstrapOptions(resamples: resamples, confidence: confidence, method: method)
  }

  static func seed(_ parsed: ParsedArguments, in command: CommandSpecification) throws(UsageError)
    -> UInt64
  {
    guard let text = parsed.value("seed", in: command) else {
      return Xoshiro256StarStar.defaultSeed
    }
    guard let seed = UInt64(text) else {
      throw UsageError(
        message:
          "The value '\(text)' is invalid for '--seed'; expected a whole number from 0 to \(UInt64.max)"
      )
    }
    return seed
  }
}
