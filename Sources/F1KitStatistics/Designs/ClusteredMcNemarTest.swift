import Foundation

/// McNemar's test for items that come in groups: the clustered test of
/// Durkalski, Palesch, Lipsitz and Rust (2003).
///
/// McNemar's test counts the items exactly one model gets right, *b* only
/// by the first model and *c* only by the second, and assumes the items
/// are independent. When pairs share a query or a premise, the discordant
/// items of a group lean the same way, (*b* − *c*)'s variance is larger
/// than *b* + *c*, and the plain test rejects too often. Durkalski et al.
/// estimate that variance from the groups themselves:
///
///   X² = (*b* − *c*)² / Σₖ (*b*ₖ − *c*ₖ)²
///
/// where *b*ₖ and *c*ₖ are group *k*'s discordant counts, referred to
/// chi-square with one degree of freedom. With one item per group the
/// denominator is *b* + *c* and the test is McNemar's uncorrected
/// chi-square test. It needs enough groups for the variance estimate to
/// settle: with fewer than about 30 groups its size drifts (see
/// docs/statistics.md).
///
/// ```swift
/// let test = ClusteredMcNemarTest(groupDiscordance: [(3, 0), (0, 1), (2, 0)])
/// test.statistic   // (5 − 1)² / (9 + 1 + 4) ≈ 1.143
/// ```
public struct ClusteredMcNemarTest: Hashable, Sendable {
  /// The number of items only the first model gets right (*b*).
  public var firstOnlyCorrect: Int
  /// The number of items only the second model gets right (*c*).
  public var secondOnlyCorrect: Int
  /// The number of groups.
  public var groupCount: Int
  /// The chi-square statistic, (*b* − *c*)² / Σₖ (*b*ₖ − *c*ₖ)²; 0 when
  /// no group has more discordant items of one kind than of the other.
  public var statistic: Double
  /// The two-sided p-value, from chi-square with one degree of freedom.
  public var pValue: Double

  /// Runs the test on each group's discordant counts.
  ///
  /// - Parameter groupDiscordance: For each group, the items only the
  ///   first model gets right and those only the second gets right; zero
  ///   or more each.
  /// - Complexity: O(*g*) for *g* groups.
  public init(groupDiscordance: [(firstOnly: Int, secondOnly: Int)]) {
    var first = 0
    var second = 0
    var squares = 0.0
    for (firstOnly, secondOnly) in groupDiscordance {
      precondition(firstOnly >= 0 && secondOnly >= 0, "counts must not be negative")
      first += firstOnly
      second += secondOnly
      let gap = Double(firstOnly - secondOnly)
      squares += gap * gap
    }
    firstOnlyCorrect = first
    secondOnlyCorrect = second
    groupCount = groupDiscordance.count
    // Every group balanced means b = c: no evidence either way.
    guard squares > 0 else {
      statistic = 0
      pValue = 1
      return
    }
    let gap = Double(first - second)
    statistic = gap * gap / squares
    // The survival function of chi-square with one degree of freedom.
    pValue = erfc((statistic / 2).squareRoot())
  }
}

extension ClusteredMcNemarTest {
  /// Runs the test on two runs of an experiment with grouped items.
  ///
  /// - Parameters:
  ///   - counts: The experiment's counts; its items must be grouped.
  ///   - firstRun: The index of the first model's run, counting runs of
  ///     every model in order.
  ///   - secondRun: The index of the second model's run.
  /// - Complexity: O(*e*) for *e* group entries (distinct rows per group).
  init(counts: ExperimentCounts, firstRun: Int, secondRun: Int) {
    precondition(counts.isGrouped, "the clustered test needs grouped items")
    let width = counts.rowWidth
    var discordance: [(firstOnly: Int, secondOnly: Int)] = []
    discordance.reserveCapacity(counts.groupCount)
    for group in 0..<counts.groupCount {
      var firstOnly = 0
      var secondOnly = 0
      for entry in counts.groupOffsets[group]..<counts.groupOffsets[group + 1] {
        let row = Int(counts.groupPatterns[entry]) * width
        let gold = counts.patterns[row]
        let firstIsCorrect = counts.patterns[row + 1 + firstRun] == gold
        let secondIsCorrect = counts.patterns[row + 1 + secondRun] == gold
        if firstIsCorrect && !secondIsCorrect {
          firstOnly += counts.groupPatternCounts[entry]
        } else if secondIsCorrect && !firstIsCorrect {
          secondOnly += counts.groupPatternCounts[entry]
        }
      }
      discordance.append((firstOnly, secondOnly))
    }
    self.init(groupDiscordance: discordance)
  }
}
