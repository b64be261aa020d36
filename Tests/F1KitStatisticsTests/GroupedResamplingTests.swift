import F1Kit
import F1KitReading
import Testing

@testable import F1KitStatistics

/// The grouped bootstrap's draws and the group permutation test, against
/// plain reference implementations that draw the same random numbers.
@Suite("Grouped resampling equals its reference draws")
struct GroupedResamplingTests {
  /// Random grouped counts: `items` items in `groups` groups, `classCount`
  /// classes and `runs` runs of one model each.
  static func groupedCounts(
    items: Int, groups: Int, classCount: Int, runs: Int, seed: UInt64
  ) throws -> ExperimentCounts {
    var generator = Xoshiro256StarStar(seed: seed)
    let bound = UInt64(classCount)
    let gold = (0..<items).map { _ in Int32(generator.next(upperBound: bound)) }
    let predictions = (0..<runs).map { _ in
      gold.map { label in
        generator.next(upperBound: 3 as UInt64) == 0
          ? Int32(generator.next(upperBound: bound)) : label
      }
    }
    let itemGroups = (0..<items).map { _ in Int(generator.next(upperBound: UInt64(groups))) }
    return try ExperimentCounts(
      gold: gold, runs: predictions.map { [$0] }, groups: itemGroups, classCount: classCount)
  }

  /// One grouped resample drawn the plain way: a uniform draw of a group
  /// per group (``UniformIndicesTests/referenceIndices(_:below:using:)``),
  /// each adding every entry of the drawn group.
  static func referenceWeights(
    _ counts: ExperimentCounts, using generator: inout Xoshiro256StarStar
  ) -> [Double] {
    var weights = [Double](repeating: 0, count: counts.patternCount)
    for group in UniformIndicesTests.referenceIndices(
      counts.groupCount, below: counts.groupCount, using: &generator)
    {
      for entry in counts.groupOffsets[group]..<counts.groupOffsets[group + 1] {
        weights[Int(counts.groupPatterns[entry])] += Double(counts.groupPatternCounts[entry])
      }
    }
    return weights
  }

  /// (classes, runs) giving distinct-row counts for every width of dense
  /// row (4, 8, 16 and 32 numbers) and, with more than 32 distinct rows,
  /// the sparse path.
  static let shapes: [(classCount: Int, runs: Int)] = [(2, 1), (2, 2), (2, 3), (3, 2), (4, 3)]

  @Test("grouped draws equal uniform group draws summed entry by entry", arguments: shapes)
  func groupDrawsEqualReference(shape: (classCount: Int, runs: Int)) throws {
    let counts = try Self.groupedCounts(
      items: 900, groups: 37, classCount: shape.classCount, runs: shape.runs, seed: 3)
    let sampling = ExperimentResampling(counts: counts, design: .groups)
    let lanes = ExperimentResampling.denseGroupRows(of: counts).lanes
    if counts.patternCount <= ExperimentResampling.denseRowLimit {
      #expect(lanes >= counts.patternCount && lanes <= 2 * max(4, counts.patternCount))
    } else {
      #expect(lanes == 0)
    }
    var generator = Xoshiro256StarStar(seed: 19)
    var reference = generator
    var weights = [Double](repeating: 0, count: counts.patternCount)
    var scratch: [Int] = []
    for _ in 0..<20 {
      sampling.draw(into: &weights, scratch: &scratch, using: &generator)
      #expect(weights == Self.referenceWeights(counts, using: &reference))
      #expect(generator == reference)
    }
  }

  /// Two binary models' counts in four groups, the first group holding
  /// `largeCount` items of one distinct row.
  static func fourGroups(largeCount: Int) throws -> ExperimentCounts {
    let joint = try JointCounts(
      labels: ["0", "1"], models: ["a", "b"], goldColumn: "label",
      cells: [
        JointCounts.Cell(gold: 0, predictions: [0, 1], count: largeCount, group: 0),
        JointCounts.Cell(gold: 1, predictions: [1, 1], count: 5, group: 1),
        JointCounts.Cell(gold: 1, predictions: [0, 1], count: 3, group: 2),
        JointCounts.Cell(gold: 0, predictions: [0, 0], count: 7, group: 2),
        JointCounts.Cell(gold: 1, predictions: [1, 0], count: 2, group: 3),
      ], rowCount: 5, groups: ["w", "x", "y", "z"], groupColumn: "group")
    return try ExperimentCounts(joint, labelOrder: ["0", "1"])
  }

