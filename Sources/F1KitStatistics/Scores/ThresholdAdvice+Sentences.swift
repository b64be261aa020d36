import F1Kit
import F1KitSupport

extension ThresholdAdvice {
  /// The advice as sentences for people: F1 at the cut-off used against
  /// the best on these items (marked optimistic), the range across
  /// cut-offs, average precision, and what to do when the default cut-off
  /// is far from the best or the cut-off was tuned on the evaluated file;
  /// for scores of two values (`HardLabelScores`), a line that there is no
  /// cut-off to tune instead of that advice.
  ///
  /// - Parameters:
  ///   - choice: The cut-off used and where it came from.
  ///   - digits: Decimal places.
  /// - Returns: Sentences, without newlines.
  public func sentences(for choice: ThresholdChoice, digits: Int = 4) -> [String] {
    func number(_ value: Double) -> String { NumberText.fixed(value, digits: digits) }
    let cutoff = NumberText.shortest(threshold)
    let ap = averagePrecision.map { "; average precision \(number($0))" } ?? ""
    var lines = [
      "F1 at the cut-off \(cutoff): \(number(f1AtThreshold)); the best cut-off on this file, \(NumberText.shortest(bestThreshold)), gives \(number(bestF1)) (optimistic: tuned on the items it is measured on)\(ap)",
      "F1 ranges from \(number(lowestF1)) to \(number(bestF1)) across cut-offs",
    ]
    if isConstant {
      lines.append(
        "every item has the same score, so every cut-off predicts all items alike; the best F1 is that of predicting every item positive, never 1 unless every item is positive"
      )
    }
    if let hardLabels {
      // Two values: no cut-off to tune, and nothing to say about the one
      // used beyond the hard-label warning.
      lines.append(
        "the scores hold only two values, \(hardLabels.valuesText), so every cut-off between them gives the same predictions: there is no cut-off to tune"
          + (hardLabels.isZeroOne ? " (they look like hard predictions, not scores)" : "")
      )
      return lines
    }
    if ranksOtherClassFirst, let rocAUC {
      // Tuning a cut-off on scores of the other class only finds the
      // cut-off that predicts nearly everything positive.
      lines.append(
        "warning: ROC-AUC is \(number(rocAUC)), far below 0.5: the negative items score above the positive ones, so these are most likely the other class's scores (predict_proba(X)[:, 0] where [:, 1] was meant); give the positive class's scores, or 1 − score"
      )
      return lines
    }
    switch choice.source {
    case .defaultValue where isFarFromBest, .given where isFarFromBest,
      .givenInFile where isFarFromBest:
      lines.append(
        "advice: the cut-off \(cutoff) is far from the best (F1 \(number(f1AtThreshold)) against \(number(bestF1))); choose it on development data, not on this file: 'f1kit tune DEV --score-column S --out threshold.json', then '--threshold-from threshold.json'"
      )
    case .tuned(_, _, true):
      lines.append(
        "warning: the cut-off was tuned on the evaluated file itself; its F1 is optimistic (tune on development data)"
      )
    default:
      break
    }
    return lines
  }
}
