import CoalitionGraphLegacyNames
import Testing

// Old code that uses the pre-0.1 names still compiles and means the same. This target uses the
// deprecated names on purpose, so Package.swift builds it with deprecation warnings suppressed
// (and only it).

@Test func legacyNamesStillDenoteTheCurrentTypes() throws {
  let graph: CoalitionGraph = try CoalitionGraph(Dataset.seed)
  let view: View = try graph.view()
  let actor: Actor = graph.actors[0]
  let observation: Observation = graph.dataset.observations[0]
  #expect(graph.actorCount == (try CoalitionNetwork(Dataset.seed)).actorCount)
  #expect(view.ties.count == (try CoalitionNetwork(Dataset.seed).view()).ties.count)
  #expect(actor.id == Dataset.seed.actors[0].id)
  #expect(observation == Dataset.seed.observations[0])
  // The old names are the current types, not copies of them.
  #expect(CoalitionGraph.self == CoalitionNetwork.self && View.self == NetworkView.self)
  #expect(Actor.self == CoalitionActor.self && Observation.self == TieObservation.self)
}
