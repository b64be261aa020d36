/// How an evaluator shows its progress on standard error.
public enum ProgressStyle: Hashable, Sendable {
  /// A bar when standard error is a terminal, a one-line log otherwise
  /// (a file, a pipe, a CI log).
  case automatic
  /// A bar over batches, redrawn in place, then a summary line.
  case bar
  /// One summary line per evaluation.
  case line
  /// Nothing.
  case hidden
}
