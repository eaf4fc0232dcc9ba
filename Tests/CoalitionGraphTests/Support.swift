import Foundation

/// The repository root, found from this file's location (Tests/CoalitionGraphTests/…).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

func repositoryFile(_ relative: String) -> URL { repositoryRoot.appendingPathComponent(relative) }
