import F1Kit

/// The final labels of a parsed file: numeric labels merged by value and
/// spelled one way, and the two labels of thresholded scores.
///
/// When every label read is a number (see `DecimalLabel`), labels are
/// compared by value, as scikit-learn compares them after pandas reads the
/// file: `1`, `1.0` and `1e0` become one label, spelled `1`. A `nan` or `inf`
/// among such labels is an error. The work is per distinct label, never per
/// row; codes are remapped only when two spellings merged.
struct LabelResolution {
  /// The label of each final code, in first-seen order.
  private(set) var names: [String]
  /// The final code of each parsed code, or `nil` when codes are unchanged.
  private(set) var codes: [Int32]?
  /// Whether every label read is a number.
  let isNumeric: Bool
  /// The final codes of the negative and positive labels, when predictions
  /// are thresholded scores.
  private(set) var binary: (negative: Int32, positive: Int32)?
  /// What the resolution decided that the reader should say: Booleans
  /// read as the numbers 0 and 1 beside them.
  private(set) var note: String?

  /// Resolves the labels a parser read.
  ///
  /// - Throws: `.tupleLabel` at the first label that is a Python tuple's
  ///   text and `.continuousLabels` at the first number that is not whole
  ///   (unless the options skip label checks), `.notFiniteLabel` at the
  ///   first NaN or infinite label among numbers, `.binaryLabelsUnresolved`
  ///   when thresholded scores do not have exactly two labels,
  ///   `.positiveLabelMisspelt` when the positive label named differs from
  ///   a gold label only in case or spaces, and `.positiveLabelNeeded` when
  ///   neither the options nor a well-known pair name the positive one.
  init(_ parser: PredictionFileParser) throws(PredictionFileError) {
    let interner = parser.interner
    try self.init(
      names: interner.names, path: parser.path, checksClasses: parser.options.checksLabelSets,
      firstPlaces: interner.firstPlaces, positiveLabel: parser.options.positiveLabel)
    try Self.refuseMissingValues(
      interner.names, named: parser.options.labels, firstPlaces: interner.firstPlaces,
      path: parser.path)
    if parser.isThresholded {
      binary = try resolveBinaryLabels(parser.options, path: parser.path)
    }
    if let note { parser.notes.append(note) }
  }

  /// Refuses the first label that pandas reads as a missing value
  /// (``MissingValueText``) unless the options name it as a class.
  ///
  /// - Parameters:
  ///   - names: The labels read, by code.
  ///   - labels: The labels named with `--labels`, if any.
  ///   - firstPlaces: Where each label was first read, by code, where known.
  ///   - path: The file, for the message.
  /// - Throws: `.missingValueLabel` at the label's first place.
  static func refuseMissingValues(
    _ names: [String], named labels: [String]?, firstPlaces: [PredictionFileError.Location],
    path: String
  ) throws(PredictionFileError) {
    guard
      let index = names.firstIndex(where: {
        MissingValueText.isMissing($0) && !(labels ?? []).contains($0)
      })
    else { return }
    throw PredictionFileError(
      path: path, location: index < firstPlaces.count ? firstPlaces[index] : nil,
      reason: .missingValueLabel(found: names[index]))
  }

