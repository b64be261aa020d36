import F1Kit
import Foundation

/// Reads a prediction file whose cells hold label sets (a multilabel
/// problem) or whose rows carry sample weights, in one streaming pass.
///
/// A label-set cell is `a|b` (see ``LabelSetOptions/separator``), a JSON
/// array such as `["a","b"]` (in a CSV cell, or as a JSON Lines value), or
/// empty for no labels; a JSON `null` is also the empty set. With per-label
/// score columns, a label is predicted when its score is at least its
/// threshold, and every score column is a label (a column of the
/// indicator matrix) whether or not it occurs. ``readMultilabel()`` keeps
/// each distinct (gold set, predicted set, weight) pattern, which a
/// bootstrap resamples; ``readMultilabelTotals(evaluation:)`` keeps only
/// running totals, in memory that grows with labels, not rows. Every read
/// of items refuses a repeated id, as ``PredictionReader/readCounts()``
/// does, without keeping the ids unless they do not increase.
///
/// Unweighted single-label files go through ``PredictionReader``, whose
/// integer counts this type leaves alone.
public struct LabelSetReader: Sendable {
  /// The file's path; `-` reads standard input.
  public let path: String
  /// How to read it.
  public let options: LabelSetOptions

  /// Creates a reader.
  ///
  /// - Parameters:
  ///   - path: The file's path, or `-` for standard input.
  ///   - options: The columns, separator, weights and thresholds.
  /// - Throws: ``PredictionFileError`` with ``PredictionFileError/Reason/invalidOptions(_:)``
  ///   when the options contradict each other.
  public init(path: String, options: LabelSetOptions) throws(PredictionFileError) {
    self.path = path
    self.options = options
    let name = path == "-" ? "<stdin>" : path
    if let problem = options.file.validationProblem() {
      throw PredictionFileError(path: name, reason: .invalidOptions(problem))
    }
    if options.separator.isEmpty {
      throw PredictionFileError(path: name, reason: .invalidOptions("the label separator is empty"))
    }
    if options.file.scoreArrayColumn != nil || options.file.scoreColumn != nil
      || options.file.countColumn?.isEmpty == false
    {
      throw PredictionFileError(
        path: name,
        reason: .invalidOptions(
          "label sets and sample weights are read from gold and prediction columns or --score-columns, not a score array, a single score column or a count column"
        ))
    }
    let scoreCount = options.file.scoreColumns.count
    if options.thresholds.isEmpty || options.thresholds.contains(where: { !$0.isFinite })
      || (options.thresholds.count > 1 && options.thresholds.count != scoreCount)
    {
      throw PredictionFileError(
        path: name,
        reason: .invalidOptions(
          "expected one finite threshold, or one per score column (\(scoreCount)), found \(options.thresholds.count)"
        ))
    }
  }

  /// Reads a multilabel file.
  ///
  /// Numbers are labels by value, as in a single-label file whose labels
  /// are all numbers: `1` and `1.0` (pandas' float column) are one label,
  /// spelled `1` once two spellings have met.
  ///
  /// - Returns: The items' patterns over the labels in first-seen order
  ///   (score columns first when given).
  /// - Throws: ``PredictionFileError`` for a file that cannot be read or is
  ///   malformed, a bad weight (naming its line), a repeated id (naming
  ///   both lines; see `LabelSetIDCheck`), weights that sum to zero, a
  ///   number written two ways beside labels that are no number, or
  ///   predicted labels that cannot be meant for the gold labels (see
  ///   `PredictionFileOptions.checksLabelSets`).
  /// - Complexity: O(*n*) time for *n* bytes; memory O(*g*) for *g*
  ///   distinct patterns.
  public func readMultilabel() throws(PredictionFileError) -> MultilabelCounts {
    let walker = try LabelSetWalker(path: path, options: options, readsIDs: true)
    var ids = LabelSetIDCheck(keepsIDs: path == "-")
    var counts = MultilabelCounts(labels: [], isWeighted: options.weightColumn != nil)
    try walker.walk { record throws(PredictionFileError) in
      try ids.add(record)
      let gold = try record.labelSet(.gold)
      let predicted = try record.predictedSet()
      counts.add(gold: gold, predicted: predicted, weight: try record.weight() ?? 1)
    }
    try ids.check(walker, reader: self)
    counts.replaceLabels(try walker.finishLabelSets())
    try walker.checkTotalWeight(counts.totalWeight)
    return counts
  }

