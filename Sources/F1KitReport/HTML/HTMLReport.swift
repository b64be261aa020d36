import F1Kit
import F1KitAdvice

/// Renders a ``ReportModel`` as one self-contained HTML page.
///
/// The page needs no JavaScript and loads nothing: the stylesheet and the
/// SVG charts are inline and the fonts are the system's. Every label is
/// escaped. Every chart has `role="img"`, a `<title>`, a `<desc>` and a
/// data table beside it in a `<details>` element. The colours are
/// Okabe–Ito for categories and viridis for quantities, and the page has a
/// dark colour scheme and a print stylesheet.
///
/// The same model renders to the same bytes: the page holds no timestamp,
/// and everything is laid out in a fixed order.
///
/// Sections: Summary (verdict, headline metrics with intervals and
/// baselines, class balance), Per-class scores, Confusion matrices,
/// Examples (items with their text, when the input has text columns), Model
/// comparison (two or more models), Training curve (with a log), Advice and
/// Run metadata. With several runs per model, grouped items or strata, a
/// Runs and groups section compares the models as the experiment was run;
/// the Summary's verdict then comes from it, and the sections built from
/// each model's first run with items resampled one by one say so and show
/// no p-values.
public struct HTMLReport: Sendable {
  /// The report's content.
  public var model: ReportModel

  /// The number of classes above which a confusion matrix is shown as a
  /// table of its largest off-diagonal cells instead of a heatmap.
  public static let heatmapClassLimit = 30

  /// Creates a renderer.
  ///
  /// - Parameter model: The report's content.
  public init(_ model: ReportModel) {
    self.model = model
  }

  /// Renders the page.
  ///
  /// - Returns: The HTML document, UTF-8 text ending with a newline.
  /// - Complexity: O(*m* *k*²) for *m* models and *k* classes.
  public func render() -> String {
    // With an experiment, the sections built from each model's first run
    // (or from items resampled one by one) open by saying so.
    var sections: [(id: String, title: String, body: String)] = [
      ("summary", "Summary", summarySection()),
      ("per-class", "Per-class scores", firstRunNote(isAboutIntervals: true) + perClassSection()),
      (
        "confusion", "Confusion matrices",
        firstRunNote(isAboutIntervals: false) + confusionSection()
      ),
    ]
    if model.examples.contains(where: { $0.items.contains { !$0.texts.isEmpty } }) {
      sections.append(
        ("examples", "Examples", firstRunNote(isAboutIntervals: false) + examplesSection()))
    }
    if model.experiment != nil { sections.append(("runs", "Runs and groups", runsSection())) }
    if model.models.count > 1 {
      sections.append(("comparison", "Model comparison", comparisonSection()))
    }
    if model.scores != nil {
      sections.append(
        ("scores", "Scores and cut-offs", firstRunNote(isAboutIntervals: true) + scoresSection()))
    }
    if model.trainingCurve != nil {
      sections.append(("training", "Training curve", trainingSection()))
    }
    sections.append(("advice", "Advice", adviceSection()))
    sections.append(("metadata", "Run metadata", metadataSection()))

    return Self.page(
      title: model.title, lede: lede, toolVersion: model.metadata.toolVersion, sections: sections)
  }

  /// The page around the sections: head, stylesheet, title, lede, table
  /// of contents, the sections and the footer.
  ///
  /// - Parameters:
  ///   - title: The page's title.
  ///   - lede: One line under the title.
  ///   - toolVersion: F1Kit's version, for the generator tag and footer.
  ///   - sections: Each section's id, heading and HTML body.
  /// - Returns: The HTML document.
  static func page(
    title: String, lede: String, toolVersion: String,
    sections: [(id: String, title: String, body: String)]
  ) -> String {
    var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    html += "<meta name=\"color-scheme\" content=\"light dark\">\n"
    html += "<meta name=\"generator\" content=\"F1Kit \(HTMLText.escape(toolVersion))\">\n"
    html += "<title>\(HTMLText.escape(title))</title>\n"
    html += "<style>\n\(ReportStylesheet.css)\n</style>\n</head>\n<body>\n"
    html += "<header class=\"page\">\n<h1>\(HTMLText.content(title))</h1>\n"
    html += "<p class=\"lede\">\(HTMLText.content(lede))</p>\n"
    html += "<nav class=\"toc\" aria-label=\"Sections\"><ol>"
    for section in sections {
      html += "<li><a href=\"#\(section.id)\">\(HTMLText.content(section.title))</a></li>"
    }
    html += "</ol></nav>\n</header>\n<main>\n"
    for section in sections {
      html += "<section id=\"\(section.id)\" aria-labelledby=\"\(section.id)-heading\">\n"
      html += "<h2 id=\"\(section.id)-heading\">\(HTMLText.content(section.title))</h2>\n"
      html += section.body
      html += "</section>\n"
    }
    html +=
      "</main>\n<footer class=\"page\"><p>Made by F1Kit \(HTMLText.content(toolVersion)). "
    html +=
      "Scores equal scikit-learn's. This page is self-contained: no scripts, no external resources.</p></footer>\n"
    html += "</body>\n</html>\n"
    return html
  }

  /// One line under the title: items, labels, problem and models.
  var lede: String {
    let reference = model.reference
    var parts = [
      "\(DisplayNumber.count(reference.itemCount)) test items",
      "\(reference.labels.count) labels",
    ]
    if let positive = reference.positiveLabel {
      parts.append("binary, positive label “\(positive)”")
    } else {
      parts.append(reference.problem.rawValue)
    }
    parts.append(model.models.count == 1 ? "1 model" : "\(model.models.count) models")
    return parts.joined(separator: " · ")
  }

  /// A chart in a figure with its caption and its data table in a
  /// `<details>` element.
  func figure(_ svg: String, caption: String, table: String) -> String {
    Self.figure(svg, caption: caption, table: table)
  }

  /// A chart in a figure with its caption and its data table.
  static func figure(_ svg: String, caption: String, table: String) -> String {
    "<figure><div class=\"chart-scroll\">\(svg)</div>"
      + "<figcaption>\(HTMLText.content(caption))</figcaption>"
      + "<details><summary>Data table</summary>\(table)</details></figure>\n"
  }

  /// A metric's name for headings, with the positive label for binary
  /// scores: `F1 (positive “1”)`.
  func name(of metric: Metric) -> String {
    if metric.isBinaryOnly, let positive = model.reference.positiveLabel {
      return "\(metric.displayName) (positive “\(positive)”)"
    }
    return metric.displayName
  }

  /// The metrics of the headline table, primary first.
  var headlineMetrics: [Metric] {
    let reference = model.reference
    let order: [Metric] =
      reference.problem == .binary
      ? [
        .binaryF1, .binaryPrecision, .binaryRecall, .accuracy, .balancedAccuracy, .macroF1,
        .weightedF1, .matthewsCorrelation, .cohenKappa,
      ]
      : [
        .macroF1, .accuracy, .balancedAccuracy, .weightedF1, .microF1, .macroPrecision,
        .macroRecall, .matthewsCorrelation, .cohenKappa,
      ]
    return order.filter { reference.reportedMetrics.contains($0) }
  }

  /// A document-unique id for a model's element.
  func elementID(_ kind: String, model index: Int) -> String { "model-\(index + 1)-\(kind)" }
}
