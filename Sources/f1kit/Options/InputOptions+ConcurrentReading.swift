import CommandLineSupport
import Dispatch
import F1KitReading
import Foundation

extension InputOptions {
  /// Reads several prediction files with items, on every core at once.
  ///
  /// The result, the warnings and the failure are those of reading the
  /// files one after another with ``readItems(_:)``: warnings are printed
  /// file by file in the given order, and the first file (in that order)
  /// that cannot be read or whose options cannot be worked out gives the
  /// failure. Standard input (`-`) is read on its own, in order, as before.
  ///
  /// - Parameter paths: The files, in order.
  /// - Returns: Each file's items, in the order of `paths`.
  /// - Throws: The first file's failure, as ``readItems(_:)`` throws it.
  /// - Complexity: The files' reading divided among the cores; memory for
  ///   every file's items at once, as reading them in turn needs.
  func readItems(_ paths: [String]) throws(CommandFailure) -> [ItemPredictions] {
    guard paths.count > 1, !paths.contains("-") else {
      var items: [ItemPredictions] = []
      for path in paths { items.append(try readItems(path)) }
      return items
    }
    var options: [Result<PredictionFileOptions, CommandFailure>] = []
    for path in paths {
      do {
        options.append(.success(try readerOptions(for: path)))
      } catch {
        options.append(.failure(error))
      }
    }
    let results = ReadResults(count: paths.count)
    let readable = options
    DispatchQueue.concurrentPerform(iterations: paths.count) { index in
      guard case .success(let fileOptions) = readable[index] else { return }
      results.store(
        Result { () throws(PredictionFileError) -> ItemPredictions in
          try PredictionReader(path: paths[index], options: fileOptions).readItems()
        }, at: index)
    }
    var items: [ItemPredictions] = []
    for index in paths.indices {
      if case .failure(let failure) = options[index] { throw failure }
      switch results.result(at: index) {
      case .success(let read):
        for warning in read.warnings { Console.writeError("warning: \(warning)\n") }
        items.append(read)
      case .failure(let error):
        throw Self.failure(error)
      case nil:
        throw .ioError("\(paths[index]): the file was not read")
      }
    }
    return items
  }
}

/// The results of reading files concurrently: each slot is written by the
/// one task that reads its file, and read only after every task is done.
private final class ReadResults: @unchecked Sendable {
  private var results: [Result<ItemPredictions, PredictionFileError>?]
  private let lock = NSLock()

  init(count: Int) {
    results = Array(repeating: nil, count: count)
  }

  func store(_ result: Result<ItemPredictions, PredictionFileError>, at index: Int) {
    lock.lock()
    results[index] = result
    lock.unlock()
  }

  func result(at index: Int) -> Result<ItemPredictions, PredictionFileError>? {
    lock.lock()
    defer { lock.unlock() }
    return results[index]
  }
}