  /// Reads a multilabel file into running totals, in memory that grows
  /// with the number of labels, not rows.
  ///
  /// The totals give every metric (`MultilabelMetrics(accumulated:)`)
  /// but cannot be resampled; ``readMultilabel()`` keeps the patterns a
  /// bootstrap needs.
  ///
  /// - Parameter evaluation: The labels to evaluate, the zero-division rule
  ///   and the beta, which the per-item scores need; they are checked when
  ///   the totals are scored.
  /// - Returns: The totals over the labels in first-seen order (score
  ///   columns first when given).
  /// - Throws: ``PredictionFileError`` as ``readMultilabel()`` does, and
  ///   `.invalidOptions` for standard input whose numbers are written two
  ///   ways when the options name labels: the totals then need a second
  ///   read (``readMultilabel()`` reads such input once).
  /// - Complexity: O(*n*) time for *n* bytes; memory O(*k*) for *k*
  ///   labels, or O(*g*) for *g* distinct patterns when numbers written
  ///   two ways meet labels the options name.
  public func readMultilabelTotals(evaluation: EvaluationOptions) throws(PredictionFileError)
    -> MultilabelAccumulator
  {
    let walker = try LabelSetWalker(path: path, options: options, readsIDs: true)
    var ids = LabelSetIDCheck(keepsIDs: path == "-")
    var accumulator = MultilabelAccumulator(
      options: evaluation, isWeighted: options.weightColumn != nil)
    try walker.walk { record throws(PredictionFileError) in
      try ids.add(record)
      let gold = try record.labelSet(.gold)
      let predicted = try record.predictedSet()
      let weight = try record.weight() ?? 1
      record.appendNewLabels(to: &accumulator)
      accumulator.add(gold: gold, predicted: predicted, weight: weight)
    }
    try ids.check(walker, reader: self)
    walker.appendNewLabels(to: &accumulator)
    let labels = try walker.finishLabelSets()
    // `--labels 1.0,2.0` names the numbers the sets write `1` and `2`, as
    // NumPy compares them; matched to the spellings read, they evaluate
    // those labels instead of labels that never occur.
    let matched = evaluation.spellingNumbers(like: labels)
    if walker.firstMerge != nil || matched.labels != evaluation.labels {
      guard evaluation.labels != nil else {
        // Every label is evaluated, so the totals stand; only the
        // spellings change.
        accumulator.replaceLabels(labels)
        try walker.checkTotalWeight(accumulator.totalWeight)
        return accumulator
      }
      // The labels evaluated were matched to the first spellings read:
      // read the items again, and match them to the final ones.
      return try readMultilabelTotalsAgain(evaluation: matched)
    }
    try walker.checkTotalWeight(accumulator.totalWeight)
    return accumulator
  }

  /// The totals of a file whose numbers were merged by value, with the
  /// evaluated labels matched to the merged labels' spellings: from its
  /// patterns, which a second read keeps.
  private func readMultilabelTotalsAgain(evaluation: EvaluationOptions)
    throws(PredictionFileError) -> MultilabelAccumulator
  {
    guard path != "-" else {
      throw PredictionFileError(
        path: "<stdin>",
        reason: .invalidOptions(
          "the label sets spell numbers otherwise than --labels, or two ways (such as 1 and 1.0), and --labels is matched to their spellings only in a file read twice; save standard input to a file and name the file, or give --labels as the sets spell them: \((evaluation.labels ?? []).joined(separator: ","))"
        ))
    }
    let counts = try readMultilabel()
    var accumulator = MultilabelAccumulator(
      options: evaluation, isWeighted: counts.isWeighted)
    for label in counts.labels { accumulator.appendLabel(label) }
    for group in counts.groups {
      accumulator.add(
        gold: group.gold, predicted: group.predicted, weight: group.weight,
        count: group.itemCount)
    }
    return accumulator
  }

