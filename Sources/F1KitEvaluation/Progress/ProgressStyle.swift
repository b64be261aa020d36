/// How an evaluator shows its progress on standard error.
public enum ProgressStyle: Hashable, Sendable {
  /// A bar when standard error is a terminal, a one-line log otherwise
  /// (a file, a pipe, a CI log).
  case automatic
  /// A bar over batches, redrawn in place, then a summary line.
  case bar
  /// One summary line per evaluation.
  case line
  /// No bar and no summary line. Warnings and notes still go to standard
  /// error: scores that look like logits under the default multilabel
  /// threshold, a binary set without a pair labelled 1, and a results log
  /// whose columns changed or whose torn last row was mended.
  case hidden
}
