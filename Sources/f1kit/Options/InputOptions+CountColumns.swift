import CommandLineSupport
import F1Kit
import F1KitReading

extension InputOptions {
  /// Refuses the first file that looks like a count table whose count
  /// column has a name the reader does not take for one (`n`, `cnt`,
  /// `freq`, pandas' `0`; see ``LikelyCountColumn``): read as one item a
  /// row, each cell would count once, whatever its count, and every
  /// number printed would be the rows', not the items'.
  ///
  /// - Parameters:
  ///   - paths: The files read; standard input is not looked at.
  ///   - predictionColumns: The columns of `--pred-columns`, or `nil`.
  ///   - pairingCommand: The command, when it pairs one file per model
  ///     item by item (`compare`, `gate`), which reads no count table.
  /// - Throws: A usage failure (exit 64) naming the column and the options
  ///   that read the file either way.
  func refuseLikelyCountColumns(
    _ paths: [String], predictionColumns: [String]? = nil, pairingCommand: String? = nil
  ) throws(CommandFailure) {
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
      throw .usage(
        "\(path): column \(TerminalText.quoted(column)) looks like a count of items per row (each row a distinct combination of the labels, its count mostly above 1, as pandas' groupby(...).size().to_csv() and SQL's GROUP BY write), so reading each row as one item would score the rows, not the items\(reading) (or --count-column '' to read each row as one item)"
      )
    }
  }
}