  /// Reads a single-label file with sample weights.
  ///
  /// Its classes are the labels that occur, numbers merged by value, as
  /// ``PredictionReader`` reads them without weights.
  ///
  /// - Returns: The weighted counts over the labels in first-seen order,
  ///   with what the reader noticed (Booleans beside the numbers 0 and 1
  ///   are read as those numbers, as without weights).
  /// - Throws: ``PredictionFileError`` for a file that cannot be read or is
  ///   malformed, a bad weight (naming its line), a repeated id (naming
  ///   both lines; see `LabelSetIDCheck`), weights that sum to zero, or
  ///   labels the unweighted reader refuses (numbers that are not whole,
  ///   predicted labels that do not fit the gold labels).
  /// - Complexity: O(*n*) time for *n* bytes; memory O(*k*²) for *k* labels.
  public func readWeighted() throws(PredictionFileError) -> WeightedCounts {
    let walker = try LabelSetWalker(path: path, options: options, readsIDs: true)
    var ids = LabelSetIDCheck(keepsIDs: path == "-")
    var cells: [Int: (count: Int, weight: CompensatedSum)] = [:]
    let stride = 1 << 31
    try walker.walk { record throws(PredictionFileError) in
      try ids.add(record)
      let gold = try record.singleLabel(.gold)
      let predicted = try record.singleLabel(.prediction)
      let weight = try record.weight() ?? 1
      cells[gold * stride + predicted, default: (0, CompensatedSum())].count += 1
      cells[gold * stride + predicted, default: (0, CompensatedSum())].weight.add(weight)
    }
    try ids.check(walker, reader: self)
    let classes = try SingleLabelClasses(
      pairs: cells.lazy.map {
        (gold: $0.key / stride, predicted: $0.key % stride, count: $0.value.count)
      },
      walker: walker)
    var matrix = WeightedConfusionMatrix(labels: classes.names)
    // Each cell's weight was summed in file order, with compensation, and
    // cells that become one class (`1` and `1.0`) are added in code order,
    // so the matrix does not depend on the dictionary's order and equals
    // what a count table of the same items gives.
    for (key, cell) in cells.sorted(by: { $0.key < $1.key }) {
      matrix.add(
        goldIndex: classes(key / stride), predictedIndex: classes(key % stride),
        weightSum: cell.weight, count: cell.count)
    }
    try walker.checkTotalWeight(matrix.totalWeight)
    return WeightedCounts(matrix: matrix, warnings: classes.note.map { [$0] } ?? [])
  }

  /// The first cell of the file's first records that is a label set only
  /// because it holds the separator (`Sci|Tech`), when no earlier cell is
  /// a JSON array: the evidence to show a reader whose labels may hold the
  /// separator as a character, where scikit-learn would see one class.
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - options: How to read it.
  ///   - recordLimit: How many records to look at.
  /// - Returns: The cell's line and text, or `nil`.
  public static func firstSeparatedCell(
    path: String, options: LabelSetOptions, recordLimit: Int = 1000
  ) -> (line: Int, text: String)? {
    guard let cell = firstLabelSet(path: path, options: options, recordLimit: recordLimit),
      let text = cell.text
    else { return nil }
    return (cell.line, text)
  }

  /// Whether the file's first records hold label sets: a gold or
  /// prediction cell with the separator or a JSON array. Standard input is
  /// never sniffed.
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - options: How to read it.
  ///   - recordLimit: How many records to look at.
  /// - Returns: `true` when a label set was seen.
  public static func holdsLabelSets(
    path: String, options: LabelSetOptions, recordLimit: Int = 1000
  ) -> Bool {
    firstLabelSet(path: path, options: options, recordLimit: recordLimit) != nil
  }

  /// The prediction and count columns of a single-label count table (a
  /// `count` column, or the one ``PredictionFileOptions/countColumn``
  /// names), found as the counting path finds them, which reads such a
  /// table with its weights; this reader reads one item a row.
  ///
  /// - Parameters:
  ///   - path: The file; standard input is never looked at.
  ///   - options: How to read it.
  /// - Returns: The two columns' names, or `nil` when the file is not a
  ///   count table or its header cannot be read (the reader then says why).
  public static func countTableColumns(path: String, options: LabelSetOptions)
    -> (prediction: String, count: String)?
  {
    var headerOptions = options
    headerOptions.file.countColumn = ""
    guard path != "-", let walker = try? LabelSetWalker(path: path, options: headerOptions) else {
      return nil
    }
    try? walker.walk(limit: 1) { _ throws(PredictionFileError) in }
    guard
      let layout = try? ColumnLayout(header: walker.header, options: options.file, readsIDs: false),
      let count = layout.count, case .label(let prediction) = layout.source
    else { return nil }
    return (walker.header[prediction], walker.header[count])
  }

  /// The first gold or prediction cell of the file's first records that
  /// holds a label set: its line, and its text, `nil` for a JSON array.
  private static func firstLabelSet(
    path: String, options: LabelSetOptions, recordLimit: Int
  ) -> (line: Int, text: String?)? {
    // A count table's cells are sniffed too (the walker refuses them when
    // it reads).
    var options = options
    if options.file.countColumn == nil { options.file.countColumn = "" }
    guard path != "-", let walker = try? LabelSetWalker(path: path, options: options) else {
      return nil
    }
    var found: (line: Int, text: String?)?
    try? walker.walk(limit: recordLimit) { record throws(PredictionFileError) in
      guard found == nil else { return }
      for column in [LabelSetWalker.LabelColumn.gold, .prediction]
      where found == nil && (column == .gold || !record.hasScores) && record.holdsSet(column) {
        found = (record.currentLine, record.cellText(column))
      }
    }
    return found
  }
}
