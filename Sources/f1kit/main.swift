import Foundation

exit(F1KitTool.tool.run(Array(CommandLine.arguments.dropFirst())).rawValue)