  @Test(
    "rows with counts past 2¹⁵ − 1 are kept as 32-bit numbers, with the same draws",
    arguments: [Int(Int16.max), Int(Int16.max) + 1, 100_000])
  func wideGroupCounts(largeCount: Int) throws {
    let counts = try Self.fourGroups(largeCount: largeCount)
    #expect(ExperimentResampling.denseGroupRows(of: counts).lanes == 8)
    let largest = Self.expectDrawsEqualReference(counts, seed: 6)
    #expect(largest >= Double(2 * largeCount))
  }

  @Test(
    "rows are kept in the narrowest numbers their counts fit (bytes to 255, 16 bits to 2¹⁵ − 1, else 32), with the same draws",
    arguments: [(1, 1), (255, 1), (256, 2), (Int(Int16.max), 2), (Int(Int16.max) + 1, 4)])
  func groupRowNumberSize(largeCount: Int, size: Int) throws {
    let counts = try Self.fourGroups(largeCount: largeCount)
    #expect(ExperimentResampling(counts: counts, design: .groups).groupRowNumberSize == size)
    _ = Self.expectDrawsEqualReference(counts, seed: 8)
  }

  @Test("byte rows summed in 16-bit batches of 256 draws: 1,000 groups of 255 in one cell")
  func byteRowsInBatches() throws {
    let groupCount = 1_000
    let cells = (0..<groupCount).flatMap { group in
      [
        JointCounts.Cell(gold: 0, predictions: [0, 1], count: 255, group: group),
        JointCounts.Cell(gold: 1, predictions: [1, 1], count: 1 + group % 7, group: group),
      ]
    }
    let joint = try JointCounts(
      labels: ["0", "1"], models: ["a", "b"], goldColumn: "label", cells: cells,
      rowCount: cells.count, groups: (0..<groupCount).map { "g\($0)" }, groupColumn: "group")
    let counts = try ExperimentCounts(joint, labelOrder: ["0", "1"])
    #expect(ExperimentResampling(counts: counts, design: .groups).groupRowNumberSize == 1)
    let largest = Self.expectDrawsEqualReference(counts, seed: 11)
    // Every draw adds 255 to that cell: 1,000 draws, past any 16-bit sum.
    #expect(largest == Double(255 * groupCount))
  }

  @Test("sums that could pass 2³¹ are drawn without dense rows, with the same draws")
  func largeGroupCountsUseTheSparsePath() throws {
    // Four groups of about 2³⁰ items: four draws of one could reach 2³².
    let big = 1 << 30
    let joint = try JointCounts(
      labels: ["0", "1"], models: ["a", "b"], goldColumn: "label",
      cells: [
        JointCounts.Cell(gold: 0, predictions: [0, 1], count: big, group: 0),
        JointCounts.Cell(gold: 1, predictions: [1, 1], count: 5, group: 1),
        JointCounts.Cell(gold: 1, predictions: [0, 1], count: big - 1, group: 2),
        JointCounts.Cell(gold: 0, predictions: [0, 0], count: 7, group: 3),
      ], rowCount: 4, groups: ["w", "x", "y", "z"], groupColumn: "group")
    let counts = try ExperimentCounts(joint, labelOrder: ["0", "1"])
    #expect(ExperimentResampling.denseGroupRows(of: counts).lanes == 0)
    let largest = Self.expectDrawsEqualReference(counts, seed: 5)
    #expect(largest > Double(Int32.max))
  }

  /// Draws 40 grouped test sets and expects each to equal the reference
  /// draw from the same generator.
  ///
  /// - Returns: The largest weight drawn, to show the sums reached the
  ///   range under test.
  static func expectDrawsEqualReference(_ counts: ExperimentCounts, seed: UInt64) -> Double {
    let sampling = ExperimentResampling(counts: counts, design: .groups)
    var generator = Xoshiro256StarStar(seed: seed)
    var reference = generator
    var weights = [Double](repeating: 0, count: counts.patternCount)
    var scratch: [Int] = []
    var largest = 0.0
    for _ in 0..<40 {
      sampling.draw(into: &weights, scratch: &scratch, using: &generator)
      #expect(weights == Self.referenceWeights(counts, using: &reference))
      largest = max(largest, weights.max() ?? 0)
    }
    return largest
  }

