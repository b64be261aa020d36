import CommandLineSupport
import F1KitReading
import F1KitStatistics
import Foundation

/// How `compare` is told about the design of an experiment: several runs
/// per model (`NAME=run1.csv,run2.csv`), grouped items and strata.
struct ExperimentOptions {
  static let groupColumn = Option<String?>(
    name: "group-column", valueName: "name",
    help:
      "A column naming each item's group (query, document, premise): the bootstrap resamples whole groups and the permutation test swaps them. Read from the first file; every other file that has the column must give each item the same group (exit 65 at the first that differs), and files without it are allowed; not with --stratify.",
    default: .some(nil), expectation: "a column name",
    convert: { $0.isEmpty ? nil : .some($0) }
  )
  static let stratify = Option<StratifyChoice>(
    name: "stratify",
    help:
      "gold keeps every class's item count fixed in each resample, for test sets whose class counts were fixed by design.",
    default: StratifyChoice.none)

  /// The declarations, in help order.
  static let declarations: [any OptionDeclaration] = [groupColumn, stratify]

  /// `--group-column` as `evaluate` reads it: it changes only the
  /// intervals, and there is no test.
  static let intervalGroupColumn = Option<String?>(
    name: "group-column", valueName: "name",
    help:
      "A column naming each item's group (query, document, premise): the --ci intervals resample whole groups, each shown beside the item-level interval with the ratio of their widths. Needs --ci (or --format markdown or latex)."
  )
  /// `--stratify` as `evaluate` reads it.
  static let intervalStratify = Option<StratifyChoice>(
    name: "stratify",
    help:
      "gold keeps every class's item count fixed in each resample of the --ci intervals, for test sets whose class counts were fixed by design. Needs --ci (or --format markdown or latex).",
    default: StratifyChoice.none)

  /// `evaluate`'s declarations, in help order: the same options, with help
  /// that speaks of intervals only.
  static let intervalDeclarations: [any OptionDeclaration] = [
    intervalGroupColumn, intervalStratify,
  ]

  /// `--group-column` as `advise` reads it.
  static let adviceGroupColumn = Option<String?>(
    name: "group-column", valueName: "name",
    help:
      "A column naming each item's group (query, document, premise): the advice adds how much wider the primary metric's interval is when whole groups are resampled, and warns under about 30 groups."
  )

  /// One model: a name and one file per training run.
  struct Model: Hashable {
    var name: String?
    var files: [String]
  }

  var groupColumn: String?
  var stratify: StratifyChoice

  init(_ values: ParsedValues) {
    groupColumn = values[Self.groupColumn]
    stratify = values[Self.stratify]
  }

  /// Whether the comparison needs the experiment engine rather than the
  /// single-run one.
  func isNeeded(for models: [Model]) -> Bool {
    groupColumn != nil || stratify != .none || models.contains { $0.files.count > 1 }
  }

  /// The resampling design the options ask for.
  func design() throws(UsageError) -> ResamplingDesign {
    switch (groupColumn, stratify) {
    case (.some, .gold):
      throw UsageError("--group-column and --stratify gold cannot be combined; choose one")
    case (.some, .none): .groups
    case (nil, .gold): .stratifiedByGold
    case (nil, .none): .items
    }
  }

  /// Parses `compare`'s positional arguments: a file is a model with one
  /// run; `NAME=a.csv,b.csv` is a model with one run per file.
  ///
  /// An argument that names an existing file is a file even when it holds
  /// `=`, and so is a missing one whose name part holds `/` when none of
  /// its run files exists (a path such as `results/lr=0.1.csv`). An empty entry in a run list (`A=a.csv,,b.csv`, `A=a.csv,`) is
  /// refused rather than dropped: it is usually an unset shell variable. A
  /// comma within a file's name is written `\,`, or found when only the
  /// joined name exists (see ``runFiles(in:argument:)``).
  ///
  /// - Parameter arguments: The positional arguments.
  /// - Returns: One model per argument.
  /// - Throws: ``UsageError`` for a `NAME=` argument without a name or
  ///   files, with an empty entry, or with two readings.
  static func models(_ arguments: [String]) throws(UsageError) -> [Model] {
    try arguments.map { argument throws(UsageError) in
      try refuseUnnamedRunList(argument)
      guard let equals = argument.firstIndex(of: "="),
        !FileManager.default.fileExists(atPath: argument)
      else { return Model(name: nil, files: [argument]) }
      let name = String(argument[..<equals])
      let list = argument[argument.index(after: equals)...]
      guard !name.isEmpty, !list.isEmpty else {
        throw UsageError(
          "expected NAME=run1.csv,run2.csv for a model with several runs, found '\(argument)'")
      }
      let files = try runFiles(in: list, argument: argument)
      // `results/lr=0.1.csv` that does not exist reads as a model named
      // `results/lr`; when none of its run files exists either, it is far
      // more likely the missing file itself, which the reader then names
      // as it was typed.
      if name.contains("/"),
        !files.contains(where: { $0 == "-" || FileManager.default.fileExists(atPath: $0) })
      {
        return Model(name: nil, files: [argument])
      }
      return Model(name: name, files: files)
    }
  }

  /// Refuses several existing files separated by commas with no model
  /// name before them (`seed-0.csv,seed-1.csv`, or `lr=0.05/a.csv,lr=0.05/b.csv`
  /// whose `=` belongs to a folder's name): read as one file, or as a model
  /// named by the folder's first part, they would fail with a missing file
  /// and no word of what a run list needs.
  private static func refuseUnnamedRunList(_ argument: String) throws(UsageError) {
    let pieces = Self.pieces(of: argument[...])
    guard pieces.count > 1, !FileManager.default.fileExists(atPath: argument),
      pieces.allSatisfy({ FileManager.default.fileExists(atPath: $0) })
    else { return }
    throw UsageError(
      "'\(argument)' names \(pieces.count) existing files, but a model with several runs needs a name before them: write NAME=\(argument)"
    )
  }
}