  /// Resolves labels read in first-seen order: numbers merged by value.
  ///
  /// The weighted reader (`LabelSetReader`) resolves its labels here too,
  /// so a file reads as the same classes with and without weights.
  ///
  /// - Parameters:
  ///   - names: The labels, by code.
  ///   - path: The file, for messages.
  ///   - checksClasses: Whether to refuse numbers that are not whole
  ///     (`false` when a column of weights is read as labels).
  ///   - firstPlaces: Where each label was first read, by code, where known.
  ///   - positiveLabel: The positive label named (`--positive`), if any.
  /// Booleans beside the numbers 0 and 1 and nothing else are read as 1
  /// and 0, as numpy compares them, and `note` says so, and which number
  /// a positive label named as a Boolean names (`EvaluationOptions`
  /// respells it so).
  ///
  /// - Throws: `.tupleLabel` at the first label that is a Python tuple's
  ///   text when `checksClasses`, `.notFiniteLabel` at the first NaN or
  ///   infinite label among numbers, and `.continuousLabels` at the first
  ///   number that is not whole when `checksClasses`.
  init(
    names: [String], path: String, checksClasses: Bool,
    firstPlaces: [PredictionFileError.Location] = [], positiveLabel: String? = nil
  ) throws(PredictionFileError) {
    self.names = names
    func place(_ index: Int) -> PredictionFileError.Location? {
      index < firstPlaces.count ? firstPlaces[index] : nil
    }
    if checksClasses, let index = names.firstIndex(where: Self.isTupleText) {
      throw PredictionFileError(
        path: path, location: place(index), reason: .tupleLabel(found: names[index]))
    }
    var readings = names.map(DecimalLabel.reading)
    if let numbers = Self.booleansAsNumbers(names, readings) {
      let booleans = zip(names, readings).filter { $0.1 == .text }.map { TerminalText.quoted($0.0) }
      readings = numbers
      let positive =
        positiveLabel.flatMap { label in
          ["true": "1", "false": "0"][label.lowercased()].map {
            "; --positive \(label) names \($0)"
          }
        } ?? ""
      note =
        "\(path): the labels are the Booleans \(booleans.joined(separator: " and ")) and the numbers 0 and 1, as pandas writes a bool column beside an int one; they are read as one set of labels, as numpy compares them (True is 1, False is 0), and shown as 1 and 0\(positive)"
    }
    isNumeric = !readings.isEmpty && !readings.contains(.text)
    guard isNumeric else {
      mergeBooleanSpellings()
      return
    }
    if let index = readings.firstIndex(of: .notFinite) {
      throw PredictionFileError(
        path: path, location: place(index), reason: .notFiniteLabel(found: names[index]))
    }
    // scikit-learn's type_of_target calls numbers that are not all whole a
    // continuous target, which no classification metric takes.
    let fractional = readings.indices.filter {
      if case .number(let value) = readings[$0] { return !value.isIntegral }
      return false
    }
    if checksClasses, let index = fractional.first {
      throw PredictionFileError(
        path: path, location: place(index),
        reason: .continuousLabels(
          found: names[index], fractionalCount: Set(fractional.map { readings[$0] }).count,
          labelCount: Set(readings).count))
    }
    mergeNumbers(readings)
  }

  /// The final code of a parsed gold code, or predicted code when the
  /// predictions are labels.
  @inline(__always)
  func code(_ parsed: Int32) -> Int32 {
    if let codes { return codes[Int(parsed)] }
    return parsed
  }

  /// The final code of a parsed predicted code.
  @inline(__always)
  func predictedCode(_ parsed: Int32) -> Int32 {
    if let binary { return parsed == 1 ? binary.positive : binary.negative }
    return code(parsed)
  }

  /// A label named in the options, spelled as this file's labels are.
  /// A Boolean takes the file's spelling of it (a `True` score column
  /// names JSON's `true`), as Booleans read in two cases are merged.
  func normalized(_ label: String) -> String {
    let folded = label.lowercased()
    if !isNumeric, folded == "true" || folded == "false",
      let spelling = names.first(where: { $0.lowercased() == folded })
    {
      return spelling
    }
    return Self.normalized(label, isNumeric: isNumeric)
  }

  /// A label spelled as labels are when `isNumeric`: a number's one
  /// spelling, anything else unchanged.
  static func normalized(_ label: String, isNumeric: Bool) -> String {
    guard isNumeric, case .number(let value) = DecimalLabel.reading(label) else { return label }
    return value.spelling
  }

  /// Whether a label is the text Python gives a tuple of strings
  /// (`('sports', 'tech')`, `('art',)`), as pandas' `to_csv` writes a
  /// column of tuples.
  private static func isTupleText(_ label: String) -> Bool {
    let utf8 = label.utf8
    guard utf8.count >= 4, utf8.first == UInt8(ascii: "("), utf8.last == UInt8(ascii: ")")
    else { return false }
    let second = utf8[utf8.index(after: utf8.startIndex)]
    let beforeLast = utf8[utf8.index(utf8.endIndex, offsetBy: -2)]
    return (second == UInt8(ascii: "'") || second == UInt8(ascii: "\""))
      && (beforeLast == UInt8(ascii: "'") || beforeLast == UInt8(ascii: "\"")
        || beforeLast == UInt8(ascii: ","))
  }

  /// The readings with each Boolean (`True`, `false`, in any case) read
  /// as the number 1 or 0, when the labels are Booleans and the numbers
  /// 0 and 1 and nothing else, with at least one of each: pandas' bool
  /// column of gold labels beside a model's int predictions, which numpy
  /// (and so scikit-learn) compares as `True == 1`. Otherwise `nil`.
  private static func booleansAsNumbers(
    _ names: [String], _ readings: [DecimalLabel.Reading]
  ) -> [DecimalLabel.Reading]? {
    guard readings.contains(.text) else { return nil }
    var hasNumber = false
    var converted: [DecimalLabel.Reading] = []
    for (name, reading) in zip(names, readings) {
      switch reading {
      case .number(let value):
        guard value.spelling == "0" || value.spelling == "1" else { return nil }
        hasNumber = true
        converted.append(reading)
      case .text:
        switch name.lowercased() {
        case "true": converted.append(DecimalLabel.reading("1"))
        case "false": converted.append(DecimalLabel.reading("0"))
        default: return nil
        }
      case .notFinite:
        return nil
      }
    }
    return hasNumber ? converted : nil
  }

