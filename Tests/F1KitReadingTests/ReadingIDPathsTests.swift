import F1Kit
import Testing

@testable import F1KitReading

/// Repeated ids are refused by every read that counts items without keeping
/// them (a binary score column, sample weights, label sets, shards), and
/// ids that do not increase are shown distinct from their hashes.
@Suite("Repeated ids on the paths that keep no ids")
struct ReadingIDPathsTests {
  /// A CSV file of `id,label,prediction,score,weight,other` with these
  /// ids, `other` a second model's prediction.
  static func file(ids: [String]) -> String {
    var text = "id,label,prediction,score,weight,other\n"
    for (index, id) in ids.enumerated() {
      text +=
        "\(id),\(index % 2),\(index % 3 == 0 ? 1 : 0),0.\(index % 10),1.5,\(index % 5 == 0 ? 1 : 0)\n"
    }
    return text
  }

  /// The first repeat of `ids`, found one id at a time: its line, id and
  /// the line of the first.
  static func firstRepeat(_ ids: [String]) -> (line: Int, id: String, first: Int)? {
    var seen: [String: Int] = [:]
    for (position, id) in ids.enumerated() {
      if let first = seen[id] { return (position + 2, id, first + 2) }
      seen[id] = position
    }
    return nil
  }

  /// Past `IDHashes.prefixLimit` increasing ids, the ids stop increasing:
  /// the hashes kept are incomplete, so a second reading hashes them.
  static let lateDisorder = (0..<(IDHashes.prefixLimit + 100)).map(String.init) + ["x", "w"]

  /// Files whose ids are distinct, and files whose ids repeat.
  static let distinct: [[String]] = [
    (0..<500).map { String((37 * $0) % 500) },
    (0..<500).map { "q-\((101 * $0) % 500)" },
    lateDisorder,
    ["a-very-long-id-of-more-than-16-bytes-b", "a-very-long-id-of-more-than-16-bytes-a", "é", "e"],
  ]
  static let repeats: [[String]] = [
    (0..<500).map { String((37 * $0) % 500) } + ["250"],
    (0..<500).map { "q-\((101 * $0) % 500)" } + (0..<500).map { "q-\((101 * $0) % 500)" },
    lateDisorder + ["17"],
    [
      "a-very-long-id-of-more-than-16-bytes-b", "a-very-long-id-of-more-than-16-bytes-a", "é", "e",
      "é",
    ],
  ]

  /// The bits of the ids' hashes compared: all, or none, so that every id
  /// has one hash and only the exact reading that equal hashes lead to
  /// tells ids apart (see `PredictionFileOptions.idHashMask`).
  static let hashMasks: [UInt64] = [.max, 0]

  /// Every reading setting: a byte at a time or in chunks, in one pass or
  /// in two halves.
  static let settings: [PredictionFileOptions] = [4096, 1 << 20].flatMap { chunkSize in
    [0, Int.max].map { minimum in
      var options = PredictionFileOptions(chunkSize: chunkSize)
      options.minimumParallelByteCount = minimum
      return options
    }
  }

  @Test("finds the first repeated hash, as a look one hash at a time does")
  func findsFirstRepeatedHash() {
    var generator = SystemRandomNumberGenerator()
    for count in [0, 1, 2, 5, 4_097, 40_000] {
      var hashes = (0..<count).map { _ in UInt64.random(in: 0...UInt64.max, using: &generator) }
      #expect(IDHashes.firstRepeat(in: hashes) == nil)
      guard count > 2 else { continue }
      for _ in 0..<3 {
        let first = Int.random(in: 0..<(count - 1), using: &generator)
        let position = Int.random(in: (first + 1)..<count, using: &generator)
        hashes[position] = hashes[first]
        var seen: [UInt64: Int] = [:]
        var expected: (Int, Int)?
        for (index, hash) in hashes.enumerated() {
          if let earlier = seen[hash] {
            expected = (index, earlier)
            break
          }
          seen[hash] = index
        }
        let found = IDHashes.firstRepeat(in: hashes)
        #expect(found?.position == expected?.0 && found?.first == expected?.1)
      }
    }
  }

  @Test(
    "counts and reads scores of distinct ids that do not increase, those of one hash too",
    arguments: distinct, hashMasks)
  func readsDistinctIDs(ids: [String], hashMask: UInt64) throws {
    let path = try PredictionFileFixture.write(Self.file(ids: ids))
    for var options in Self.settings {
      options.idHashMask = hashMask
      let counts = try PredictionReader(path: path, options: options).readCounts()
      #expect(counts.cells.map(\.count).reduce(0, +) == ids.count)
      let joint = try PredictionReader(path: path, options: options).readJointCounts(
        predictionColumns: ["prediction", "other"])
      #expect(joint.itemCount == ids.count)
      options.scoreColumn = "score"
      let column = try PredictionReader(path: path, options: options).readBinaryScoreColumn()
      #expect(column.count == ids.count)
    }
    var weights = LabelSetOptions(weightColumn: "weight", isMultilabel: false)
    weights.file.idHashMask = hashMask
    let weighted = try LabelSetReader(path: path, options: weights).readWeighted().matrix
    #expect(weighted.totalWeight == 1.5 * Double(ids.count))
  }

