import Dispatch
import F1Kit
import F1KitSupport

/// Several models' predictions for the same items, aligned item by item over
/// one label order: what a paired comparison needs.
///
/// Files are aligned by id when every file has an id column, and row by row
/// otherwise. The gold labels must agree item by item; nothing is aligned
/// (and so nothing is computed) when they do not.
public struct AlignedPredictions: Hashable, Sendable {
  /// The label order every code refers to: the caller's labels first, then
  /// the other labels that occur, in `LabelOrdering` order — the order
  /// `ClassificationMetrics` gives the same data.
  public let labels: [String]
  /// The gold label code of each item.
  public let gold: [Int32]
  /// Each model's predicted label code of each item, in model order.
  public let predictions: [[Int32]]
  /// The id of each item, when the files were aligned by id.
  public let identifiers: ItemIdentifiers?

  /// Aligns models' predictions.
  ///
  /// Models whose ids are the first model's in the same order (such as
  /// those read with `PredictionReader.readItems(alignedTo:)`) are taken as
  /// they are, without looking ids up. A model whose gold codes are the
  /// first model's array itself (the same storage, as that read returns
  /// them) and whose labels start with the first model's has the first
  /// model's gold labels, so they are not compared again. Each model's
  /// label codes are recoded in place when the caller gives up its items
  /// (pass them with `consume`), so aligning takes no memory beyond the
  /// items'. The models after the first are recoded and checked on
  /// several threads at once; a gold label that differs is reported for
  /// the first such model in order, at its first such item.
  ///
  /// - Parameters:
  ///   - models: Each model's items, read from its file.
  ///   - names: A name for each model (its file name), used in errors.
  ///   - labels: The caller's label order, if any; with numeric labels,
  ///     spelled as they are (see ``ItemPredictions/normalizedLabel(_:)``).
  /// - Throws: ``AlignmentError`` when the models cover different items or
  ///   disagree on a gold label.
  /// - Complexity: O(*m* · *n*) for *m* models of *n* items.
  public init(_ models: consuming [ItemPredictions], names: [String], labels: [String]? = nil)
    throws(AlignmentError)
  {
    precondition(models.count == names.count && !models.isEmpty)
    Self.unifyBooleanSpellings(&models)
    let occurring = models.flatMap(\.labels)
    let order: [String]
    do {
      let isNumeric = models.contains(where: \.hasNumericLabels)
      order = try ConfusionMatrix.labelOrder(
        naming: labels?.map { LabelResolution.normalized($0, isNumeric: isNumeric) },
        occurring: occurring)
    } catch {
      guard case .duplicateLabel(let label) = error else { preconditionFailure() }
      throw .duplicateLabel(label)
    }
    let position = order.exactLabelPositions()
    var permutations: [[Int]?] = Array(repeating: nil, count: models.count)
    let isAlignedByID = models.allSatisfy { $0.identifiers != nil }
    try AlignmentError.refuseMixedIdentifiers(models.map { $0.identifiers != nil }, names: names)
    if isAlignedByID {
      permutations = try Self.idPermutations(models, names: names)
    } else if let mismatch = models.firstIndex(where: { $0.count != models[0].count }) {
      throw .differentItemCounts(
        first: names[0], firstCount: models[0].count, other: names[mismatch],
        otherCount: models[mismatch].count)
    }
    // The first file's ids name items in messages, even when aligned row by row.
    let referenceIDs = models[0].identifiers
    // Gold that is the first model's (read with `readItems(alignedTo:)`) is
    // dropped before the first model's is recoded, which then needs no copy.
    var sharesFirstGold = Array(repeating: false, count: models.count)
    for index in models.indices.dropFirst()
    where permutations[index] == nil && Self.sharesGold(models[index], with: models[0]) {
      sharesFirstGold[index] = true
      models[index].gold = []
    }
    // Each model's codes, taken out of the model, so that an array no one
    // else holds is recoded in place; the first model's gold is the
    // reference the others are checked against.
    var slots = models.indices.map { index in
      var slot = ModelCodes(
        codes: models[index].labels.map { Int32(position[ExactLabel($0)]!) },
        gold: models[index].gold, predicted: models[index].predicted,
        permutation: permutations[index], sharesFirstGold: sharesFirstGold[index])
      models[index].gold = []
      models[index].predicted = []
      if index == 0 { slot.recode() }
      return slot
    }
    let gold = slots[0].gold
    slots[0].gold = []
    // The other models are recoded and checked on several threads; the
    // first model in order with a gold label that differs is reported.
    slots.withUnsafeMutableBufferPointer { slots in
      let shared = SharedSlots(slots: slots)
      DispatchQueue.concurrentPerform(iterations: shared.slots.count - 1) { offset in
        shared.slots[offset + 1].recodeAndCheck(against: gold)
      }
    }
    if let index = slots.indices.first(where: { slots[$0].mismatch != nil }) {
      let row = slots[index].mismatch!
      throw .goldMismatch(
        item: referenceIDs?[row] ?? String(row + 1), firstFile: names[0],
        firstLabel: order[Int(gold[row])], otherFile: names[index],
        otherLabel: order[Int(slots[index].mismatchLabel)],
        otherItem: permutations[index]?[row] ?? row)
    }
    let predictions = slots.indices.map { index in
      let predicted = slots[index].predicted
      slots[index].predicted = []
      return predicted
    }
    self.labels = order
    self.gold = gold
    self.predictions = predictions
    self.identifiers = isAlignedByID ? referenceIDs : nil
  }

