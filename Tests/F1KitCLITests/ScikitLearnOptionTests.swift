import Testing
import _TestSupport

@Suite("scikit-learn's option names point to f1kit's")
struct ScikitLearnOptionTests {
  @Test(
    "an option a scikit-learn user types first is named with its f1kit counterpart (exit 64)",
    arguments: [
      (
        ["evaluate", "--pos-label", "pos"],
        "Unknown option '--pos-label'. Did you mean '--positive'? (scikit-learn's pos_label)"
      ),
      (
        ["compare", "--sample-weight", "w"],
        "Unknown option '--sample-weight'. Did you mean '--weight-column'?"
      ),
      (
        ["compare", "--average", "macro"],
        "Unknown option '--average'. scikit-learn's average has no option here: '--metric' chooses"
      ),
      (
        ["evaluate", "--average=macro"],
        "Unknown option '--average'. scikit-learn's average has no option here: every average"
      ),
      (["gate", "--scoring", "f1_macro"], "Unknown option '--scoring'. Did you mean '--metric'?"),
    ])
  func hintsAtCounterpart(arguments: [String], message: String) throws {
    let files =
      arguments[0] == "evaluate"
      ? ["fixtures/examples/prod.csv"]
      : ["fixtures/examples/prod.csv", "fixtures/examples/new.csv"]
    let result = try runF1Kit([arguments[0]] + files + Array(arguments.dropFirst()))
    #expect(result.status == 64)
    #expect(result.standardError.hasPrefix("Error: \(message)"), "\(result.standardError)")
  }
}
