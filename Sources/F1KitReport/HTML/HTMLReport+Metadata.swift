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
      html += "<dt>\(HTMLText.content(term))</dt><dd>\(HTMLText.content(value))</dd>"
    }
    html += "<dt>Methods</dt><dd>"
    html += model.methods.map { HTMLText.content($0) }.joined(separator: "<br>")
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
        "\(HTMLText.content(evaluation.name)): "
          + files.map { "<code>\(HTMLText.content($0))</code>" }.joined(separator: ", ")
      }.joined(separator: "<br>")
    } else {
      html += zip(model.models, metadata.inputFiles).map { evaluation, file in
        "<code>\(HTMLText.content(file))</code>"
          + (evaluation.name == file ? "" : " (\(HTMLText.content(evaluation.name)))")
      }.joined(separator: "<br>")
    }
    html += "</dd>"
    for setting in metadata.inputSettings {
      html +=
        "<dt>\(HTMLText.content(setting.name))</dt><dd>\(HTMLText.content(setting.value))</dd>"
    }
    if let log = metadata.trainingLog {
      html += "<dt>Training log</dt><dd><code>\(HTMLText.content(log))</code></dd>"
    }
    html += "</dl>\n"
    return html
  }
}
