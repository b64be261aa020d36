import CommandLineSupport
import Dispatch
import F1KitReading
import Foundation

extension CompareCommand {
  /// Reads each file's items for alignment, as `compare` and `gate` do.
  ///
  /// The first file is read first. When it has ids, each other file is
  /// read in its order, keeping no ids or gold labels of its own, unless
  /// its ids or gold labels do not match (then its full read, and the
  /// alignment, report why).
  ///
  /// The other files are read several at once, one per processor and each
  /// in one pass, when there are at least two of them, none is standard
  /// input and no `--threshold-from` gives cut-offs in reading order; when
  /// the processors do not divide them evenly, the files left over are
  /// read last, one at a time (in two halves at once). What is printed and
  /// thrown is what reading the files one after another gives: warnings in
  /// file order, then the failure of the first file in order that fails.
  ///
  /// - Parameters:
  ///   - paths: The files, in order.
  ///   - inputs: How each file is read.
  /// - Returns: Each file's items.
  /// - Throws: The first failing file's one-line failure.
  static func readItems(_ paths: [String], inputs: [InputOptions])
    throws(CommandFailure) -> [ItemPredictions]
  {
    try readItems(paths, inputs: inputs, first: try inputs[0].readItems(paths[0]))
  }

  /// Reads the items of each file after the first, as
  /// ``readItems(_:inputs:)`` does, once the first file's are read (as
  /// when its groups are read in the same pass).
  ///
  /// - Parameters:
  ///   - paths: The files, in order, the first among them.
  ///   - inputs: How each file is read.
  ///   - first: The first file's items.
  /// - Returns: Each file's items, `first` first.
  /// - Throws: The first failing file's one-line failure.
  static func readItems(_ paths: [String], inputs: [InputOptions], first: ItemPredictions)
    throws(CommandFailure) -> [ItemPredictions]
  {
    var reads = try readFiles(
      paths, inputs: inputs, first: FileRead(items: first, groups: nil, isInFirstOrder: true),
      groupColumn: nil)
    // The reads are let go, so that each file's items are held once.
    defer { reads = [] }
    return reads.map(\.items)
  }

  /// A file's items and, when a group column is read, its groups.
  struct FileRead: Sendable {
    var items: ItemPredictions
    /// The groups, or why there are none; `nil` when no group column is
    /// read.
    var groups: Result<ItemGroups, PredictionFileError>?
    /// Whether the items and groups are in the first file's order (the
    /// first file's, or read by its ids).
    var isInFirstOrder: Bool
    /// The groups compared with the first file's as soon as they were read,
    /// when the items' order was known then; `groups` is then `nil`.
    var check: GroupCheck?

    /// What a file's groups came to beside the first file's.
    enum GroupCheck: Sendable {
      /// Every item has the first file's group.
      case agreed
      /// The first item, in the first file's order, with another group.
      case differs(item: Int, found: String)
    }

    /// Compares the groups with `first`'s when both cover the same items
    /// in the same order, and lets them go: each file's group codes are
    /// held no longer than its read.
    mutating func checkGroups(against first: ItemGroups?, referenceHasIDs: Bool) {
      guard let first, case .success(let groups) = self.groups,
        groups.codes.count == first.codes.count,
        isInFirstOrder || !referenceHasIDs || items.identifiers == nil
      else { return }
      if let item = first.firstDisagreement(with: groups) {
        check = .differs(item: item, found: groups.values[groups.codes[item]])
      } else {
        check = .agreed
      }
      self.groups = nil
    }
  }

