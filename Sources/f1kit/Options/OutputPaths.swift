import CommandLineSupport

/// The files a command writes, checked against the files it reads before
/// anything is read or written.
///
/// A one-word slip such as `--out b.csv` would otherwise replace a
/// prediction file with the report (and `--summary b.csv` would append
/// Markdown to it), silently and with exit 0.
enum OutputPaths {
  /// Refuses an output that is one of the inputs, or another output.
  ///
  /// Files are the same when they are one file on disk (`a.csv`,
  /// `./a.csv`, a link to it); an output that does not exist yet is
  /// compared by its standardized path. Standard input and output (`-`)
  /// are left out.
  ///
  /// - Parameters:
  ///   - outputs: Each output's option name (`--out`) and path, if given.
  ///   - inputs: The files read: prediction files and runs, development
  ///     files, training logs.
  /// - Throws: A usage error naming the option and the file.
  /// - Complexity: O(*o* + *i*) file lookups for *o* outputs and *i* inputs.
  static func refuseClashes(
    _ outputs: [(option: String, path: String?)], inputs: [String]
  ) throws(UsageError) {
    var read: [FileIdentity: String] = [:]
    for input in inputs where input != "-" {
      read[FileIdentity(input), default: input] = input
    }
    var written: [FileIdentity: String] = [:]
    for (option, path) in outputs {
      guard let path, path != "-" else { continue }
      let identity = FileIdentity(path)
      if let input = read[identity] {
        throw UsageError(
          "'\(option) \(path)' would overwrite the input file '\(input)'; write the output to another path"
        )
      }
      if let earlier = written.updateValue(option, forKey: identity) {
        throw UsageError(
          "'\(option) \(path)' is also the \(earlier) file; give each output a path of its own")
      }
    }
  }
}
