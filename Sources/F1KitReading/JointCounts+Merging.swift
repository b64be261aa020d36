import F1Kit

extension JointCounts {
  /// Adds the counts of another shard of items, matching labels by name.
  ///
  /// Counting shards separately and merging them gives exactly the counts
  /// of the concatenated items, so tables counted on several machines or by
  /// a database add up to the whole. Labels only `other` has are appended;
  /// the sum is checked against ``LabelCounts/maximumTotalCount``.
  ///
  /// - Parameters:
  ///   - other: The counts of another shard, with the same columns.
  ///   - names: How the two shards are named in an error, such as their
  ///     files.
  /// - Returns: The counts of both shards together.
  /// - Throws: ``JointCountsError/differentColumns(first:firstColumns:other:otherColumns:)``
  ///   when the shards' gold, prediction or group columns differ, and
  ///   ``JointCountsError/countOverflow`` when the sum is too large.
  /// - Complexity: O((*c*₁ + *c*₂) log(*c*₁ + *c*₂)) for the shards' cells.
  public func merging(_ other: JointCounts, names: (first: String, other: String) = ("", ""))
    throws(JointCountsError) -> JointCounts
  {
    let columns = [goldColumn] + models + (groupColumn.map { [$0] } ?? [])
    let otherColumns = [other.goldColumn] + other.models + (other.groupColumn.map { [$0] } ?? [])
    guard columns.count == otherColumns.count,
      zip(columns, otherColumns).allSatisfy({ ExactLabel($0) == ExactLabel($1) })
    else {
      throw .differentColumns(
        first: names.first, firstColumns: columns, other: names.other,
        otherColumns: otherColumns)
    }
    var labels = self.labels
    var position = labels.exactLabelPositions()
    for label in other.labels where position[ExactLabel(label)] == nil {
      position[ExactLabel(label)] = labels.count
      labels.append(label)
    }
    let mapping = other.labels.map { position[ExactLabel($0)]! }
    var groups = self.groups
    var groupPosition = groups.exactLabelPositions()
    for group in other.groups where groupPosition[ExactLabel(group)] == nil {
      groupPosition[ExactLabel(group)] = groups.count
      groups.append(group)
    }
    let groupMapping = other.groups.map { groupPosition[ExactLabel($0)]! }
    let moved = other.cells.map {
      Cell(
        gold: mapping[$0.gold], predictions: $0.predictions.map { mapping[$0] }, count: $0.count,
        group: groupColumn == nil ? 0 : groupMapping[$0.group])
    }
    let (rows, rowOverflow) = rowCount.addingReportingOverflow(other.rowCount)
    var merged = try JointCounts(
      labels: labels, models: models, goldColumn: goldColumn, cells: cells + moved,
      rowCount: rowOverflow ? Int.max : rows,
      hasNumericLabels: hasNumericLabels || other.hasNumericLabels, groups: groups,
      groupColumn: groupColumn)
    merged.warnings = warnings + other.warnings
    return merged
  }
}
