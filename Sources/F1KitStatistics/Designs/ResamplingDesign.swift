/// How a bootstrap draws a new test set from the observed one.
///
/// Items drawn independently is right when the test items were sampled
/// independently. When many items share a query, document or premise, the
/// items of one group are alike, and resampling them one by one understates
/// the uncertainty: draw whole groups instead. When the number of items of
/// each class was fixed by the design of the test set, keep it fixed.
public enum ResamplingDesign: Hashable, Sendable {
  /// Items are drawn independently, with replacement.
  case items
  /// Items are drawn with replacement within each gold class, so every
  /// class keeps its item count, as R's `boot(strata=)` does.
  case stratifiedByGold
  /// Whole groups are drawn with replacement; the jackknife of BCa leaves
  /// out one group at a time and the permutation test swaps whole groups.
  case groups
}
