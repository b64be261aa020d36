import F1KitSupport

extension PredictionReader {
  /// The kinds of score a cut-off can be tuned on, told from the lowest
  /// and highest score alone.
  enum ScoreKind: Equatable {
    /// Every score in [0, 1]: probabilities, or similarities that happen
    /// to be positive.
    case unitInterval
    /// Some score below 0, none past −1 to 1: cosine similarities.
    case signedUnitInterval
    /// Some score past −1 to 1, of both signs: logits or margins.
    case logits
    /// Never negative and past 1: a scale of its own (ratings,
    /// percentages, counts).
    case ownScale

    /// The kind of scores from `range.lowerBound` to `range.upperBound`;
    /// a float32 softmax's 1.0000001 is still in [0, 1].
    init(_ range: ClosedRange<Double>) {
      let tolerance = 0.001
      if range.lowerBound >= 0 {
        self = range.upperBound <= 1 + tolerance ? .unitInterval : .ownScale
      } else {
        self =
          range.lowerBound < -1 - tolerance || range.upperBound > 1 + tolerance
          ? .logits : .signedUnitInterval
      }
    }

    /// The kind in prose, after the range.
    var description: String {
      switch self {
      case .unitInterval: "within 0 to 1, as probabilities are"
      case .signedUnitInterval: "within -1 to 1, as similarities are"
      case .logits: "past -1 to 1 and of both signs, as logits and margins are"
      case .ownScale: "never negative and past 1, a scale of their own"
      }
    }
  }

  /// The warning for a cut-off tuned on scores of one kind and applied to
  /// scores of another: tuned on probabilities (0 to 1) and applied to
  /// logits or to a scale of its own such as percentages, or the other
  /// way round. The cut-off then falls at a meaningless place (a
  /// probability's 0.4 is a logit's −0.4), though it may well lie within
  /// the scores, which the check against their range misses.
  ///
  /// Only kinds that cannot be the same scores warn: probabilities in
  /// [0, 1] against scores past −1 to 1. Similarities whose development
  /// scores dipped below 0 and whose evaluated ones did not (or logits of
  /// a weak model that stay within −1 to 1) are left alone.
  ///
  /// - Parameters:
  ///   - tunedRange: The development scores' lowest and highest, when
  ///     known.
  ///   - range: The scores read, lowest to highest.
  ///   - threshold: The cut-off applied.
  ///   - path: The file, named first.
  /// - Returns: The warning, or `nil`.
  static func tunedScaleWarning(
    tunedRange: ClosedRange<Double>?, range: ClosedRange<Double>?, threshold: Double,
    path: String
  ) -> String? {
    guard let tunedRange, let range else { return nil }
    let tuned = ScoreKind(tunedRange)
    let applied = ScoreKind(range)
    let isPastUnit: (ScoreKind) -> Bool = { $0 == .logits || $0 == .ownScale }
    guard
      (tuned == .unitInterval && isPastUnit(applied))
        || (isPastUnit(tuned) && applied == .unitInterval)
    else { return nil }
    let bare = NumberText.shortestBare
    return
      "\(path): the cut-off \(bare(threshold)) was tuned on scores from \(bare(tunedRange.lowerBound)) to \(bare(tunedRange.upperBound)), \(tuned.description), but the scores here run from \(bare(range.lowerBound)) to \(bare(range.upperBound)), \(applied.description); a cut-off carries over only to the same kind of score: tune on development scores of the kind evaluated, or bring both to one scale (a sigmoid turns logits into probabilities)"
  }
}
