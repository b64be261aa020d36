import CommandLineSupport
import F1Kit
import F1KitReading
import F1KitStatistics
import F1KitSupport

extension InputOptions {
  /// Whether `--weight-column` was given.
  var isWeighted: Bool { labelSets.weightColumn != nil }

  /// Reads the sample weight of every item of a file, in file order, in a
  /// pass of its own beside ``readItems(_:)``.
  ///
  /// - Parameter path: The file; standard input cannot be read twice.
  /// - Returns: One weight per item.
  /// - Throws: A one-line failure: 64 for standard input, 65 for a bad
  ///   weight (naming its line) or a total weight of zero.
  func readItemWeights(_ path: String) throws(CommandFailure) -> [Double] {
    guard path != "-" else {
      throw .usage(
        "--weight-column needs a named file here, not standard input, which is read once")
    }
    var options = labelSets
    options.isMultilabel = false
    options.file.scoreColumns = []
    options.file.scoreArrayColumn = nil
    options.file.scoreColumn = nil
    options.file.countColumn = nil
    do {
      return try LabelSetReader(path: path, options: options).readWeights()
    } catch {
      throw Self.failure(error)
    }
  }

  /// Reads and aligns files whose items carry sample weights, and counts
  /// them for the comparison engine.
  ///
  /// Every file must have the weight column, and an item's weight must be
  /// the same in every file, as its gold label must.
  ///
  /// - Parameters:
  ///   - paths: The files, one per model.
  ///   - names: Each model's name, for messages.
  /// - Returns: The weighted counts.
  /// - Throws: A one-line failure naming the file and item.
  func weightedComparisonCounts(_ paths: [String], names: [String]) throws(CommandFailure)
    -> ComparisonCounts
  {
    var items: [ItemPredictions] = []
    var weights: [[Double]] = []
    for path in paths {
      let fileItems = try readItems(path)
      let fileWeights = try readItemWeights(path)
      guard fileWeights.count == fileItems.count else {
        throw .data(
          "\(path): expected a sample weight for each of its \(fileItems.count) items, found \(fileWeights.count)"
        )
      }
      items.append(fileItems)
      weights.append(fileWeights)
    }
    let aligned: AlignedPredictions
    do {
      aligned = try AlignedPredictions(items, names: names, labels: labels)
    } catch {
      throw .data(error.description)
    }
    // The first file's order is the aligned order; the others must agree.
    for index in paths.indices.dropFirst() {
      let positions: [Int?]
      if let reference = aligned.identifiers, let ids = items[index].identifiers {
        positions = reference.positions(in: ids)
      } else {
        positions = Array(0..<aligned.itemCount)
      }
      for (item, position) in positions.enumerated() {
        guard let position, weights[index][position] != weights[0][item] else { continue }
        let itemName =
          aligned.identifiers.map { "id \(TerminalText.quoted($0[item]))" }
          ?? "item \(item + 1)"
        throw .data(
          "\(paths[index]): \(itemName) has sample weight \(NumberText.shortestBare(weights[index][position])) but \(NumberText.shortestBare(weights[0][item])) in \(paths[0]); every file must give an item the same weight"
        )
      }
    }
    do {
      return try ComparisonCounts(aligned, weights: weights[0])
    } catch {
      throw .data("\(paths[0]): \(error.description)")
    }
  }
}
