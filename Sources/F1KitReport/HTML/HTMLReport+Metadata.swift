import F1KitAdvice

extension HTMLReport {
  /// Tool version, seed, resamples, methods, label order and inputs.
  func metadataSection() -> String {
    let metadata = model.metadata
    var entries: [(String, String)] = [("F1Kit version", metadata.toolVersion)]
    entries.append(("Seed", metadata.seed.map { String($0) } ?? "— (no resampling)"))
    entries.append(("Resamples", metadata.resamples.map { DisplayNumber.count($0) } ?? "—"))
    entries.append(("Confidence level", DisplayNumber.percent(metadata.confidence, digits: 0)))
    entries.append(("zero_division", metadata.zeroDivision))
    var html = "<dl class=\"metadata\">"
    for (term, value) in entries {
      html += "<dt>\(HTMLText.escape(term))</dt><dd>\(HTMLText.escape(value))</dd>"
    }
    html += "<dt>Methods</dt><dd>"
    html += model.methods.map { HTMLText.escape($0) }.joined(separator: "<br>")
    html += "</dd><dt>Label order</dt><dd>"
    html += metadata.labelOrder.prefix(Self.fullTableClassLimit).map {
      "<code>\(HTMLText.isolated($0))</code>"
    }.joined(
      separator: ", ")
    if metadata.labelOrder.count > Self.fullTableClassLimit {
      html +=
        " and \(metadata.labelOrder.count - Self.fullTableClassLimit) more (every label is in the JSON)"
    }
    html += "</dd><dt>Prediction files</dt><dd>"
    if metadata.runFiles.contains(where: { $0.count > 1 }) {
      // Several runs: each model's name, then its run files.
      html += zip(model.models, metadata.runFiles).map { evaluation, files in
        "\(HTMLText.escape(evaluation.name)): "
          + files.map { "<code>\(HTMLText.escape($0))</code>" }.joined(separator: ", ")
      }.joined(separator: "<br>")
    } else {
      html += zip(model.models, metadata.inputFiles).map { evaluation, file in
        "<code>\(HTMLText.escape(file))</code>"
          + (evaluation.name == file ? "" : " (\(HTMLText.escape(evaluation.name)))")
      }.joined(separator: "<br>")
    }
    html += "</dd>"
    for setting in metadata.inputSettings {
      html +=
        "<dt>\(HTMLText.escape(setting.name))</dt><dd>\(HTMLText.escape(setting.value))</dd>"
    }
    if let log = metadata.trainingLog {
      html += "<dt>Training log</dt><dd><code>\(HTMLText.escape(log))</code></dd>"
    }
    html += "</dl>\n"
    return html
  }
}