  @Test(
    "refuses the first repeated id on every path, at its line, among ids of one hash too",
    arguments: repeats, hashMasks)
  func refusesRepeatedIDs(ids: [String], hashMask: UInt64) throws {
    let path = try PredictionFileFixture.write(Self.file(ids: ids))
    let repeated = try #require(Self.firstRepeat(ids))
    let message =
      ":\(repeated.line):1: duplicate id \"\(repeated.id)\" in field 1 (\"id\"), first seen on line \(repeated.first)"
    func failure(_ read: () throws -> Void) -> String? {
      do {
        try read()
        return nil
      } catch let error as PredictionFileError {
        return String(error.description.dropFirst(path.count))
      } catch {
        return "\(error)"
      }
    }
    for var options in Self.settings {
      options.idHashMask = hashMask
      #expect(
        failure { _ = try PredictionReader(path: path, options: options).readCounts() } == message)
      #expect(
        failure {
          _ = try PredictionReader(path: path, options: options).readJointCounts(
            predictionColumns: ["prediction", "other"])
        } == message)
      options.scoreColumn = "score"
      #expect(
        failure { _ = try PredictionReader(path: path, options: options).readBinaryScoreColumn() }
          == message)
    }
    var weights = LabelSetOptions(weightColumn: "weight", isMultilabel: false)
    var sets = LabelSetOptions()
    weights.file.idHashMask = hashMask
    sets.file.idHashMask = hashMask
    #expect(
      failure { _ = try LabelSetReader(path: path, options: weights).readWeighted() } == message)
    #expect(
      failure { _ = try LabelSetReader(path: path, options: weights).readWeightedRows() } == message
    )
    #expect(
      failure { _ = try LabelSetReader(path: path, options: sets).readMultilabel() } == message)
    #expect(
      failure {
        _ = try LabelSetReader(path: path, options: sets).readMultilabelTotals(
          evaluation: EvaluationOptions())
      } == message)
    // Without ids, each row is an item.
    var noIDs = PredictionFileOptions(idColumn: "")
    #expect(try PredictionReader(path: path, options: noIDs).readCounts().rowCount == ids.count)
    noIDs.scoreColumn = "score"
    #expect(
      try PredictionReader(path: path, options: noIDs).readBinaryScoreColumn().count == ids.count)
    let rows = try LabelSetReader(
      path: path, options: LabelSetOptions(file: PredictionFileOptions(idColumn: ""))
    ).readMultilabel()
    #expect(rows.itemCount == ids.count)
  }

  @Test(
    "refuses an id of a shard that an earlier shard holds, naming both, among ids of one hash too",
    arguments: hashMasks)
  func refusesIDsAcrossShards(hashMask: UInt64) throws {
    let first = (0..<300).map { "q\((7 * $0) % 300)" }
    let second = (250..<400).map { "q\($0)" }
    let third = (400..<450).reversed().map { "q\($0)" }
    let paths = try [first, second, third].map {
      try PredictionFileFixture.write(Self.file(ids: $0))
    }
    var options = PredictionFileOptions()
    options.idHashMask = hashMask
    // Label counts, and the joint counts of several columns.
    func check(_ shards: [String], joint: Bool) throws(PredictionFileError) {
      var check = ShardIDCheck()
      for path in shards {
        let reader = try PredictionReader(path: path, options: options)
        if joint {
          _ = try check.readJointCounts(reader, predictionColumns: ["prediction", "other"])
        } else {
          _ = try check.readCounts(reader)
        }
      }
      try check.check()
    }
    for joint in [false, true] {
      #expect(throws: Never.self) { try check([paths[0], paths[2]], joint: joint) }
      #expect(throws: Never.self) { try check([paths[1], paths[2]], joint: joint) }
      do {
        try check(paths, joint: joint)
        Issue.record("expected a repeated id")
      } catch {
        let line = 2 + first.firstIndex(of: "q250")!
        #expect(error.path == paths[1])
        #expect(
          error.description
            == "\(paths[1]):2:1: duplicate id \"q250\" in field 1 (\"id\"), first seen on line \(line) of \(paths[0])"
        )
      }
    }
    // Past the hashes kept while ids increase, across shards.
    let late = try [
      Array(Self.lateDisorder.prefix(IDHashes.prefixLimit + 10)),
      ["5"] + (IDHashes.prefixLimit + 10..<IDHashes.prefixLimit + 20).map(String.init),
    ].map { try PredictionFileFixture.write(Self.file(ids: $0)) }
    #expect(throws: PredictionFileError.self) { try check(late, joint: false) }
  }
}
