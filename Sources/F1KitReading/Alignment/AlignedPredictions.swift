import F1Kit

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
  /// items'.
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
    var gold: [Int32] = []
    var predictions: [[Int32]] = []
    for index in models.indices {
      let codes = models[index].labels.map { Int32(position[ExactLabel($0)]!) }
      // Taken out of the model, so that an array no one else holds is
      // recoded in place.
      var modelGold = models[index].gold
      var modelPredicted = models[index].predicted
      models[index].gold = []
      models[index].predicted = []
      Self.recode(&modelGold, codes)
      Self.recode(&modelPredicted, codes)
      if let permutation = permutations[index] {
        modelGold = permutation.map { modelGold[$0] }
        modelPredicted = permutation.map { modelPredicted[$0] }
      }
      if index == 0 {
        gold = modelGold
      } else if sharesFirstGold[index] {
        // The first model's gold codes, naming the same labels: equal.
      } else if let row = gold.indices.first(where: { gold[$0] != modelGold[$0] }) {
        throw .goldMismatch(
          item: referenceIDs?[row] ?? String(row + 1), firstFile: names[0],
          firstLabel: order[Int(gold[row])], otherFile: names[index],
          otherLabel: order[Int(modelGold[row])])
      }
      predictions.append(modelPredicted)
    }
    self.labels = order
    self.gold = gold
    self.predictions = predictions
    self.identifiers = isAlignedByID ? referenceIDs : nil
  }

  /// Replaces each code by `codes[code]`, unless that changes nothing.
  private static func recode(_ values: inout [Int32], _ codes: [Int32]) {
    guard codes.indices.contains(where: { codes[$0] != Int32($0) }) else { return }
    values.withUnsafeMutableBufferPointer { values in
      for index in values.indices { values[index] = codes[Int(values[index])] }
    }
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
        throw .differentItemCounts(
          first: names[0], firstCount: referenceIDs.count, other: names[index],
          otherCount: ids.count)
      }
      // Equal lists (the same storage, when read aligned) need no lookups.
      if ids == referenceIDs {
        result.append(nil)
        continue
      }
      let positions = referenceIDs.positions(in: ids)
      if let missing = positions.firstIndex(of: nil) {
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
    var matrix = ConfusionMatrix(labels: labels)
    for (gold, predicted) in zip(gold, predictions[model]) {
      matrix.add(goldIndex: Int(gold), predictedIndex: Int(predicted))
    }
    return matrix
  }
}

/// A reason models' predictions cannot be compared item by item.
public enum AlignmentError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Row-aligned files (or id-aligned files) hold different numbers of items.
  case differentItemCounts(first: String, firstCount: Int, other: String, otherCount: Int)
  /// An id of the first file is missing from another.
  case missingItem(id: String, file: String, presentIn: String)
  /// Two files give an item different gold labels.
  case goldMismatch(
    item: String, firstFile: String, firstLabel: String, otherFile: String, otherLabel: String)
  /// The caller's label order names a label twice.
  case duplicateLabel(String)

  /// A one-line explanation for people.
  public var description: String {
    switch self {
    case .differentItemCounts(let first, let firstCount, let other, let otherCount):
      "\(other): expected \(firstCount) items to match \(first), found \(otherCount)"
    case .missingItem(let id, let file, let presentIn):
      "\(file): expected an item with id \(TerminalText.quoted(id)) (it is in \(presentIn)), found none"
    case .goldMismatch(let item, let firstFile, let firstLabel, let otherFile, let otherLabel):
      "\(otherFile): item \(TerminalText.escaped(item)) has gold label \(TerminalText.quoted(otherLabel)) but \(TerminalText.quoted(firstLabel)) in \(firstFile); the files do not describe the same items"
    case .duplicateLabel(let label):
      "label \(TerminalText.quoted(label)) is given more than once"
    }
  }
}
