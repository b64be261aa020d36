import CommandLineSupport
import F1KitReading
import F1KitStatistics

/// `--format` of `evaluate`.
enum EvaluationFormat: String, CaseIterable, ExpressibleByArgument {
  case text, json, csv, markdown, latex
}

/// `--format` of `compare`.
enum ComparisonFormat: String, CaseIterable, ExpressibleByArgument {
  case text, json, markdown, latex
}

/// `--format` of `report`: only the HTML file, or also tables on standard
/// output.
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
  case html, markdown, latex
}

/// `--format` of `compare` and `advise`.
enum TextOrJSONFormat: String, CaseIterable, ExpressibleByArgument {
  case text, json
}

/// `--input-format`: how to read a prediction file.
enum InputFormat: String, CaseIterable, ExpressibleByArgument {
  case csv, tsv, jsonl

  /// The reader's format.
  var fileFormat: PredictionFileFormat {
    switch self {
    case .csv: .csv
    case .tsv: .tsv
    case .jsonl: .jsonLines
    }
  }
}

/// `--ci-method`: the bootstrap interval methods the command line offers.
enum IntervalChoice: String, CaseIterable, ExpressibleByArgument {
  case bca, percentile, basic

  /// The statistics module's method.
  var method: IntervalMethod {
    switch self {
    case .bca: .bca
    case .percentile: .percentile
    case .basic: .basic
    }
  }
}

/// `--test` of `compare`: one paired test or all of them.
enum TestChoice: String, CaseIterable, ExpressibleByArgument {
  case all, permutation, bootstrap, mcnemar

  /// The tests to run.
  var tests: [ComparisonOptions.Test] {
    switch self {
    case .all: ComparisonOptions.Test.allCases
    case .permutation: [.permutation]
    case .bootstrap: [.bootstrap]
    case .mcnemar: [.mcnemar]
    }
  }
}

/// `--mcnemar` of `compare`: how McNemar's p-value is computed.
enum McNemarChoice: String, CaseIterable, ExpressibleByArgument {
  case midP = "mid-p"
  case exact
  case chiSquare = "chi2"
  case chiSquareUncorrected = "chi2-uncorrected"

  /// The statistics module's method.
  var method: McNemarTest.Method {
    switch self {
    case .midP: .midP
    case .exact: .exact
    case .chiSquare: .chiSquare
    case .chiSquareUncorrected: .chiSquareUncorrected
    }
  }
}

/// `--adjustment` of `compare`: the multiplicity adjustment.
enum AdjustmentChoice: String, CaseIterable, ExpressibleByArgument {
  case holm, bh

  /// The statistics module's adjustment.
  var adjustment: PValueAdjustment {
    switch self {
    case .holm: .holm
    case .bh: .benjaminiHochberg
    }
  }
}

/// `--stratify` of `compare`: what a stratified bootstrap holds fixed.
enum StratifyChoice: String, CaseIterable, ExpressibleByArgument {
  case none, gold
}
