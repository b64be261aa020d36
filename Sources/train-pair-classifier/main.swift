import CommandLineSupport
import Foundation

exit(
  CommandLineTool(command: TrainingCommand.self).run(Array(CommandLine.arguments.dropFirst()))
    .rawValue)
