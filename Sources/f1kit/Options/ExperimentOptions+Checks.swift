import CommandLineSupport
import F1KitStatistics
import Foundation

extension ExperimentOptions {
  /// Refuses two models with one name given on the command line (`A=…`
  /// twice, or `--names a,a`): the outputs could not tell them apart.
  ///
  /// Default names made from file names are not refused: the same plain
  /// file given twice has the same name, and ``checkedFileWarnings(for:names:)``
  /// warns about it.
  ///
  /// - Parameters:
  ///   - models: The models.
  ///   - names: The names the outputs use, one per model.
  ///   - namesAreGiven: Whether `names` come from `--names`.
  /// - Throws: ``UsageError`` for a repeated name.
  static func checkDistinctNames(
    _ models: [Model], names: [String], namesAreGiven: Bool
  ) throws(UsageError) {
    // Whether each name seen was given rather than made from a file name.
    var seenNames: [String: Bool] = [:]
    for (model, name) in zip(models, names) {
      let isGiven = namesAreGiven || model.name != nil
      if let wasGiven = seenNames.updateValue(isGiven, forKey: name), wasGiven || isGiven {
        throw UsageError(
          "two models are named '\(name)'; give each model its own name, or the outputs cannot tell them apart"
            + runListHint(for: name, in: models, namesAreGiven: namesAreGiven))
      }
    }
  }

  /// The run list that `NAME=` arguments repeated with one name were
  /// probably meant to be, as a shell's braces write them
  /// (`A=a-run{1,2}.csv` is `A=a-run1.csv A=a-run2.csv`); empty unless
  /// every model with that name is a `NAME=` argument with one file.
  private static func runListHint(for name: String, in models: [Model], namesAreGiven: Bool)
    -> String
  {
    guard !namesAreGiven else { return "" }
    let named = models.filter { $0.name == name }
    // Arguments that each list several files were run lists already.
    guard named.count > 1, named.allSatisfy({ $0.files.count == 1 }) else { return "" }
    let files = named.flatMap(\.files).map { $0.replacingOccurrences(of: ",", with: "\\,") }
    return
      "; a model's runs go in one argument, separated by commas: \(name)=\(files.joined(separator: ","))"
  }

  /// Refuses a file listed twice within a model, which would count as two
  /// runs and shrink the seed spread, and returns a warning for a file
  /// given for two models: comparing a file with itself can be a
  /// deliberate sanity check.
  ///
  /// Files are the same when they are one file on disk (`a.csv`,
  /// `./a.csv`, a link to it), or the same path when they do not exist.
  /// Standard input is left to `InputOptions.checkStandardInputReadOnce(_:)`.
  ///
  /// - Parameters:
  ///   - models: The models, each with its run files.
  ///   - names: The names the outputs use, one per model.
  /// - Returns: A warning for each file given for a second model.
  /// - Throws: ``UsageError`` for a file repeated within a model.
  static func checkedFileWarnings(for models: [Model], names: [String]) throws(UsageError)
    -> [String]
  {
    var owners: [FileIdentity: Int] = [:]
    var warnings: [String] = []
    var earlierFiles: [(file: String, model: Int)] = []
    // Each file's first bytes are read once, not once per pair.
    var fingerprints = FileFingerprints()
    for (index, model) in models.enumerated() {
      var files: Set<FileIdentity> = []
      for file in model.files where file != "-" {
        defer { earlierFiles.append((file, index)) }
        let identity = FileIdentity(file)
        guard files.insert(identity).inserted else {
          throw UsageError(
            "model '\(names[index])' lists the file '\(file)' twice, so it would count as two runs; list each run's file once"
          )
        }
        if let owner = owners[identity] {
          let models =
            names[owner] == names[index]
            ? "as two models" : "for both '\(names[owner])' and '\(names[index])'"
          warnings.append(
            "'\(file)' is given \(models), which share its predictions; check the arguments unless this is a sanity check"
          )
        } else {
          owners[identity] = index
          // A copy (the baseline saved under a new name) shares every
          // prediction as surely as the same file does.
          if let copied = earlierFiles.first(where: {
            $0.model != index && fingerprints.haveSameBytes($0.file, file)
          }) {
            // A model named after its one file needs no second mention.
            let isNamedAfterFile = { (model: Int, file: String) in
              models[model].files.count == 1
                && [file, ModelNames.defaults([file])[0]].contains(names[model])
            }
            let copiedModel =
              isNamedAfterFile(copied.model, copied.file) ? "" : " of '\(names[copied.model])'"
            let sharer =
              isNamedAfterFile(index, file)
              ? "the two models share their predictions"
              : "'\(names[index])' shares its predictions"
            warnings.append(
              "'\(file)' has the same bytes as '\(copied.file)'\(copiedModel), so \(sharer); check the arguments unless this is a sanity check"
            )
          }
        }
      }
    }
    return warnings
  }

