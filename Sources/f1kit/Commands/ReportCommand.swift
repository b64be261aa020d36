enum ReportCommand {
  static let specification = CommandSpecification(name: "report", abstract: "stub")
  static func run(_ parsed: ParsedArguments) throws -> String { "" }
}
