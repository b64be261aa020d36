import F1KitSupport

/// How a grouped test set's items are spread over its groups: how many
/// groups, how large the largest is, and Kish's effective number of
/// groups, (Σ*m*)² / Σ*m*² for groups of *m* items.
///
/// A group bootstrap's intervals rest on how many groups carry the
/// items, not on how many groups there are: 35 groups of which one holds
/// 1,700 of 2,000 items behave like about 1.4 equal groups, and their 95%
/// intervals covered 77.8% (BCa) and 91.5% (percentile) where 35 equal
/// groups covered 94.8% and 94.0% (docs/statistics.md, "Dominant group"). For equal groups the effective number is the
/// number of groups, so a threshold on it keeps its meaning there.
public struct GroupBalance: Hashable, Sendable {
  /// The number of groups.
  public var groupCount: Int
  /// The number of items.
  public var itemCount: Int
  /// The number of items in the largest group.
  public var largestGroup: Int
  /// Kish's effective number of groups, (Σ*m*)² / Σ*m*²: the number of
  /// equal groups with the same spread of weights; equal to
  /// ``groupCount`` when the groups are equal, and near 1 when one group
  /// holds almost every item.
  public var effectiveGroupCount: Double

  /// The balance of groups of the given sizes.
  ///
  /// - Parameter sizes: The number of items in each group; empty groups
  ///   count as groups of no items.
  /// - Complexity: O(*g*) for *g* groups.
  public init(sizes: some Collection<Int>) {
    var items = 0
    var squares = 0.0
    var largest = 0
    for size in sizes {
      items += size
      squares += Double(size) * Double(size)
      largest = max(largest, size)
    }
    groupCount = sizes.count
    itemCount = items
    largestGroup = largest
    // Exact for equal groups: (g·m)² and g·m² are integers below 2^53
    // for any test set that fits in memory, and their quotient is g.
    effectiveGroupCount = squares > 0 ? Double(items) * Double(items) / squares : 0
  }

  /// The largest group's share of the items, from 0 to 1.
  public var largestShare: Double {
    itemCount > 0 ? Double(largestGroup) / Double(itemCount) : 0
  }

  /// Whether the groups are unequal enough for the effective number to
  /// say more than the count: below nine tenths of it.
  public var isUnequal: Bool {
    effectiveGroupCount < 0.9 * Double(groupCount)
  }

  /// Whether the intervals by group can be too narrow: fewer than about
  /// ``ExperimentComparison/fewGroups`` effective groups when the groups
  /// are unequal, or groups when they are about equal (30 groups of 10 and
  /// 11 items weigh as 29.97, which is not few, and the note, which then
  /// names the count, would say "only 30 groups").
  public var isFew: Bool {
    let threshold = Double(ExperimentComparison.fewGroups)
    return isUnequal ? effectiveGroupCount < threshold : Double(groupCount) < threshold
  }

  /// The effective number of groups for people: one decimal, as `1.4`.
  public var effectiveGroupCountText: String {
    NumberText.fixed(effectiveGroupCount, digits: 1)
  }

  /// What the largest group holds, for people: "the largest holds 1,700
  /// of the 2,000 items (85%)".
  public var largestGroupPhrase: String {
    let percent = NumberText.fixed(largestShare * 100, digits: largestShare < 0.1 ? 1 : 0)
    return
      "the largest holds \(NumberText.grouped(largestGroup)) of the \(NumberText.grouped(itemCount)) items (\(percent)%)"
  }

  /// The caution that the intervals by group can be too narrow, when
  /// ``isFew``: "only 20 groups: …" for few groups of about equal size,
  /// and the largest group's share and the effective number of groups
  /// when they are unequal; `nil` otherwise.
  public var fewGroupsNote: String? {
    guard isFew else { return nil }
    let threshold = ExperimentComparison.fewGroups
    guard isUnequal else {
      return
        "only \(groupCount) groups: a bootstrap over fewer than about \(threshold) groups can give intervals that are too narrow."
    }
    let count =
      groupCount < threshold
      ? "only \(groupCount) groups" : "\(NumberText.grouped(groupCount)) groups"
    return
      "\(count), and unequal ones: \(largestGroupPhrase), so they weigh as about \(effectiveGroupCountText) equal groups (Kish's effective number of groups, (Σm)²/Σm²), and a bootstrap over fewer than about \(threshold) effective groups can give intervals that are too narrow."
  }
}

extension ExperimentCounts {
  /// How the items are spread over their groups; `nil` when the items are
  /// not grouped.
  ///
  /// - Complexity: O(*e*) for *e* group entries (distinct rows per group).
  public var groupBalance: GroupBalance? {
    guard isGrouped else { return nil }
    let sizes = (0..<groupCount).map { group in
      groupPatternCounts[groupOffsets[group]..<groupOffsets[group + 1]].reduce(0, +)
    }
    return GroupBalance(sizes: sizes)
  }
}
