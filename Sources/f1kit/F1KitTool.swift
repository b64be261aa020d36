import CommandLineSupport

/// The `f1kit` command line: its version, its overview and its subcommands.
enum F1KitTool {
  static let version = "0.1.0"
  static let abstract =
    "Evaluate classifiers with scikit-learn-exact F1 metrics, bootstrap intervals and paired significance tests."

  /// The tool, with its subcommands in the order help lists them.
  static let tool = CommandLineTool(
    name: "f1kit", version: version, abstract: abstract,
    subcommands: [
      EvaluateCommand.self, CompareCommand.self, ReportCommand.self, AdviseCommand.self,
      GateCommand.self, CurvesCommand.self, TuneCommand.self,
    ])
}
