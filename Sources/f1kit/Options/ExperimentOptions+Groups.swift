import CommandLineSupport
import F1KitReading
import F1KitStatistics

extension ExperimentOptions {
  /// Reads a file's items and, in the same pass, the group of each from a
  /// column, printing the reader's warnings.
  ///
  /// A group error (no such column, a value that is not UTF-8) is not
  /// thrown but returned, for ``checkedCodes(_:path:itemCount:)`` to report
  /// once the caller has read what it reads before the groups, as when the
  /// groups were read in a second pass; standard input, read once, can be
  /// grouped too.
  ///
  /// - Parameters:
  ///   - path: The file, or `-` for standard input.
  ///   - input: How the file is read.
  ///   - groupColumn: The group column.
  /// - Returns: The items in file order, and their groups or why there are
  ///   none.
  /// - Throws: A one-line failure with the reader's exit status for the
  ///   items.
  /// - Complexity: O(*n*) for a file of *n* bytes.
  static func readItems(_ path: String, input: InputOptions, groupColumn: String)
    throws(CommandFailure) -> (
      items: ItemPredictions, groups: Result<ItemGroups, PredictionFileError>
    )
  {
    let options = try input.readerOptions(for: path)
    let read: (items: ItemPredictions, groups: Result<ItemGroups, PredictionFileError>)
    do {
      read = try PredictionReader(path: path, options: options).readItems(groupColumn: groupColumn)
    } catch {
      throw InputOptions.failure(error)
    }
    Console.writeWarnings(read.items.warnings)
    return read
  }

  /// The codes of groups read from `path`, once they are known to cover
  /// `itemCount` items, printing warnings about groups that are probably
  /// not what `--group-column` was meant to name.
  ///
  /// - Parameters:
  ///   - groups: The groups read, or why they could not be.
  ///   - path: The file they were read from.
  ///   - itemCount: The number of items the groups must cover.
  ///   - groupColumn: The group column.
  /// - Returns: One group code per item, numbered from zero in first-seen
  ///   order.
  /// - Throws: The reader's failure, or a data failure when the counts
  ///   differ.
  static func checkedCodes(
    _ groups: Result<ItemGroups, PredictionFileError>, path: String, itemCount: Int,
    groupColumn: String
  ) throws(CommandFailure) -> [Int] {
    try checkedGroups(groups, path: path, itemCount: itemCount, groupColumn: groupColumn).codes
  }

  /// Groups read from `path`, once they are known to cover `itemCount`
  /// items, printing warnings about groups that are probably not what
  /// `--group-column` was meant to name (`ItemGroups.designWarnings`):
  /// one item in every group, or measured values as groups.
  ///
  /// - Parameters:
  ///   - groups: The groups read, or why they could not be.
  ///   - path: The file they were read from.
  ///   - itemCount: The number of items the groups must cover.
  ///   - groupColumn: The group column.
  /// - Returns: The groups.
  /// - Throws: The reader's failure, or a data failure when the counts
  ///   differ.
  static func checkedGroups(
    _ groups: Result<ItemGroups, PredictionFileError>, path: String, itemCount: Int,
    groupColumn: String
  ) throws(CommandFailure) -> ItemGroups {
    let checked: ItemGroups
    switch groups {
    case .success(let groups): checked = groups
    case .failure(let error): throw InputOptions.failure(error)
    }
    guard checked.codes.count == itemCount else {
      throw .data(
        "\(path): expected a group for each of the \(itemCount) items, found \(checked.codes.count)"
      )
    }
    Console.writeWarnings(
      checked.designWarnings(column: groupColumn, file: InputOptions.displayName(of: path)))
    return checked
  }

  /// A file's groups as ``checkAgreement(of:with:files:inputs:groupColumn:identifiers:)``
  /// takes them.
  struct OtherGroups {
    /// The groups still to compare, or why there are none; `nil` when
    /// none were read or they were compared already.
    var groups: Result<ItemGroups, PredictionFileError>?
    /// The comparison made as the file was read, if any.
    var check: CompareCommand.FileRead.GroupCheck?
    /// The file's ids in its own order, when its groups are in that order.
    var identifiers: ItemIdentifiers?
  }

