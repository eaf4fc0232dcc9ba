import CoalitionGraph
import Foundation
import Testing

@testable import CoalitionInterchange

let scaleScripts = fixtures.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/scale")

/// The tables the SQL of scripts/scale joins are the importer's own rules: a change to the CAMEO
/// mapping, the kinds or the country table that is not carried to the SQL fails here.
/// (COALITION_WRITE_SCALE_TABLES=1 writes them anew.)
@Test func scaleTablesAreTheImportersRules() throws {
  for (name, text) in GDELT.sqlTables() {
    let url = scaleScripts.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["COALITION_WRITE_SCALE_TABLES"] == "1" { try text.write(to: url, atomically: true, encoding: .utf8) }
    #expect(try String(contentsOf: url, encoding: .utf8) == text, "\(name) differs from the importer's rules")
  }
  let actors = try #require(GDELT.sqlTables()["gdelt_actors.csv"])
  #expect(actors.contains("\nRUS,state\n") && actors.contains("\nWST,region\n") && !actors.contains("\nXYZ,"))
}