  /// Spells Boolean labels alike in every model when every label is one
  /// (`true` or `false` in any case): pandas writes a Boolean column as
  /// `True` in CSV and `true` in JSON, and the same frame written both ways
  /// must align. Each label takes the spelling it has first, in model
  /// order. When some models' labels are the numbers 0 and 1 and the
  /// others' Booleans, the Booleans become `1` and `0`.
  ///
  /// - Parameter models: The models, whose label names may be respelled.
  /// - Complexity: O(*k*) for *k* labels in all.
  private static func unifyBooleanSpellings(_ models: inout [ItemPredictions]) {
    let isBoolean = { (label: String) in ["true", "false"].contains(label.lowercased()) }
    let isBit = { (label: String) in label == "0" || label == "1" }
    // Booleans in some models and 0 and 1 in others (a model's int
    // predictions beside a bool gold column, which the reader reads as
    // 1 and 0): as numpy compares them, True is 1.
    if models.contains(where: { $0.hasNumericLabels && $0.labels.allSatisfy(isBit) }),
      models.allSatisfy({
        $0.labels.allSatisfy(isBoolean) || ($0.hasNumericLabels && $0.labels.allSatisfy(isBit))
      }),
      models.contains(where: { !$0.labels.allSatisfy(isBit) })
    {
      for index in models.indices where !models[index].hasNumericLabels {
        models[index].labels = models[index].labels.map { $0.lowercased() == "true" ? "1" : "0" }
        models[index].hasNumericLabels = true
      }
      return
    }
    guard models.allSatisfy({ $0.labels.allSatisfy(isBoolean) }) else { return }
    var spelling: [String: String] = [:]
    for index in models.indices {
      models[index].labels = models[index].labels.map { label in
        let key = label.lowercased()
        if let first = spelling[key] { return first }
        spelling[key] = label
        return label
      }
    }
  }

  /// One model's codes while they are recoded into the common label order,
  /// put in the first model's item order and checked against its gold.
  private struct ModelCodes {
    /// The common code of each of the model's codes.
    let codes: [Int32]
    var gold: [Int32]
    var predicted: [Int32]
    /// The model's position of each of the first model's items, or `nil`.
    let permutation: [Int]?
    /// Whether the gold codes are the first model's (and so not kept).
    let sharesFirstGold: Bool
    /// The first item whose gold label differs from the first model's.
    var mismatch: Int?
    /// That item's gold code, in the common order.
    var mismatchLabel: Int32 = 0

    /// Recodes the codes and puts them in the first model's item order.
    mutating func recode() {
      Self.recode(&gold, codes)
      Self.recode(&predicted, codes)
      if let permutation {
        gold = permutation.map { gold[$0] }
        predicted = permutation.map { predicted[$0] }
      }
    }

