import F1Kit

extension HTMLReport {
  /// The most classes a per-class table, chart or heatmap shows; past it,
  /// the classes with the most gold items are shown and the rest are
  /// summarised in one row.
  public static let shownClassLimit = 30

  /// The most classes the collapsed full per-class table lists; past it,
  /// the JSON (`--json`) holds every class.
  public static let fullTableClassLimit = 2_000

  /// The classes that tables and charts show, as indices into the label
  /// order: every class up to ``shownClassLimit``, in label order;
  /// otherwise the ``shownClassLimit`` classes with the most gold items,
  /// most first (ties in label order); with sample weights, the most gold
  /// weight.
  var shownClasses: [Int] {
    let support = model.reference.perClass().map(\.supportWeight)
    guard support.count > Self.shownClassLimit else { return Array(support.indices) }
    return support.indices.sorted { (support[$1], $0) < (support[$0], $1) }
      .prefix(Self.shownClassLimit).map { $0 }
  }

  /// The classes left out of ``shownClasses``, in label order.
  var hiddenClasses: [Int] {
    let shown = Set(shownClasses)
    return model.reference.labels.indices.filter { !shown.contains($0) }
  }

  /// A sentence saying which classes are shown, when not all are; empty
  /// otherwise.
  var shownClassesNote: String {
    let hidden = hiddenClasses.count
    guard hidden > 0 else { return "" }
    let total = model.reference.labels.count
    return "<p class=\"muted note\">With \(total) classes, tables and charts show the "
      + "\(Self.shownClassLimit) classes with the most gold items; the other \(hidden) are "
      + "summarised in one row"
      + (total <= Self.fullTableClassLimit
        ? ", and every class is in the collapsed full tables." : ".")
      + " The JSON (<code>--json</code>) holds every class.</p>\n"
  }
}