  /// Reads each file after the first, as ``readItems(_:inputs:first:)``
  /// does, with each one's groups in the same pass when `groupColumn` is
  /// given.
  ///
  /// - Parameters:
  ///   - paths: The files, in order, the first among them.
  ///   - inputs: How each file is read.
  ///   - first: The first file's read.
  ///   - groupColumn: The group column to read beside the items, if any.
  /// - Returns: Each file's read, `first` first.
  /// - Throws: The first failing file's one-line failure for its items; a
  ///   group error is returned as the groups' failure.
  static func readFiles(
    _ paths: [String], inputs: [InputOptions], first: FileRead, groupColumn: String?
  ) throws(CommandFailure) -> [FileRead] {
    let reference = first.items
    // The first file's groups, which each other file's are compared with
    // as soon as it is read, where the items' order is known then: in the
    // first file's order (read by its ids), or aligned row by row.
    let firstGroups = first.groups.flatMap { try? $0.get() }
    let referenceHasIDs = reference.identifiers != nil
    var reads = [first]
    let processorCount = ProcessInfo.processInfo.activeProcessorCount
    let isConcurrent =
      processorCount > 1 && paths.count >= 3 && !paths.contains("-")
      && inputs.allSatisfy { $0.thresholdResolver == nil }
    let others = Array(paths.indices.dropFirst())
    let width = isConcurrent ? min(processorCount, others.count) : 1
    let pooled = isConcurrent ? Array(others.prefix(others.count - others.count % width)) : []
    let outcomes = OrderedReads.map(count: pooled.count, width: width) { offset in
      let index = pooled[offset]
      do throws(CommandFailure) {
        var read = try readFile(
          paths[index], input: inputs[index], reference: reference, groupColumn: groupColumn,
          isOnePass: true)
        read.checkGroups(against: firstGroups, referenceHasIDs: referenceHasIDs)
        return .success(read)
      } catch {
        return .failure(error)
      }
    }
    for outcome in outcomes {
      let read = try outcome.get()
      Console.writeWarnings(read.items.warnings)
      reads.append(read)
    }
    for index in others.dropFirst(pooled.count) {
      var read = try readFile(
        paths[index], input: inputs[index], reference: reference, groupColumn: groupColumn,
        isOnePass: false)
      read.checkGroups(against: firstGroups, referenceHasIDs: referenceHasIDs)
      Console.writeWarnings(read.items.warnings)
      reads.append(read)
    }
    if reference.identifiers == nil {
      try InputOptions.refuseReorderedRows(
        paths, inputs: inputs, items: reads.map(\.items), groupColumn: groupColumn)
    }
    return reads
  }

  /// Reads a file after the first, in the first file's order when it has
  /// ids and this file's ids and gold labels match, keeping its warnings,
  /// and its groups with a group column.
  private static func readFile(
    _ path: String, input: InputOptions, reference: ItemPredictions, groupColumn: String?,
    isOnePass: Bool
  ) throws(CommandFailure) -> FileRead {
    guard let groupColumn else {
      if reference.identifiers != nil,
        let aligned = try input.readItemsKeepingWarnings(path, alignedTo: reference)
      {
        return FileRead(items: aligned, groups: nil, isInFirstOrder: true)
      }
      return FileRead(
        items: try input.readItemsKeepingWarnings(path, isOnePass: isOnePass), groups: nil,
        isInFirstOrder: false)
    }
    if reference.identifiers != nil,
      let aligned = try input.readItemsKeepingWarnings(
        path, alignedTo: reference, groupColumn: groupColumn)
    {
      return FileRead(items: aligned.items, groups: aligned.groups, isInFirstOrder: true)
    }
    let read = try input.readItemsKeepingWarnings(
      path, groupColumn: groupColumn, isOnePass: isOnePass)
    return FileRead(items: read.items, groups: read.groups, isInFirstOrder: false)
  }
}

/// Runs a read for each index on several threads at once, handing out the
/// indices in increasing order and none past the first that fails, so that
/// every read before the first failure in order is done.
final class OrderedReads<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var next = 0
  /// The first index that failed, or `count`.
  private var end: Int
  private var outcomes: [Result<Value, CommandFailure>?]

  private init(count: Int) {
    end = count
    outcomes = Array(repeating: nil, count: count)
  }

  /// The outcome of `read` for each index in `0..<count`, up to and
  /// including the first failure.
  ///
  /// - Parameters:
  ///   - count: The number of reads.
  ///   - width: The number of threads, the caller's among them.
  ///   - read: One read; called from several threads at once.
  /// - Returns: The outcomes in index order, ending at the first failure.
  static func map(
    count: Int, width: Int, _ read: @escaping @Sendable (Int) -> Result<Value, CommandFailure>
  ) -> [Result<Value, CommandFailure>] {
    guard count > 0 else { return [] }
    let work = OrderedReads(count: count)
    DispatchQueue.concurrentPerform(iterations: max(1, min(width, count))) { _ in
      while let index = work.take() {
        work.finish(index, with: read(index))
      }
    }
    return Array(work.outcomes[..<min(work.end + 1, count)].map { $0! })
  }

  /// The next index to read, or `nil` when none is left before a failure.
  private func take() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard next < end else { return nil }
    next += 1
    return next - 1
  }

  private func finish(_ index: Int, with outcome: Result<Value, CommandFailure>) {
    lock.lock()
    defer { lock.unlock() }
    outcomes[index] = outcome
    if case .failure = outcome, index < end { end = index }
  }
}