  /// The group permutation test's differences the plain way: each group
  /// whose swap would change the tables flips the next bit of a 64-bit
  /// word (a fresh word per resample), and a swapped group's items really
  /// trade predictions.
  static func referenceDifferences(
    _ counts: ExperimentCounts, scope: MetricScope, metric: Metric, resamples: Int,
    seed: UInt64, stream: UInt64
  ) -> [Double] {
    let k = counts.classCount
    let blocks = ResampleBlocks(seed: seed, stream: stream, resamples: resamples)
    var differences: [Double] = []
    for block in 0..<((resamples + ResampleBlocks.size - 1) / ResampleBlocks.size) {
      var generator = blocks.generator(forBlock: block)
      let first = block * ResampleBlocks.size
      for _ in first..<min(resamples, first + ResampleBlocks.size) {
        var firstTable = [Double](repeating: 0, count: k * k)
        var secondTable = firstTable
        var word: UInt64 = 0
        var usedBits = 64
        for group in 0..<counts.groupCount {
          let entries = counts.groupOffsets[group]..<counts.groupOffsets[group + 1]
          func cells(_ entry: Int) -> (a: Int, b: Int, count: Int) {
            let pattern = Int(counts.groupPatterns[entry])
            let gold = counts.gold(ofPattern: pattern) * k
            return (
              gold + counts.prediction(ofPattern: pattern, run: 0),
              gold + counts.prediction(ofPattern: pattern, run: 1),
              counts.groupPatternCounts[entry]
            )
          }
          var net = [Int](repeating: 0, count: k * k)
          for entry in entries {
            let (a, b, count) = cells(entry)
            net[a] -= count
            net[b] += count
          }
          var isSwapped = false
          if net.contains(where: { $0 != 0 }) {
            if usedBits == 64 {
              word = generator.next()
              usedBits = 0
            }
            isSwapped = (word >> UInt64(usedBits)) & 1 == 1
            usedBits += 1
          }
          for entry in entries {
            let (a, b, count) = cells(entry)
            firstTable[isSwapped ? b : a] += Double(count)
            secondTable[isSwapped ? a : b] += Double(count)
          }
        }
        let second = secondTable.withUnsafeBufferPointer { scope.value(of: metric, counts: $0) }
        let first = firstTable.withUnsafeBufferPointer { scope.value(of: metric, counts: $0) }
        differences.append(second - first)
      }
    }
    return differences
  }

  /// Class counts giving every width of dense change (4, 8 (unused by
  /// square tables but 9 cells need 16), 16 and 32 numbers) and, past 32
  /// cells, the sparse path.
  @Test(
    "the group permutation test's differences equal swapping the groups' items",
    arguments: [2, 3, 4, 5, 6])
  func permutationEqualsReference(classCount: Int) throws {
    let counts = try Self.groupedCounts(
      items: 1_500, groups: 150, classCount: classCount, runs: 2, seed: UInt64(classCount))
    let metric: Metric = classCount == 2 ? .binaryF1 : .macroF1
    let scope = MetricScope(classCount: classCount, positiveClass: classCount == 2 ? 1 : nil)
    let scorer = RunScorer(counts: counts, scope: scope, metric: metric)
    let differences = scorer.groupPermutationDifferences(
      first: 0, second: 1, resamples: 150, seed: 77, stream: 3)
    let reference = Self.referenceDifferences(
      counts, scope: scope, metric: metric, resamples: 150, seed: 77, stream: 3)
    #expect(differences.count == 150)
    #expect(differences.elementsEqual(reference) { $0 == $1 || ($0.isNaN && $1.isNaN) })
    // The swaps must vary: a test whose every permutation ties would pass
    // with any coins.
    #expect(Set(differences).count > 20)
  }

