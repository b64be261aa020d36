extension ExperimentCounts {
  /// The groups in which two models of one run each label some item
  /// differently, and every group's size: what a release gate counts when
  /// whole groups are resampled. `nil` when items are not grouped or
  /// either model has several runs.
  ///
  /// - Parameters:
  ///   - first: One model's index.
  ///   - second: The other model's index.
  /// - Returns: The differing groups, or `nil`.
  /// - Complexity: O(*e*) for *e* (group, distinct row) entries.
  public func differingGroups(_ first: Int, _ second: Int) -> ResamplingShortfall.DifferingGroups? {
    guard isGrouped, runCounts[first] == 1, runCounts[second] == 1 else { return nil }
    let (a, b) = (firstRun(ofModel: first), firstRun(ofModel: second))
    var differing = 0
    var sizes: [Int] = []
    sizes.reserveCapacity(groupCount)
    for group in 0..<groupCount {
      let entries = groupOffsets[group]..<groupOffsets[group + 1]
      sizes.append(entries.reduce(0) { $0 + groupPatternCounts[$1] })
      let differs = entries.contains { entry in
        let pattern = Int(groupPatterns[entry])
        return prediction(ofPattern: pattern, run: a) != prediction(ofPattern: pattern, run: b)
      }
      if differs { differing += 1 }
    }
    return ResamplingShortfall.DifferingGroups(differingGroupCount: differing, groupSizes: sizes)
  }
}