    /// Recodes the codes, then finds the first item whose gold label
    /// differs from `reference`'s and lets the gold codes go.
    mutating func recodeAndCheck(against reference: [Int32]) {
      if sharesFirstGold {
        // The first model's gold codes, naming the same labels: equal.
        gold = []
      }
      if !sharesFirstGold && permutation == nil {
        // Gold in the first model's order is only compared, then let go:
        // each code is looked up as it is compared, not recoded in place
        // first, which would write every code once more.
        Self.recode(&predicted, codes)
        (mismatch, mismatchLabel) = Self.firstMismatch(of: gold, recodedBy: codes, in: reference)
        gold = []
        return
      }
      recode()
      if !sharesFirstGold {
        mismatch = gold.withUnsafeBufferPointer { gold in
          reference.withUnsafeBufferPointer { reference in
            reference.indices.first { gold[$0] != reference[$0] }
          }
        }
        if let mismatch { mismatchLabel = gold[mismatch] }
      }
      gold = []
    }

    /// The first item whose code, recoded by `codes`, differs from
    /// `reference`'s, and that recoded code; `nil` and 0 when none does.
    private static func firstMismatch(
      of values: [Int32], recodedBy codes: [Int32], in reference: [Int32]
    ) -> (item: Int?, code: Int32) {
      codes.withUnsafeBufferPointer { codes in
        values.withUnsafeBufferPointer { values in
          reference.withUnsafeBufferPointer { reference in
            guard
              let item = reference.indices.first(where: { codes[Int(values[$0])] != reference[$0] })
            else { return (nil, 0) }
            return (item, codes[Int(values[item])])
          }
        }
      }
    }

    /// Replaces each code by `codes[code]`, unless that changes nothing.
    private static func recode(_ values: inout [Int32], _ codes: [Int32]) {
      guard codes.indices.contains(where: { codes[$0] != Int32($0) }) else { return }
      codes.withUnsafeBufferPointer { codes in
        values.withUnsafeMutableBufferPointer { values in
          for index in values.indices { values[index] = codes[Int(values[index])] }
        }
      }
    }
  }

  /// The slots of the models after the first, each touched by one thread.
  private struct SharedSlots: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<ModelCodes>
  }

  /// Whether `model`'s gold codes are `first`'s, in the same storage, and
  /// name the same labels: `model`'s labels start with `first`'s. Such gold
  /// equals `first`'s item by item without being compared.
  private static func sharesGold(_ model: ItemPredictions, with first: ItemPredictions) -> Bool {
    guard model.gold.count == first.gold.count, model.labels.count >= first.labels.count,
      zip(model.labels, first.labels).allSatisfy({ ExactLabel($0) == ExactLabel($1) })
    else { return false }
    return model.gold.isEmpty
      || model.gold.withUnsafeBufferPointer { gold in
        first.gold.withUnsafeBufferPointer { $0.baseAddress == gold.baseAddress }
      }
  }

  /// For each model, the index of each of the first model's ids; `nil` for
  /// a model whose ids are the first model's in the same order.
  private static func idPermutations(_ models: [ItemPredictions], names: [String])
    throws(AlignmentError) -> [[Int]?]
  {
    let referenceIDs = models[0].identifiers!
    var result: [[Int]?] = [nil]
    for (index, model) in models.enumerated().dropFirst() {
      let ids = model.identifiers!
      guard ids.count == referenceIDs.count else {
        throw .differentIDCounts(referenceIDs, ids, first: names[0], other: names[index])
      }
      // Equal lists (the same storage, when read aligned) need no lookups.
      if ids == referenceIDs {
        result.append(nil)
        continue
      }
      let positions = referenceIDs.positions(in: ids)
      if let missing = positions.firstIndex(of: nil) {
        // As many ids, one of them missing: this file has an id the first
        // lacks, whose item can be placed on a line.
        if let extra = ids.positions(in: referenceIDs).firstIndex(of: nil) {
          throw .unmatchedItem(
            id: ids[extra], item: extra, file: names[index], missingID: referenceIDs[missing],
            presentIn: names[0])
        }
        throw .missingItem(id: referenceIDs[missing], file: names[index], presentIn: names[0])
      }
      result.append(positions.map { $0! })
    }
    return result
  }

  /// The number of items.
  public var itemCount: Int { gold.count }

  /// One model's confusion matrix over ``labels``.
  ///
  /// - Parameter model: The model's index.
  /// - Returns: Its counts of gold (rows) against predicted (columns).
  /// - Complexity: O(*n* + *k*²) for *n* items and *k* labels.
  public func confusionMatrix(ofModel model: Int) -> ConfusionMatrix {
    let width = labels.count
    var matrix = ConfusionMatrix(labels: labels)
    // Counted in a table first when it is small beside the items, as it is
    // for all but thousands of labels; else cell by cell.
    guard width * width <= gold.count + 4_096 else {
      for (gold, predicted) in zip(gold, predictions[model]) {
        matrix.add(goldIndex: Int(gold), predictedIndex: Int(predicted))
      }
      return matrix
    }
    var counts = [Int](repeating: 0, count: width * width)
    gold.withUnsafeBufferPointer { gold in
      predictions[model].withUnsafeBufferPointer { predicted in
        for item in gold.indices { counts[Int(gold[item]) * width + Int(predicted[item])] += 1 }
      }
    }
    for (cell, count) in counts.enumerated() where count > 0 {
      matrix.add(goldIndex: cell / width, predictedIndex: cell % width, count: count)
    }
    return matrix
  }
}

