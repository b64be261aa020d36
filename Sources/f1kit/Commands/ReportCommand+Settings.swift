import CommandLineSupport
import F1KitReading
import F1KitReport

extension ReportCommand {
  /// How the files are read, for the report's run metadata: the columns,
  /// how predictions are made (a prediction column, the argmax of score
  /// columns, or a score column and threshold, with where the threshold
  /// came from), the id column and the labels.
  ///
  /// - Parameter values: The parsed command line.
  /// - Returns: The settings, in reading order.
  static func inputSettings(_ values: ParsedValues, input: InputOptions)
    -> [RunMetadata.Setting]
  {
    let reader = input.reader
    func quoted(_ names: [String]) -> String { names.map { "“\($0)”" }.joined(separator: ", ") }
    var settings: [RunMetadata.Setting] = []
    settings.append(
      .init(
        name: "Gold column",
        value: reader.goldColumn.map { "“\($0)” (--gold-column)" }
          ?? "found by name (label, gold, y_true or target)"))
    if let models = values[ModelScoreColumns.option] {
      settings.append(
        .init(
          name: "Predictions",
          value:
            "one score column per model (--score-columns-of: \(models.models.map { "\($0.name) from “\($0.column)”" }.joined(separator: ", "))): the positive label when the score is at least the threshold"
        ))
      let threshold = values[InputOptions.threshold].first ?? reader.threshold
      let source =
        values.isSpecified(InputOptions.threshold) ? "given with --threshold" : "the default"
      settings.append(.init(name: "Threshold", value: "\(threshold) (\(source))"))
    } else if let columns = values[ModelColumns.option] {
      settings.append(
        .init(
          name: "Prediction columns",
          value: "\(quoted(columns)), one per model (--pred-columns)"))
    } else if let column = reader.scoreColumn {
      settings.append(
        .init(
          name: "Predictions",
          value:
            "from the score column “\(column)”: the positive label when the score is at least the threshold"
        ))
      let threshold = values[InputOptions.threshold].first ?? reader.threshold
      let source =
        values.isSpecified(InputOptions.threshold) ? "given with --threshold" : "the default"
      settings.append(.init(name: "Threshold", value: "\(threshold) (\(source))"))
    } else if !reader.scoreColumns.isEmpty {
      settings.append(
        .init(
          name: "Predictions",
          value: "the highest of the score columns \(quoted(reader.scoreColumns)) (ties: the first)"
        ))
    } else if let column = reader.scoreArrayColumn {
      settings.append(
        .init(
          name: "Predictions",
          value: "the highest score in the array column “\(column)” (ties: the first)"))
    } else {
      settings.append(
        .init(
          name: "Prediction column",
          value: reader.predictionColumn.map { "“\($0)” (--pred-column)" }
            ?? "found by name (prediction, pred or y_pred)"))
    }
    if let column = reader.countColumn, !column.isEmpty {
      settings.append(.init(name: "Count column", value: "“\(column)” (--count-column)"))
    }
    if let column = input.labelSets.weightColumn {
      settings.append(
        .init(
          name: "Sample weights",
          value: "“\(column)” (--weight-column): every score, interval and test is weighted"))
    }
    let idColumn: String
    switch reader.idColumn {
    case nil:
      idColumn =
        "“id”, or else a first column holding a data frame index, when every file has one (the default)"
    case ""?: idColumn = "none (--no-id-column): files are aligned row by row"
    case let name?: idColumn = "“\(name)” (--id-column)"
    }
    settings.append(.init(name: "Id column", value: idColumn))
    if let labels = input.labels {
      settings.append(.init(name: "Labels", value: "\(quoted(labels)) (--labels)"))
    }
    if let delimiter = reader.delimiter {
      settings.append(
        .init(
          name: "Delimiter",
          value: delimiter == "\t" ? "tab (--delimiter)" : "“\(delimiter)” (--delimiter)"))
    }
    return settings
  }
}
