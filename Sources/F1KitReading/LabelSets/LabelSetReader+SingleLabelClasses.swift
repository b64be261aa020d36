import F1Kit

extension LabelSetReader {
  /// The classes of a single-label file read with sample weights, resolved
  /// as ``PredictionReader`` resolves an unweighted file's: a file reads as
  /// the same classes with and without `--weight-column`.
  ///
  /// The walker's codes cover every label it interned, including score
  /// columns no item is predicted or labelled with; the classes are the
  /// labels that occur (gold or predicted), numbers merged by value (`1`
  /// and `1.0` are one class, spelled `1`), checked as the unweighted
  /// reader checks them.
  struct SingleLabelClasses {
    /// The label of each class, in first-seen order.
    let names: [String]
    /// The class of each walker code, -1 for a label that does not occur.
    private let classOfCode: [Int]
    /// What resolving the labels decided that the reader should say (see
    /// `LabelResolution.note`): Booleans read as the numbers 0 and 1.
    let note: String?

    /// Resolves the labels of the (gold, predicted) code pairs read.
    ///
    /// - Parameters:
    ///   - pairs: Each distinct (gold, predicted) pair of walker codes with
    ///     how many items have it.
    ///   - walker: The walker that read them.
    /// - Throws: ``PredictionFileError`` as `LabelResolution` and
    ///   `LabelSetCheck` throw: a NaN or infinite number among numeric
    ///   labels, numbers that are not whole (a continuous target), or
    ///   predicted labels that do not fit the gold labels.
    /// - Complexity: O(*p* + *k*) for *p* pairs and *k* labels.
    init(
      pairs: some Collection<(gold: Int, predicted: Int, count: Int)>, walker: LabelSetWalker
    ) throws(PredictionFileError) {
      let labels = walker.labels
      var occurs = [Bool](repeating: false, count: labels.count)
      for pair in pairs {
        occurs[pair.gold] = true
        occurs[pair.predicted] = true
      }
      var compact = [Int](repeating: -1, count: labels.count)
      var occurring: [String] = []
      for code in labels.indices where occurs[code] {
        compact[code] = occurring.count
        occurring.append(labels[code])
      }
      let resolution = try LabelResolution(
        names: occurring, path: walker.path, checksClasses: walker.options.file.checksLabelSets,
        positiveLabel: walker.options.file.positiveLabel)
      names = resolution.names
      note = resolution.note
      classOfCode = compact.map { $0 < 0 ? -1 : Int(resolution.code(Int32($0))) }
      var check = LabelSetCheck(labelCount: names.count)
      for pair in pairs {
        check.goldCounts[classOfCode[pair.gold]] &+= pair.count
        check.predictedCounts[classOfCode[pair.predicted]] &+= pair.count
      }
      try check.check(
        names: names, columns: walker.labelColumns, options: walker.options.file,
        path: walker.path)
    }

    /// The class of a walker code that occurs.
    func callAsFunction(_ code: Int) -> Int { classOfCode[code] }
  }
}
