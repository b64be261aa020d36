import F1Kit

extension ReleaseDecision {
  /// The decision as F1Kit's stable JSON document:
  /// `{"decision", "mode", "metric", "margin", "difference": {"value",
  /// "low", "high", "confidence", "method"}, "baseline", "candidate", "n",
  /// "design", "sentence", "reachability"}`.
  ///
  /// `difference` has the numbers of the `difference` object of `f1kit
  /// compare --format json` for the same pair. `design` is there only for
  /// an experiment (several runs, groups or strata), as `compare` writes
  /// it: `{"resampling", "runs", "groups"}`. `reachability` counts its
  /// sizes in `unit` (`items` or `groups`); when one test set brackets
  /// the needed size, `required_n_low`, `required_n_high`, `differing`
  /// (the differing items, `null` for groups) and, when the range rests on
  /// them, the squared standard error's degrees of freedom `se_degrees`
  /// follow `required_n` (``MarginReachability/requiredCountRange``), and
  /// `beyond_margin` says whether the whole interval lies beyond the
  /// margin, when `required_n` is `null`
  /// (``MarginReachability/isBeyondMargin``). A
  /// weighted comparison adds
  /// `weighted: true` and `total_weight` after `n`. `shortfall` follows
  /// `reachability` when the resampled interval could not be trusted
  /// (``ResamplingShortfall``): `{"differing_items", "constant_difference",
  /// "confidence", "share_low", "share_high", "changed_items_bound",
  /// "metric_change_bound"}`, each `null` when unknown, with the exact
  /// one-sided bounds on the share of items the models label differently,
  /// the most items that share allows (*k*) and the largest change of the
  /// metric the gate compared with the margin
  /// (``ResamplingShortfall/metricChangeBound(for:on:)``). When whole
  /// groups were resampled, `differing_groups` and `group_count` follow
  /// `differing_items`, the shares are of groups, and
  /// `changed_groups_bound` (*k*_g) precedes `changed_items_bound`, then
  /// the items of the *k*_g largest groups. `cautions`, last, is
  /// there only when ``cautions`` is not empty: an array of sentences, as
  /// in `compare`'s JSON.
  ///
  /// - Returns: The document.
  public func jsonDocument() -> JSONValue {
    var reach = reachability.jsonMembers(hasSeveralRuns: experiment?.hasSeveralRuns == true)
    reach.append(("beyond_margin", .bool(reachability.isBeyondMargin)))
    if let note = reachabilityNote { reach.append(("note", .string(note))) }
    var members: [(key: String, value: JSONValue)] = [
      ("decision", .string(outcome)),
      ("mode", .string(gate.mode.rawValue)),
      ("metric", .string(metric.name)),
    ]
    if let positiveLabel { members.append(("positive_label", .string(positiveLabel))) }
    members += [
      ("margin", .number(gate.margin)),
      (
        "difference",
        .object(
          [
            ("value", .number(difference.estimate)),
            ("low", .number(difference.lower)), ("high", .number(difference.upper)),
            ("confidence", .number(difference.confidence)),
            ("method", .string(difference.method.rawValue)),
          ] + ModelComparison.undefinedMember(difference.undefinedResamples))
      ),
      ("baseline", .string(baseline)),
      ("candidate", .string(candidate)),
      ("n", .integer(itemCount)),
    ]
    if let totalWeight {
      members += [("weighted", .bool(true)), ("total_weight", .number(totalWeight))]
    }
    if let experiment {
      let resampling =
        switch experiment.design {
        case .items: "items"
        case .stratifiedByGold: "stratified_by_gold"
        case .groups: "groups"
        }
      var design: [(key: String, value: JSONValue)] = [
        ("resampling", .string(resampling)),
        ("runs", .array(experiment.runCounts.map(JSONValue.integer))),
      ]
      if let groups = experiment.groupCount { design.append(("groups", .integer(groups))) }
      members.append(("design", .object(design)))
    }
    members.append(("sentence", .string(sentence)))
    members.append(("reachability", .object(reach)))
    if let shortfall { members.append(("shortfall", shortfallDocument(shortfall))) }
    members += JSONValue.cautionsMember(cautions)
    return .object(members)
  }

  /// The `shortfall` object: the item fields, and when whole groups were
  /// resampled the group fields beside them.
  private func shortfallDocument(_ shortfall: ResamplingShortfall) -> JSONValue {
    let groups = shortfall.differingGroups
    var members: [(key: String, value: JSONValue)] = [
      ("differing_items", shortfall.differingItemCount.map(JSONValue.integer) ?? .null)
    ]
    if let groups {
      members += [
        ("differing_groups", .integer(groups.differingGroupCount)),
        ("group_count", .integer(groups.groupCount)),
      ]
    }
    members += [
      ("constant_difference", shortfall.constantDifference.map(JSONValue.number) ?? .null),
      ("confidence", .number(shortfall.confidence)),
      ("share_low", shortfall.lowerShare.map(JSONValue.number) ?? .null),
      ("share_high", shortfall.upperShare.map(JSONValue.number) ?? .null),
    ]
    if groups != nil {
      members.append(
        ("changed_groups_bound", shortfall.changedGroupBound.map(JSONValue.integer) ?? .null))
    }
    members += [
      ("changed_items_bound", shortfall.changedItemBound.map(JSONValue.integer) ?? .null),
      (
        "metric_change_bound",
        shortfall.metricChangeBound(for: gate, on: metric).map(JSONValue.number) ?? .null
      ),
    ]
    return .object(members)
  }
}