/// A reason models' predictions cannot be compared item by item.
public enum AlignmentError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Row-aligned files (or id-aligned files, `isByID`) hold different
  /// numbers of items.
  case differentItemCounts(
    first: String, firstCount: Int, other: String, otherCount: Int, isByID: Bool = false)
  /// An id of the first file is missing from another.
  case missingItem(id: String, file: String, presentIn: String)
  /// Id-aligned files hold different numbers of items: the longer one,
  /// `file` (with `fileCount` items), has `id` at position `item`, and
  /// `missingFrom` (with `missingFromCount`) has no item with that id.
  case unpairedItem(
    id: String, item: Int, file: String, fileCount: Int, missingFrom: String,
    missingFromCount: Int)
  /// Another file, with as many ids as the first, has an id the first
  /// lacks (at position `item` in its file), and lacks the first's
  /// `missingID`.
  case unmatchedItem(id: String, item: Int, file: String, missingID: String, presentIn: String)
  /// Two files give an item different gold labels; `otherItem` is its
  /// position in the other file, when known.
  case goldMismatch(
    item: String, firstFile: String, firstLabel: String, otherFile: String, otherLabel: String,
    otherItem: Int? = nil)
  /// Two files give an item different sample weights; `otherItem` is its
  /// position in the other file, when known.
  case weightMismatch(
    item: String, firstFile: String, firstWeight: Double, otherFile: String,
    otherWeight: Double, otherItem: Int? = nil)
  /// Some files have ids (`withIDs` does) and others do not (`withoutIDs`),
  /// so items could be paired only by position, whatever the ids say.
  case idsInSomeFiles(withIDs: String, withoutIDs: String)
  /// The caller's label order names a label twice.
  case duplicateLabel(String)

  /// A one-line explanation for people.
  public var description: String { unplacedDescription + spellingHint }

  private var unplacedDescription: String {
    switch self {
    case .differentItemCounts(let first, let firstCount, let other, let otherCount, _):
      "\(other): expected \(firstCount) items to match \(first), found \(otherCount)"
    case .idsInSomeFiles(let withIDs, let withoutIDs):
      "\(withoutIDs): expected an id column, as \(withIDs) has, found none; without ids in every file the rows would pair by position, a different item wherever one file was sorted or filtered: give \(withoutIDs) the same ids, or pair every file row by row with --no-id-column"
    case .missingItem(let id, let file, let presentIn):
      "\(file): expected an item with id \(TerminalText.quoted(id)) (it is in \(presentIn)), found none"
    case .unpairedItem(let id, let item, let file, _, _, _):
      "\(file): item \(item + 1) has id \(TerminalText.quoted(id)), " + unpairedItemEnd
    case .unmatchedItem(let id, let item, let file, _, let presentIn):
      "\(file): expected the ids of \(presentIn), found id \(TerminalText.quoted(id)) (item \(item + 1)), "
        + unmatchedItemEnd
    case .goldMismatch(let item, let firstFile, let firstLabel, let otherFile, let otherLabel, _):
      "\(otherFile): item \(TerminalText.escaped(item)) has gold label \(TerminalText.quoted(otherLabel)) but \(TerminalText.quoted(firstLabel)) in \(firstFile); the files do not describe the same items"
    case .weightMismatch:
      "\(weightMismatchFile): " + weightMismatchText
    case .duplicateLabel(let label):
      "label \(TerminalText.quoted(label)) is given more than once"
    }
  }

  /// The file and the position of the item (counted from 0) that the
  /// error is about, for a caller that can place it on a line (see
  /// `PredictionReader.line(ofItem:)`): the first item past the first
  /// file's count, the last item of a shorter file, an id the first file
  /// lacks, or an item whose gold label differs.
  public var place: (file: String, item: Int)? {
    switch self {
    case .differentItemCounts(_, let firstCount, let other, let otherCount, let isByID):
      // By id, the extra or missing items can be anywhere in the file.
      isByID ? nil : (other, min(firstCount, otherCount - 1))
    case .unmatchedItem(_, let item, let file, _, _), .unpairedItem(_, let item, let file, _, _, _):
      (file, item)
    case .goldMismatch(_, _, _, let otherFile, _, let otherItem),
      .weightMismatch(_, _, _, let otherFile, _, let otherItem):
      otherItem.map { (otherFile, $0) }
    case .missingItem, .duplicateLabel, .idsInSomeFiles:
      nil
    }
  }

  /// The explanation placed on the line of ``place``'s item.
  ///
  /// - Parameters:
  ///   - path: The path of ``place``'s file, which starts the message.
  ///   - line: The line of its item.
  ///   - column: For a gold label that differs, the field (or JSON Lines
  ///     byte) of the item's gold label, when known.
  /// - Returns: A one-line `path:line: …` explanation (`path:line:column:
  ///   …` with a column); ``description`` for an error without a place.
  public func description(path: String, line: Int, column: Int? = nil) -> String {
    guard place != nil else { return description }
    return placedDescription(path: path, line: line, column: column) + spellingHint
  }

  private func placedDescription(path: String, line: Int, column: Int?) -> String {
    switch self {
    case .differentItemCounts(let first, let firstCount, _, let otherCount, _):
      let item =
        otherCount > firstCount
        ? "the first extra item, item \(firstCount + 1), is on this line"
        : "its last item, item \(otherCount), is on this line"
      return
        "\(path):\(line): expected \(firstCount) items to match \(first), found \(otherCount) (\(item); without an id column in every file, files are aligned row by row)"
    case .unmatchedItem(let id, _, _, _, let presentIn):
      return
        "\(path):\(line): expected the ids of \(presentIn), found id \(TerminalText.quoted(id)), "
        + unmatchedItemEnd
    case .unpairedItem(let id, _, _, _, _, _):
      return "\(path):\(line): id \(TerminalText.quoted(id)) on this line, " + unpairedItemEnd
    case .goldMismatch(let item, let firstFile, let firstLabel, _, let otherLabel, _):
      let place = column.map { "\(path):\(line):\($0)" } ?? "\(path):\(line)"
      return
        "\(place): item \(TerminalText.escaped(item)) has gold label \(TerminalText.quoted(otherLabel)) but \(TerminalText.quoted(firstLabel)) in \(firstFile); the files do not describe the same items"
    case .weightMismatch:
      return "\(path):\(line): " + weightMismatchText
    case .missingItem, .duplicateLabel, .idsInSomeFiles:
      return description
    }
  }

  /// The file of ``weightMismatch(item:firstFile:firstWeight:otherFile:otherWeight:otherItem:)``
  /// that the message starts with.
  private var weightMismatchFile: String {
    guard case .weightMismatch(_, _, _, let otherFile, _, _) = self else { return "" }
    return otherFile
  }

  /// ``weightMismatch(item:firstFile:firstWeight:otherFile:otherWeight:otherItem:)``'s
  /// explanation after its place, worded as single-label files' is.
  private var weightMismatchText: String {
    guard
      case .weightMismatch(let item, let firstFile, let firstWeight, _, let otherWeight, _) = self
    else { return "" }
    return
      "item \(TerminalText.escaped(item)) has sample weight \(NumberText.shortestBare(otherWeight)) but \(NumberText.shortestBare(firstWeight)) in \(firstFile); every file must give an item the same weight"
  }

  /// The end of ``unpairedItem(id:item:file:fileCount:missingFrom:missingFromCount:)``'s
  /// explanation.
  /// The likely cause of ids or gold labels that differ only in how they
  /// are spelled, or empty: letter case (`Yes` against `yes`; Boolean
  /// labels are spelled alike before they are compared), an integer id
  /// written as a float (`208.0`), as pandas does once its column held NaN.
  private var spellingHint: String {
    switch self {
    case .goldMismatch(_, _, let first, _, let other, _)
    where first != other && first.lowercased() == other.lowercased():
      return
        " (they differ only in letter case: write both files with one spelling)"
    case .missingItem(let id, _, _), .unpairedItem(let id, _, _, _, _, _):
      return Self.isIntegerWrittenAsFloat(id) ? Self.floatIDHint : ""
    case .unmatchedItem(let id, _, _, let missingID, _):
      return Self.isIntegerWrittenAsFloat(id) || Self.isIntegerWrittenAsFloat(missingID)
        ? Self.floatIDHint : ""
    default:
      return ""
    }
  }

  private static let floatIDHint =
    " (ids compare as text, and an integer id written as a float, such as 208.0, is how pandas writes an integer column that held NaN: write the ids as integers, df[\"id\"].astype(\"Int64\"))"

  /// Whether an id is digits followed by `.0` (or more zeros).
  private static func isIntegerWrittenAsFloat(_ id: String) -> Bool {
    let parts = id.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2, let whole = parts.first, let fraction = parts.last else { return false }
    let digits = whole.hasPrefix("-") ? whole.dropFirst() : whole[...]
    return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber } && !fraction.isEmpty
      && fraction.allSatisfy { $0 == "0" }
  }

  private var unpairedItemEnd: String {
    guard
      case .unpairedItem(_, _, let file, let fileCount, let missingFrom, let missingFromCount) =
        self
    else { return "" }
    return
      "which \(missingFrom) does not have (\(file) has \(fileCount) items, \(missingFrom) has \(missingFromCount)); files with an id column are aligned by id, and these do not describe the same items"
  }

  /// The error for id-aligned files with different numbers of items: an
  /// id of the longer file that the shorter lacks, so that it can be
  /// placed on a line; the counts alone when every id has a counterpart.
  ///
  /// - Parameters:
  ///   - referenceIDs: The first file's ids.
  ///   - ids: The other file's ids.
  ///   - first: The first file's name.
  ///   - other: The other file's name.
  /// - Returns: ``unpairedItem(id:item:file:fileCount:missingFrom:missingFromCount:)``
  ///   or ``differentItemCounts(first:firstCount:other:otherCount:isByID:)``.
  /// - Complexity: O(*n*) expected for *n* ids.
  static func differentIDCounts(
    _ referenceIDs: ItemIdentifiers, _ ids: ItemIdentifiers, first: String, other: String
  ) -> AlignmentError {
    let isOtherLonger = ids.count > referenceIDs.count
    let (longer, shorter) = isOtherLonger ? (ids, referenceIDs) : (referenceIDs, ids)
    guard let extra = longer.positions(in: shorter).firstIndex(of: nil) else {
      return .differentItemCounts(
        first: first, firstCount: referenceIDs.count, other: other, otherCount: ids.count,
        isByID: true)
    }
    return .unpairedItem(
      id: longer[extra], item: extra, file: isOtherLonger ? other : first,
      fileCount: longer.count, missingFrom: isOtherLonger ? first : other,
      missingFromCount: shorter.count)
  }

  /// The end of ``unmatchedItem(id:item:file:missingID:presentIn:)``'s
  /// explanation.
  private var unmatchedItemEnd: String {
    guard case .unmatchedItem(_, _, _, let missingID, let presentIn) = self else { return "" }
    return
      "which \(presentIn) does not have, and no item with \(presentIn)'s id \(TerminalText.quoted(missingID)); the files do not describe the same items"
  }
}

extension AlignmentError {
  /// Refuses models of which some have ids and others do not.
  ///
  /// - Parameters:
  ///   - hasIDs: Whether each model has ids, in model order.
  ///   - names: Each model's name.
  /// - Throws: ``idsInSomeFiles(withIDs:withoutIDs:)`` for the first model
  ///   with ids and the first without.
  package static func refuseMixedIdentifiers(_ hasIDs: [Bool], names: [String])
    throws(AlignmentError)
  {
    guard let with = hasIDs.firstIndex(of: true), let without = hasIDs.firstIndex(of: false)
    else { return }
    throw .idsInSomeFiles(withIDs: names[with], withoutIDs: names[without])
  }
}
