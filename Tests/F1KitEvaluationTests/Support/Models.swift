import Foundation

@testable import F1KitEvaluation

/// A real, deterministic scorer: the Jaccard overlap of the two sentences'
/// lower-cased words.
struct WordOverlapModel: CrossEncoder {
  var outputCount: Int { 1 }

  func scores(for pairs: ArraySlice<SentencePair>) -> [[Double]] {
    pairs.map { [Self.overlap($0)] }
  }

  static func words(_ text: String) -> Set<Substring> {
    Set(text.lowercased().split { !$0.isLetter && !$0.isNumber })
  }

  static func overlap(_ pair: SentencePair) -> Double {
    let (first, second) = (words(pair.first), words(pair.second))
    let union = first.union(second).count
    return union == 0 ? 0 : Double(first.intersection(second).count) / Double(union)
  }
}

/// The word-overlap scorer as a two-output model: [1 - overlap, overlap]
/// shifted so that argmax predicts 1 when the overlap exceeds `cut`.
struct TwoOutputOverlapModel: CrossEncoder {
  var cut = 0.5
  var outputCount: Int { 2 }

  func scores(for pairs: ArraySlice<SentencePair>) -> [[Double]] {
    pairs.map { pair in
      let overlap = WordOverlapModel.overlap(pair)
      return [cut, overlap]
    }
  }
}

/// The word-overlap scorer as a three-class model: each class scores the
/// closeness of the overlap to a prototype overlap.
struct BandedOverlapModel: CrossEncoder {
  let prototypes = [0.15, 0.4, 0.65]
  var outputCount: Int { prototypes.count }

  func scores(for pairs: ArraySlice<SentencePair>) -> [[Double]] {
    pairs.map { pair in
      let overlap = WordOverlapModel.overlap(pair)
      return prototypes.map { -abs(overlap - $0) }
    }
  }
}

/// A stub for the evaluator's own bookkeeping: returns fixed score rows by
/// pair position and records the batch sizes it was asked for.
final class ScriptedModel: CrossEncoder, @unchecked Sendable {
  let outputCount: Int
  let rows: [String: [Double]]
  var failure: (any Error)?
  var dropsLastRow = false
  private(set) var batchSizes: [Int] = []

  /// - Parameter rows: Score rows for pairs whose first text is the key.
  init(outputCount: Int, rows: [String: [Double]]) {
    self.outputCount = outputCount
    self.rows = rows
  }

  func scores(for pairs: ArraySlice<SentencePair>) throws -> [[Double]] {
    batchSizes.append(pairs.count)
    if let failure { throw failure }
    let result = pairs.map { rows[$0.first]! }
    return dropsLastRow ? Array(result.dropLast()) : result
  }

  /// Pairs named "0", "1", … and rows for them.
  static func numbered(_ rows: [[Double]]) -> ([SentencePair], ScriptedModel) {
    let pairs = rows.indices.map { SentencePair(String($0), "") }
    let table = Dictionary(uniqueKeysWithValues: rows.indices.map { (String($0), rows[$0]) })
    return (pairs, ScriptedModel(outputCount: rows.first?.count ?? 1, rows: table))
  }
}

/// Collects what an evaluator writes to standard error.
final class OutputRecorder: @unchecked Sendable {
  private let lock = NSLock()
  private var chunks: [String] = []

  var text: String { lock.withLock { chunks.joined() } }

  var sink: @Sendable (String) -> Void {
    { chunk in self.lock.withLock { self.chunks.append(chunk) } }
  }
}