  @Test(
    "binary permutations add coin pairs from a table, with the same differences",
    arguments: [1, 3, 64, 65, 131])
  func pairTableEqualsReference(groups: Int) throws {
    let counts = try Self.groupedCounts(
      items: groups * 12, groups: groups, classCount: 2, runs: 2, seed: UInt64(groups))
    let scope = MetricScope(classCount: 2, positiveClass: 1)
    let scorer = RunScorer(counts: counts, scope: scope, metric: .binaryF1)
    let differences = scorer.groupPermutationDifferences(
      first: 0, second: 1, resamples: 200, seed: 78, stream: 2)
    let reference = Self.referenceDifferences(
      counts, scope: scope, metric: .binaryF1, resamples: 200, seed: 78, stream: 2)
    #expect(differences.elementsEqual(reference) { $0 == $1 || ($0.isNaN && $1.isNaN) })
    if groups > 3 { #expect(Set(differences).count > 10) }
  }

  @Test("a pair table holds the four sums of each two groups, and only while it is small")
  func pairTable() {
    let rows: [Int32] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
    #expect(
      RunScorer.pairSums(of: rows, lanes: 4) == [
        0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 6, 8, 10, 12,
        0, 0, 0, 0, 9, 10, 11, 12, 0, 0, 0, 0, 9, 10, 11, 12,
      ])
    let largest = RunScorer.pairTableLimit / 64 * 2
    #expect(!RunScorer.pairSums(of: [Int32](repeating: 1, count: largest * 4), lanes: 4).isEmpty)
    #expect(
      RunScorer.pairSums(of: [Int32](repeating: 1, count: (largest + 1) * 4), lanes: 4).isEmpty)
    #expect(RunScorer.pairSums(of: [Int32](repeating: 1, count: 16 * 8), lanes: 16).isEmpty)
  }

  @Test("more than 2³¹ items permute without dense changes, with the same differences")
  func largeTablesUseTheSparsePermutation() throws {
    let big = 1 << 31
    let joint = try JointCounts(
      labels: ["0", "1"], models: ["a", "b"], goldColumn: "label",
      cells: [
        JointCounts.Cell(gold: 0, predictions: [0, 1], count: big, group: 0),
        JointCounts.Cell(gold: 1, predictions: [1, 0], count: 5, group: 1),
        JointCounts.Cell(gold: 1, predictions: [1, 1], count: 9, group: 1),
        JointCounts.Cell(gold: 1, predictions: [0, 1], count: 3, group: 2),
        JointCounts.Cell(gold: 0, predictions: [0, 0], count: 7, group: 3),
      ], rowCount: 5, groups: ["w", "x", "y", "z"], groupColumn: "group")
    let counts = try ExperimentCounts(joint, labelOrder: ["0", "1"])
    let scope = MetricScope(classCount: 2, positiveClass: 1)
    let scorer = RunScorer(counts: counts, scope: scope, metric: .accuracy)
    let differences = scorer.groupPermutationDifferences(
      first: 0, second: 1, resamples: 100, seed: 4, stream: 1)
    let reference = Self.referenceDifferences(
      counts, scope: scope, metric: .accuracy, resamples: 100, seed: 4, stream: 1)
    #expect(differences.elementsEqual(reference) { $0 == $1 || ($0.isNaN && $1.isNaN) })
    #expect(Set(differences).count > 2)
  }

  /// Group entries the plain way: each group's rows collected in
  /// first-seen order of the groups, then sorted and counted.
  static func referenceEntries(groups: [Int], itemPattern: [Int32]) -> (
    offsets: [Int], patterns: [Int32], counts: [Int]
  ) {
    var order: [Int] = []
    var members: [Int: [Int32]] = [:]
    for (item, group) in groups.enumerated() {
      if members[group] == nil { order.append(group) }
      members[group, default: []].append(itemPattern[item])
    }
    var offsets = [0]
    var patterns: [Int32] = []
    var counts: [Int] = []
    for group in order {
      var runs: [Int32: Int] = [:]
      for pattern in members[group]! { runs[pattern, default: 0] += 1 }
      for pattern in runs.keys.sorted() {
        patterns.append(pattern)
        counts.append(runs[pattern]!)
      }
      offsets.append(counts.count)
    }
    return (offsets, patterns, counts)
  }

  @Test(
    "group entries equal each group's rows sorted and counted, by dense table or by sorting",
    arguments: [(40, 8, true), (40, 8, false), (900, 300, true), (900, 300, false)])
  func groupEntriesEqualReference(groupCount: Int, patternCount: Int, isCompact: Bool) {
    // 900 groups of 300 rows over 1,000 items need the sorting path (the
    // dense table would be 270,000 cells); 40 groups of 8 rows the table.
    var generator = Xoshiro256StarStar(seed: UInt64(groupCount + patternCount))
    let itemCount = 1_000
    let groups = (0..<itemCount).map { _ in
      let code = Int(generator.next(upperBound: UInt64(groupCount)))
      return isCompact ? code : code * 7_919 - 100_000
    }
    let itemPattern = (0..<itemCount).map { _ in
      Int32(generator.next(upperBound: UInt64(patternCount)))
    }
    let entries = ExperimentCounts.groupEntries(
      groups: groups, itemPattern: itemPattern, patternCount: patternCount)
    let reference = Self.referenceEntries(groups: groups, itemPattern: itemPattern)
    #expect(entries.offsets == reference.offsets)
    #expect(entries.patterns == reference.patterns)
    #expect(entries.counts == reference.counts)
    #expect(entries.counts.reduce(0, +) == itemCount)
  }
}
