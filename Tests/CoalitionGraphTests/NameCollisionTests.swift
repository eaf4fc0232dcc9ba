import Foundation
import Testing

/// Top-level type names of Swift's standard library and Concurrency, Foundation, Observation,
/// SwiftUI, Charts and Swift Testing that an app is likely to import beside this package. A public
/// type of ours with one of these names would make the name ambiguous, or hide the other one, in
/// every file that imports both (`@Observable` stopped compiling next to a type named
/// `Observation`). Foundation, Observation and Concurrency are also checked by compiling
/// examples/Consumer/Sources/SideBySide; SwiftUI, Charts and Testing, which Linux lacks or which
/// a program does not import, only here.
private let frameworkNames: Set<String> = [
  // Swift, Concurrency, Synchronization, Observation
  "Actor", "Task", "TaskGroup", "Clock", "Duration", "Executor", "Job", "Result", "Never", "Error", "Range", "Set",
  "Mirror", "Regex", "Mutex", "Atomic", "Span", "Observation", "Observable", "ObservationRegistrar", "AsyncStream",
  "Sendable", "Identifiable", "Codable", "Hasher", "Optional", "Character", "Unicode",
  // Foundation
  "Data", "Date", "URL", "UUID", "Progress", "Unit", "Measurement", "Calendar", "Locale", "Bundle", "Thread", "Operation",
  "Notification", "Expression", "Predicate", "Decimal", "TimeZone", "FileManager", "Process", "Pipe", "Host", "Port",
  "Stream", "Scanner", "Formatter", "AttributedString", "IndexSet", "DateInterval", "Morphology", "JSONEncoder",
  "JSONDecoder", "PropertyListEncoder", "FileHandle", "RunLoop", "Timer", "NumberFormatter", "Dimension",
  // SwiftUI
  "View", "Text", "Image", "Color", "Font", "Button", "List", "Table", "Section", "Group", "Label", "Link", "Menu", "Form",
  "Toggle", "Picker", "Slider", "Stepper", "Canvas", "Path", "Shape", "Circle", "Rectangle", "Capsule", "Ellipse", "Edge",
  "Alignment", "Axis", "Angle", "Anchor", "Layout", "Grid", "GridRow", "Spacer", "Divider", "Gauge", "ProgressView",
  "Window", "WindowGroup", "Scene", "App", "Environment", "State", "Binding", "Namespace", "Transaction", "Animation",
  "Gesture", "Tab", "TabView", "Material", "Gradient", "Commands", "Settings", "Spring", "Visibility", "Emphasis",
  "TimelineView", "ScrollView", "Inspector", "Focus", "Bindable", "Entry", "Preview",
  // Charts
  "Chart", "BarMark", "LineMark", "PointMark", "AreaMark", "RuleMark", "RectangleMark", "Plot", "AxisMarks",
  // Swift Testing
  "Test", "Suite", "Tag", "Trait", "Issue", "Comment", "Attachment", "Confirmation", "Bug", "TimeLimitTrait",
]

@Test func noPublicTypeTakesAFrameworkName() throws {
  let sources = repositoryFile("Sources")
  let walker = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
  let declaration = try Regex(#"^public (?:final )?(?:struct|class|enum|protocol|actor|typealias) ([A-Za-z_][A-Za-z0-9_]*)"#)
  var ours: [String: String] = [:]
  for case let url as URL in walker where url.pathExtension == "swift" {
    // The deprecated pre-0.1 names live apart, on purpose, and the tool is not a library.
    if url.path.contains("/CoalitionGraphLegacyNames/") || url.path.contains("/Sources/coalition/") { continue }
    for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
      if let m = try declaration.firstMatch(in: String(line)), let name = m.output[1].substring { ours[String(name)] = url.lastPathComponent }
    }
  }
  #expect(ours.count > 80, "the scan found the public types (\(ours.count))")
  #expect(ours["CoalitionNetwork"] != nil && ours["NetworkView"] != nil && ours["TieObservation"] != nil)
  let clashes = ours.keys.filter(frameworkNames.contains).sorted()
  #expect(clashes.isEmpty, "\(clashes.map { "\($0) (\(ours[$0]!))" })")
  // No type takes the name of one of the package's modules either (`CoalitionGraph.Dataset` must compile).
  let modules = try FileManager.default.contentsOfDirectory(atPath: sources.path)
  #expect(Set(ours.keys).isDisjoint(with: modules), "\(Set(ours.keys).intersection(modules))")
}