  /// Refuses `NAME=run1.csv,…` arguments where every model is a column of
  /// the same files, as with `--pred-columns`.
  ///
  /// - Parameters:
  ///   - arguments: The positional arguments.
  ///   - option: The option that names the models, such as
  ///     `--pred-columns`.
  /// - Throws: ``UsageError`` for an argument that gives a model's runs.
  static func refuseRunLists(in arguments: [String], with option: String) throws(UsageError) {
    for argument in arguments
    where argument.contains("=") && !FileManager.default.fileExists(atPath: argument) {
      throw UsageError(
        "'\(argument)' gives a model's runs (NAME=run1.csv,…), which does not combine with \(option), where each column is a model; give the file (or its shards) alone"
      )
    }
  }

  /// Refuses options that several runs per model would silently ignore:
  /// with several runs the intervals are two-level percentile intervals
  /// and the test is the two-level paired bootstrap.
  ///
  /// - Parameters:
  ///   - models: The models, each with its run files.
  ///   - intervalMethod: `--ci-method` as given, `nil` when it is left out
  ///     (the default BCa then quietly becomes percentile, but a BCa asked
  ///     for by name is refused rather than not given).
  ///   - test: `--test`, for `compare`.
  ///   - mcnemar: `--mcnemar`, for `compare`.
  /// - Throws: ``UsageError`` when a model has several runs and an option
  ///   asks for something other than its default or what applies.
  static func checkSeveralRunsOptions(
    _ models: [Model], intervalMethod: IntervalChoice?, test: TestChoice = .all,
    mcnemar: McNemarChoice = .midP
  ) throws(UsageError) {
    guard models.contains(where: { $0.files.count > 1 }) else { return }
    if let intervalMethod, intervalMethod != .percentile {
      throw UsageError(
        "--ci-method \(intervalMethod.rawValue) does not apply with several runs per model: their intervals are two-level percentile intervals (runs, then items); leave --ci-method out or give percentile"
      )
    }
    if test == .permutation || test == .mcnemar {
      throw UsageError(
        "--test \(test.rawValue) does not apply with several runs per model: the test is the two-level paired bootstrap (runs, then items); leave --test out or give bootstrap"
      )
    }
    if mcnemar != .midP {
      throw UsageError(
        "--mcnemar \(mcnemar.rawValue) does not apply with several runs per model, where McNemar's test is not run; leave --mcnemar out"
      )
    }
  }
}

extension ExperimentOptions {
  /// Refuses tests that a grouped or stratified comparison of one run per
  /// model would silently leave out or not base its verdict on: within
  /// gold classes only the paired bootstrap runs; by group the verdict is
  /// the group permutation test's (the paired bootstrap's with `--test
  /// bootstrap`), never McNemar's, and McNemar's test is the clustered
  /// one, which has no `--mcnemar` variants.
  ///
  /// - Parameters:
  ///   - design: The resampling design, if the experiment engine is used.
  ///   - test: `--test`.
  ///   - mcnemar: `--mcnemar`.
  /// - Throws: ``UsageError`` when an option asks for a test the design
  ///   does not run.
  static func checkDesignTests(
    _ design: ResamplingDesign?, test: TestChoice, mcnemar: McNemarChoice
  ) throws(UsageError) {
    switch design {
    case .stratifiedByGold?:
      if test == .permutation || test == .mcnemar {
        throw UsageError(
          "--test \(test.rawValue) does not apply with --stratify gold: the test is the paired bootstrap within gold classes; leave --test out or give bootstrap"
        )
      }
      if mcnemar != .midP {
        throw UsageError(
          "--mcnemar \(mcnemar.rawValue) does not apply with --stratify gold, where McNemar's test is not run; leave --mcnemar out"
        )
      }
    case .groups?:
      if test == .mcnemar {
        throw UsageError(
          "--test mcnemar does not apply with --group-column: the verdict's test is the group permutation test (or, with --test bootstrap, the paired bootstrap over whole groups), and the clustered McNemar test is printed beside it; leave --test out or give permutation or bootstrap"
        )
      }
      if mcnemar != .midP {
        throw UsageError(
          "--mcnemar \(mcnemar.rawValue) does not apply with --group-column: McNemar's test is the clustered one (Durkalski et al. 2003); leave --mcnemar out"
        )
      }
    case .items?, nil:
      return
    }
  }
}
