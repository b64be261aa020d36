import CommandLineSupport
import F1Kit
import F1KitReading

extension InputOptions {
  /// Warns on standard error about each file that looks like a count table
  /// whose count column has a name the reader does not take for one (`n`,
  /// `cnt`, `freq`, pandas' `0`; see ``LikelyCountColumn``): read as one
  /// item a row, each cell would count once, whatever its count.
  ///
  /// - Parameters:
  ///   - paths: The files read; standard input is not looked at.
  ///   - predictionColumns: The columns of `--pred-columns`, or `nil`.
  ///   - pairingCommand: The command, when it pairs one file per model
  ///     item by item (`compare`, `gate`), which reads no count table.
  func warnAboutLikelyCountColumns(
    _ paths: [String], predictionColumns: [String]? = nil, pairingCommand: String? = nil
  ) {
    var seen: Set<String> = []
    for path in paths where seen.insert(path).inserted {
      guard
        let column = LikelyCountColumn.find(
          path: path, options: reader, predictionColumns: predictionColumns,
          weightColumn: labelSets.weightColumn)
      else { continue }
      let reading =
        pairingCommand.map {
          ", but \($0) pairs one file per model item by item: give one row per item, or every model's predictions in one count table (label,a,b,\(column)) with --pred-columns a,b --count-column \(column)"
        } ?? "; give --count-column \(column) to read it as counts"
      Console.writeWarnings([
        "\(path): column \(TerminalText.quoted(column)) looks like a count of items per row\(reading) (or --count-column '' to read rows as items and silence this)"
      ])
    }
  }
}
