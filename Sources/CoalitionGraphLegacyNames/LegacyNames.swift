// The names of CoalitionGraph 0.0 (before 0.1.0), kept for one release so that old code builds
// with deprecation warnings that name the replacement.
//
// They live in their own module because an alias with the old name would keep the collision the
// rename removes: a type named `CoalitionGraph` hides the module of that name (`CoalitionGraph.Dataset`
// does not compile), `Actor` hides Swift's `Actor` protocol, `View` SwiftUI's, and `Observation` the
// Observation module that the `@Observable` macro expands to. Import this module only while migrating.
@_exported import CoalitionGraph

/// The frozen graph, now `CoalitionNetwork`.
@available(*, deprecated, renamed: "CoalitionNetwork")
public typealias CoalitionGraph = CoalitionNetwork

/// A node of the graph, now `CoalitionActor`.
@available(*, deprecated, renamed: "CoalitionActor")
public typealias Actor = CoalitionActor

/// A selection of the graph, now `NetworkView`.
@available(*, deprecated, renamed: "NetworkView")
public typealias View = NetworkView

/// One recorded tie, now `TieObservation`.
@available(*, deprecated, renamed: "TieObservation")
public typealias Observation = TieObservation
