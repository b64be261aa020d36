extension ResamplingShortfall {
  /// The groups of a grouped comparison in which two models label some
  /// item differently, and the size of every group: what a release gate
  /// counts when whole groups were resampled.
  ///
  /// A grouped bootstrap draws groups, not items, so 40 differing items
  /// that fall in 3 groups give its difference as few distinct values as
  /// 3 differing items would, and 8 differing items in one group are one
  /// draw, not 8. The gate's floor and exact bound then count groups
  /// (``ResamplingShortfall``).
  public struct DifferingGroups: Hashable, Sendable {
    /// The groups that hold at least one item the models label
    /// differently: *d*.
    public let differingGroupCount: Int
    /// The number of items in each group, largest first.
    public let groupSizes: [Int]

    /// Describes the differing groups of a comparison.
    ///
    /// - Parameters:
    ///   - differingGroupCount: The groups with at least one item the
    ///     models label differently.
    ///   - groupSizes: The number of items in each group, in any order.
    public init(differingGroupCount: Int, groupSizes: [Int]) {
      self.differingGroupCount = differingGroupCount
      self.groupSizes = groupSizes.sorted(by: >)
    }

    /// The number of groups: *G*.
    public var groupCount: Int { groupSizes.count }

    /// The items the largest groups hold together: the most items that
    /// changing whole groups can change.
    ///
    /// - Parameter count: How many of the largest groups to take.
    /// - Returns: The sum of their sizes.
    public func itemCount(inLargest count: Int) -> Int {
      groupSizes.prefix(max(0, count)).reduce(0, +)
    }
  }
}