  /// Checks that every file after the first that has the group column
  /// gives each item the group the first file gives it.
  ///
  /// A file without the column is passed over; one whose group values
  /// cannot be read (empty, not UTF-8) is refused as the first file would
  /// be. The first item that a file puts in another group is reported at
  /// its line in that file, read again for the message.
  ///
  /// - Parameters:
  ///   - first: The first file's groups, in the aligned items' order.
  ///   - reads: Each file's groups, the first file's first: compared
  ///     already as the file was read, or to compare here, with its ids in
  ///     file order when its groups are not in the first file's order.
  ///   - files: The files, in order.
  ///   - inputs: How each file is read.
  ///   - groupColumn: The group column.
  ///   - identifiers: The aligned items' ids, when aligned by id.
  /// - Throws: A data failure naming the file, line and column of the
  ///   first group that differs, or the reader's failure.
  /// - Complexity: O(*n* + *g*) per file for *n* items and *g* groups.
  static func checkAgreement(
    of first: ItemGroups, with reads: [OtherGroups], files: [String], inputs: [InputOptions],
    groupColumn: String, identifiers: ItemIdentifiers?
  ) throws(CommandFailure) {
    for index in files.indices.dropFirst() {
      switch reads[index].check {
      case .agreed: continue
      case .differs(let item, let found):
        throw groupMismatch(
          item: item, expected: first.values[first.codes[item]], found: found,
          file: files[index], input: inputs[index], firstFile: files[0], firstInput: inputs[0],
          groupColumn: groupColumn, identifiers: identifiers)
      case nil: break
      }
      guard let read = reads[index].groups else { continue }
      let groups: ItemGroups
      switch read {
      case .success(let read): groups = read
      case .failure(let error):
        if case .missingColumn(.group, _, _) = error.reason { continue }
        throw InputOptions.failure(error)
      }
      guard groups.codes.count == first.codes.count else {
        throw .data(
          "\(files[index]): expected a group for each of the \(first.codes.count) items, found \(groups.codes.count)"
        )
      }
      // A file read in its own order is put in the first file's by id.
      var positions: [Int]?
      if let identifiers, let own = reads[index].identifiers, own != identifiers {
        positions = identifiers.positions(in: own).map { $0 ?? 0 }
      }
      guard let item = first.firstDisagreement(with: groups, positions: positions) else {
        continue
      }
      let found = groups.values[groups.codes[positions?[item] ?? item]]
      throw groupMismatch(
        item: item, expected: first.values[first.codes[item]], found: found,
        file: files[index], input: inputs[index], firstFile: files[0], firstInput: inputs[0],
        groupColumn: groupColumn, identifiers: identifiers)
    }
  }

  /// The failure for a file that gives an item another group than the
  /// first file does, placed by reading both files again.
  private static func groupMismatch(
    item: Int, expected: String, found: String, file: String, input: InputOptions,
    firstFile: String, firstInput: InputOptions, groupColumn: String,
    identifiers: ItemIdentifiers?
  ) -> CommandFailure {
    func place(_ path: String, _ input: InputOptions, _ record: PredictionReader.RecordKey)
      -> PredictionFileError.Location?
    {
      guard let options = try? input.readerOptions(for: path),
        let reader = try? PredictionReader(path: path, options: options)
      else { return nil }
      return reader.groupPlace(column: groupColumn, of: record)
    }
    let id = identifiers.map { $0[item] }
    let location = place(file, input, id.map { .id($0) } ?? .index(item))
    let firstLine = place(firstFile, firstInput, .index(item))?.line
    let error = PredictionFileError(
      path: InputOptions.displayName(of: file), location: location,
      reason: .groupMismatch(
        column: groupColumn, item: id ?? String(item + 1), isID: id != nil, expected: expected,
        found: found, firstFile: InputOptions.displayName(of: firstFile), firstLine: firstLine))
    return InputOptions.failure(error)
  }
}

extension ExperimentOptions {
  /// The failure (exit 65) for an experiment the engine refused, naming
  /// the file the groups came from and the group column when there were
  /// too few groups.
  ///
  /// - Parameters:
  ///   - error: The engine's error.
  ///   - groupFile: The file whose group column gave the groups.
  ///   - groupColumn: The group column, if any.
  /// - Returns: A one-line data failure.
  static func designFailure(_ error: StatisticsError, groupFile: String?, groupColumn: String?)
    -> CommandFailure
  {
    guard case .tooFewGroups = error, let groupFile, let groupColumn else {
      return .data(error.description)
    }
    return .data(
      "\(InputOptions.displayName(of: groupFile)): group column \"\(groupColumn)\": \(error.description)"
    )
  }
}
