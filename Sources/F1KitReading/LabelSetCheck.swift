import F1Kit

/// Stops a file whose predicted labels cannot be meant for its gold labels:
/// they share none, or over half the items carry a predicted label the gold
/// labels never use. Scoring such a file would print a table of zeros with
/// a straight face.
///
/// It also stops a file whose gold labels are nearly all different, one
/// item each, as when the gold column holds item ids: the predicted labels
/// `0` and `1` are then gold labels too, and the scores would be a table
/// of thousands of one-item classes.
///
/// The check is skipped when the caller names the labels (`labels` in the
/// options), for thresholded scores (whose labels come from the gold ones),
/// and for fewer than ``minimumItemCount`` items, where a model that misses
/// every class can be real.
package struct LabelSetCheck {
  /// The fewest items the check applies to.
  static let minimumItemCount = 10
  /// The fewest items the check of one-item gold labels applies to: a
  /// small test set can hold a class or two of one item each.
  static let minimumItemCountForOneItemLabels = 20

  /// How many items carry each code as gold label and as predicted label.
  var goldCounts: [Int]
  var predictedCounts: [Int]

  init(labelCount: Int) {
    goldCounts = Array(repeating: 0, count: labelCount)
    predictedCounts = Array(repeating: 0, count: labelCount)
  }

  /// Counts each item's gold and predicted label code.
  ///
  /// Consecutive items count in four lanes of counts, summed at the end,
  /// so that items with the same labels do not wait on one another's
  /// increment.
  ///
  /// - Parameters:
  ///   - gold: Each item's gold label code, below the label count.
  ///   - predicted: Each item's predicted label code, below the label count.
  /// - Complexity: O(*n* + *k*) for *n* items and *k* labels.
  mutating func count(gold: [Int32], predicted: [Int32]) {
    precondition(gold.count == predicted.count)
    let labelCount = goldCounts.count
    let laneWidth = 2 * labelCount
    var lanes = [Int](repeating: 0, count: 4 * laneWidth)
    lanes.withUnsafeMutableBufferPointer { lanes in
      gold.withUnsafeBufferPointer { gold in
        predicted.withUnsafeBufferPointer { predicted in
          for item in gold.indices {
            let lane = (item & 3) * laneWidth
            lanes[lane + Int(gold[item])] += 1
            lanes[lane + labelCount + Int(predicted[item])] += 1
          }
        }
      }
    }
    for lane in 0..<4 {
      for code in 0..<labelCount {
        goldCounts[code] += lanes[lane * laneWidth + code]
        predictedCounts[code] += lanes[lane * laneWidth + labelCount + code]
      }
    }
  }

  /// Throws `.labelsDoNotMatch` with the likely cause when the labels do not
  /// fit.
  ///
  /// For label sets, the counts are of items per label, and
  /// `checksOneItemLabels` is `false`: many labels of one item each are
  /// a long tail of tags, not a column of ids.
  func check(
    names: [String], columns: LabelColumns, options: PredictionFileOptions, path: String,
    checksOneItemLabels: Bool = true
  ) throws(PredictionFileError) {
    guard options.labels == nil, options.checksLabelSets else { return }
    var total = 0
    for count in goldCounts { total = total &+ count }
    guard total >= Self.minimumItemCount else { return }
    let gold = goldCounts.indices.filter { goldCounts[$0] > 0 }
    let predicted = predictedCounts.indices.filter { predictedCounts[$0] > 0 }
    let goldSet = Set(gold)
    var unknownItems = 0
    for code in predicted where !goldSet.contains(code) {
      unknownItems = unknownItems &+ predictedCounts[code]
    }
    let sharesNone = predicted.allSatisfy { !goldSet.contains($0) }
    guard sharesNone || unknownItems > total / 2 else {
      if checksOneItemLabels {
        try checkGoldLabelsAreClasses(names: names, columns: columns, path: path, total: total)
      }
      return
    }
    let goldNames = gold.map { names[$0] }
    let predictedNames = predicted.map { names[$0] }
    throw PredictionFileError(
      path: path,
      reason: .labelsDoNotMatch(
        gold: goldNames, predicted: predictedNames,
        unknownShare: sharesNone ? 1 : Double(unknownItems) / Double(total),
        likelyCause: Self.likelyCause(gold: goldNames, predicted: predictedNames, columns: columns))
    )
  }

  /// Throws `.goldLabelsOfOneItemEach` when at least 95% of `total`
  /// items (and at least ``minimumItemCountForOneItemLabels``) carry a gold
  /// label no other item has. A real test set, even of a hundred rare
  /// classes, repeats its classes far more often.
  private func checkGoldLabelsAreClasses(
    names: [String], columns: LabelColumns, path: String, total: Int
  ) throws(PredictionFileError) {
    guard total >= Self.minimumItemCountForOneItemLabels else { return }
    var aloneCount = 0
    for count in goldCounts where count == 1 { aloneCount &+= 1 }
    guard aloneCount * 20 >= total * 19 else { return }
    throw PredictionFileError(
      path: path,
      reason: .goldLabelsOfOneItemEach(
        gold: goldCounts.indices.filter { goldCounts[$0] > 0 }.map { names[$0] },
        aloneCount: aloneCount, itemCount: total, goldColumn: columns.gold,
        predictionColumn: columns.prediction.joined(separator: ",")))
  }

  /// The most likely reason for labels that do not fit.
  static func likelyCause(gold: [String], predicted: [String], columns: LabelColumns)
    -> PredictionFileError.LabelMismatchCause
  {
    if columns.isScoreArray { return .scoreArrayClassIndices(column: columns.prediction[0]) }
    // Score columns name the classes; none of the names is a gold label.
    if columns.isScoreColumns, Set(predicted).isDisjoint(with: gold) {
      return .scoreColumnNames(columns: columns.prediction.joined(separator: ","))
    }
    let isNumber = { (label: String) -> Bool in
      if case .number = DecimalLabel.reading(label) { return true }
      return false
    }
    let goldNumbers = gold.filter(isNumber).count
    let predictedNumbers = predicted.filter(isNumber).count
    if (goldNumbers == gold.count) != (predictedNumbers == predicted.count),
      goldNumbers == 0 || predictedNumbers == 0
    {
      return .numbersAgainstText
    }
    if let spelling = numberSpelledOtherwise(gold: gold, predicted: predicted) {
      return spelling
    }
    let folded = { (label: String) in
      label.lowercased().trimmingCharacters(in: " \t")
    }
    // Only a predicted label gold lacks can be a gold label spelled
    // otherwise: one gold has too says nothing about case.
    let goldSet = Set(gold)
    let goldFolded = Set(gold.map(folded))
    if predicted.contains(where: { !goldSet.contains($0) && goldFolded.contains(folded($0)) }) {
      return .caseOrSpaces
    }
    return .wrongColumn(gold: columns.gold, prediction: columns.prediction.joined(separator: ","))
  }

  /// The first predicted label that no gold label spells but one equals
  /// in value (`1.0` beside gold `1`), with the labels that are no number:
  /// they make every label compare as text. `nil` when there is none.
  package static func numberSpelledOtherwise(gold: [String], predicted: [String])
    -> PredictionFileError.LabelMismatchCause?
  {
    var goldOfValue: [DecimalLabel: String] = [:]
    var text: [String] = []
    for label in gold {
      if case .number(let value) = DecimalLabel.reading(label) {
        if goldOfValue[value] == nil { goldOfValue[value] = label }
      } else {
        text.append(label)
      }
    }
    let goldSet = Set(gold)
    var found: (predicted: String, gold: String)?
    for label in predicted {
      guard case .number(let value) = DecimalLabel.reading(label) else {
        if !goldSet.contains(label) { text.append(label) }
        continue
      }
      if found == nil, !goldSet.contains(label), let spelling = goldOfValue[value] {
        found = (label, spelling)
      }
    }
    guard let found, !text.isEmpty else { return nil }
    return .numberSpelledOtherwise(predicted: found.predicted, gold: found.gold, text: text)
  }
}

extension String {
  /// The string without leading and trailing characters of `set`.
  fileprivate func trimmingCharacters(in set: String) -> String {
    let scalars = unicodeScalars
    let isTrimmed = { (scalar: Unicode.Scalar) in set.unicodeScalars.contains(scalar) }
    guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
      let last = scalars.lastIndex(where: { !isTrimmed($0) })
    else { return "" }
    return String(scalars[first...last])
  }
}
