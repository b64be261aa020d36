import Foundation

exit(F1KitTool.run(Array(CommandLine.arguments.dropFirst())))