  /// Gives each numeric value one code and one spelling.
  private mutating func mergeNumbers(_ readings: [DecimalLabel.Reading]) {
    var codeOfValue: [DecimalLabel: Int32] = [:]
    var merged: [String] = []
    var codes: [Int32] = []
    codes.reserveCapacity(readings.count)
    for reading in readings {
      guard case .number(let value) = reading else { continue }
      if let code = codeOfValue[value] {
        codes.append(code)
      } else {
        let code = Int32(merged.count)
        codeOfValue[value] = code
        merged.append(value.spelling)
        codes.append(code)
      }
    }
    if merged.count < names.count { self.codes = codes }
    names = merged
  }

  /// Merges Booleans spelled in two cases (`true` and `True`) when every
  /// label is a Boolean: JSON writes a bool column `true` and names
  /// `predict_proba` columns by the classes as Python prints them,
  /// `True`; both are the one class. Each keeps the spelling of a case
  /// the file writes both values in (`true` and `false`), else the first
  /// spelling read.
  private mutating func mergeBooleanSpellings() {
    let folded = names.map { $0.lowercased() }
    guard folded.allSatisfy({ $0 == "true" || $0 == "false" }), Set(folded).count < names.count
    else { return }
    // One style for both values where the file has one (`true` and
    // `false`, not `True` beside `false`), else the first spelling read.
    let style = { (name: String) in
      name == name.lowercased() ? 0 : name == name.uppercased() ? 1 : 2
    }
    let shared = names.map(style).first { candidate in
      ["true", "false"].allSatisfy { key in
        zip(names, folded).contains { $0.1 == key && style($0.0) == candidate }
      }
    }
    var codeOfValue: [String: Int32] = [:]
    var merged: [String] = []
    var codes: [Int32] = []
    for key in folded {
      if let code = codeOfValue[key] {
        codes.append(code)
      } else {
        let spellings = zip(names, folded).filter { $0.1 == key }.map(\.0)
        let code = Int32(merged.count)
        codeOfValue[key] = code
        merged.append(spellings.first { style($0) == shared } ?? spellings[0])
        codes.append(code)
      }
    }
    self.codes = codes
    names = merged
  }

  /// The codes of the negative and positive labels of thresholded scores.
  ///
  /// The candidates are the gold labels with the given labels and positive
  /// label; there must be exactly two. The positive label is the one given,
  /// or else the positive member of a well-known pair
  /// (`PositiveLabelConvention`).
  private mutating func resolveBinaryLabels(
    _ options: PredictionFileOptions, path: String
  ) throws(PredictionFileError) -> (negative: Int32, positive: Int32) {
    // `--positive True` names JSON's `true`, as it does for labels.
    let named = options.positiveLabel.map(normalized).map {
      EvaluationOptions(positiveLabel: $0).spellingBooleans(like: names).positiveLabel ?? $0
    }
    if let named, !names.contains(where: { $0.utf8.elementsEqual(named.utf8) }),
      let spelling = names.first(where: { Self.folded($0) == Self.folded(named) })
    {
      throw PredictionFileError(
        path: path,
        reason: .positiveLabelMisspelt(positive: named, goldSpelling: spelling, gold: names))
    }
    let given = (options.labels ?? []).map(normalized) + (named.map { [$0] } ?? [])
    let sorted = LabelOrdering.sorted(names + given)
    guard sorted.count == 2 else {
      throw PredictionFileError(path: path, reason: .binaryLabelsUnresolved(found: sorted))
    }
    guard let positive = named ?? PositiveLabelConvention.positiveLabel(of: sorted) else {
      throw PredictionFileError(path: path, reason: .positiveLabelNeeded(labels: sorted))
    }
    let negative = sorted.first { !$0.utf8.elementsEqual(positive.utf8) }!
    return (code(ofName: negative), code(ofName: positive))
  }

  /// A label in lower case without surrounding spaces, to find a label
  /// named with another case or spacing.
  private static func folded(_ label: String) -> Substring {
    let lowered = label.lowercased()
    guard let first = lowered.firstIndex(where: { !$0.isWhitespace }),
      let last = lowered.lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return lowered[first...last]
  }

  /// The code of a label, adding it after the others if it is new.
  private mutating func code(ofName name: String) -> Int32 {
    if let index = names.firstIndex(where: { $0.utf8.elementsEqual(name.utf8) }) {
      return Int32(index)
    }
    names.append(name)
    return Int32(names.count - 1)
  }
}
