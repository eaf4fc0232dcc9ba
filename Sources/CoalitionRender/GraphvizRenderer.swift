import Foundation

import CGraphviz
import CGraphvizSupport
import CoalitionGraph

/// Output formats of the renderer.
public enum RenderFormat: String, CaseIterable, Sendable {
  /// Scalable vector graphics, with a tooltip and (where safe) a link on each tie.
  case svg
  /// A raster image drawn by cairo.
  case png
  /// A vector document drawn by cairo.
  case pdf
  /// Laid-out DOT with positions.
  case dot
  /// DOT with drawing operations.
  case xdot
  /// Graphviz's JSON with positions and drawing operations.
  case json
  /// Graphviz's plain text format (positions in inches).
  case plain

  /// The usual file extension.
  public var fileExtension: String { rawValue == "plain" ? "txt" : rawValue }
}

/// Graphviz layout engines.
public enum LayoutEngine: String, CaseIterable, Sendable {
  /// Layered drawing; respects clusters and `constraint=false`. The default.
  case dot
  /// Spring model (stress majorisation).
  case neato
  /// Force-directed; draws clusters.
  case fdp
  /// Multiscale force-directed, for large graphs.
  case sfdp
  /// Circular.
  case circo
  /// Radial.
  case twopi
  /// Positions given by the map (`pos` of every node, in points), as `neato -n2` takes them:
  /// Graphviz keeps them, keeps each edge's `pos` where the map gives one, and routes the other
  /// edges. For geographic maps (`CoalitionMap.geographic`) and shared layouts.
  case pinned = "nop"

  /// Largest map drawn with `dot` by default; larger maps go to `sfdp`.
  public static let dotLimit = (nodes: 60, edges: 250)

  /// The engine for a map of this size: `dot` (layered, draws bloc clusters) up to ``dotLimit``,
  /// `sfdp` (multiscale force-directed, near-linear) beyond it. `dot` needs 105 s for 146 actors
  /// with 1,707 ties on a 2-core machine; `sfdp` with straight edges 0.5 s.
  public static func automatic(nodes: Int, edges: Int) -> LayoutEngine {
    nodes <= dotLimit.nodes && edges <= dotLimit.edges ? .dot : .sfdp
  }
}

/// A failure reported by Graphviz, with its own messages.
public enum RenderError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The DOT text did not parse.
  case syntax(String)
  /// The layout engine failed or is not available.
  case layout(engine: String, message: String)
  /// The output format failed or is not available.
  case render(format: String, message: String)
  /// The Graphviz context could not be created (no plugins configured?).
  case unavailable(String)
  /// The render did not finish within the time allowed.
  case timedOut(seconds: Double)

  public var description: String {
    switch self {
    case .syntax(let m): return "Graphviz could not parse the DOT text: \(m)"
    case .layout(let e, let m): return "Graphviz layout with \(e) failed\(m.isEmpty ? "" : ": \(m)")"
    case .render(let f, let m): return "Graphviz could not produce \(f)\(m.isEmpty ? "" : ": \(m)")"
    case .unavailable(let m): return "Graphviz is not available: \(m)"
    case .timedOut(let seconds):
      return "Graphviz did not finish within \(seconds) s; try the sfdp engine or a smaller map (the layout runs on in the background until it ends)"
    }
  }
}

/// The bytes Graphviz produced and any warnings it gave.
public struct RenderOutput: Sendable {
  /// The rendered file: SVG or DOT text, or PNG or PDF bytes.
  public let bytes: [UInt8]
  /// Warnings Graphviz reported while parsing, laying out and rendering (one per message).
  public let warnings: [String]
  /// Lines of text pango measured during this render, and lines answered from measurements kept
  /// from earlier renders (see `TextMeasurements`).
  let textLines: (measured: Int, remembered: Int)

  /// Writes the rendered bytes to a file by the rules of `OutputFile` (whole or not at all; FIFOs
  /// and devices in place).
  /// - Throws: `FileWriteError`.
  public func write(to url: URL) throws { try OutputFile.write(bytes, to: url) }

  init(bytes: [UInt8], warnings: [String], textLines: (measured: Int, remembered: Int) = (0, 0)) {
    self.bytes = bytes
    self.warnings = warnings
    self.textLines = textLines
  }
}

/// Renders DOT text in process through libgvc.
///
/// Graphviz keeps global state and is not thread-safe, so one renderer owns the Graphviz context
/// for the whole process and serialises every call behind one lock: it is safe to call from any
/// number of tasks. Every parsed graph is closed and every layout freed, also on failure.
/// Messages Graphviz would print are captured and returned as ``RenderError`` or
/// ``RenderOutput/warnings``.
///
/// Text is measured by pango, as the `dot` command does, but the renderer remembers each
/// measurement (up to 65,536 lines of text, keyed by text, font, size and style) and answers
/// repeated lines from that table in later SVG and text-format renders. The output is byte for
/// byte what pango's fresh measurement gives; a renderer that draws many maps skips a third of
/// the work for labels and legends it has drawn before. PNG and PDF, which cairo draws with
/// pango's layout objects, always measure afresh.
public final class GraphvizRenderer: Sendable {
  /// The process-wide renderer.
  public static let shared = GraphvizRenderer()

  private struct Context: @unchecked Sendable {  // only touched under the lock
    let gvc: OpaquePointer?
    /// Memory for parsed graphs; see `cg_arena_t` in CGraphvizSupport.h for why output needs it.
    let arena: OpaquePointer
  }
  private let context: Locked<Context>

  /// Runs `body` holding the lock that every use of Graphviz in this process takes (cgraph keeps
  /// global state): for tests that call the C layer directly, next to renders on other threads.
  package func exclusively<T>(_ body: () throws -> T) rethrows -> T { try context.withLock { _ in try body() } }
  /// The thread that runs renders started from async code and renders with a timeout, so that no
  /// cooperative thread waits for Graphviz.
  private let queue = DispatchQueue(label: "CoalitionRender.GraphvizRenderer")

  private init() {
    let arena = cg_arena_create()!
    // Graphviz measures text with our plugin (TextMeasurements), which hands new strings to pango's
    // own engine. That engine is found once Graphviz has loaded its pango plugin, which the first
    // PNG does; without it, Graphviz keeps its usual choice.
    var gvc = cg_textlayout_builtins(TextMeasurements.layout).flatMap { gvContextPlugins($0, 1) }
    Self.warmUp(gvc, arena)
    TextMeasurements.pango = cg_pango_textlayout()
    if TextMeasurements.pango == nil {
      if let gvc { _ = gvFreeContext(gvc) }
      gvc = gvContext()
      Self.warmUp(gvc, arena)
    }
    context = Locked(Context(gvc: gvc, arena: arena))
  }

  /// Graphviz picks its text-layout plugin (pango) only once a device that needs it has been
  /// loaded; before that, text is measured by estimates. One tiny PNG up front makes every render
  /// of this process measure text the same way, so output is deterministic. The drawing has no
  /// text: cairo cannot draw text measured before pango is found.
  private static func warmUp(_ gvc: OpaquePointer?, _ arena: OpaquePointer) {
    guard let gvc, let g = cg_memread("digraph{a[shape=point]}", arena) else { return }
    if gvLayout(gvc, g, "dot") == 0 {
      var buffer: UnsafeMutablePointer<CChar>?
      var length = 0
      if cg_render_data(gvc, g, "png", &buffer, &length) == 0, let buffer { gvFreeRenderData(buffer) }
      gvFreeLayout(gvc, g)
    }
    agclose(g)
    cg_arena_release(arena)
  }

  deinit {
    context.withLock {
      if let c = $0.gvc { _ = gvFreeContext(c) }
      cg_arena_destroy($0.arena)
    }
  }

  /// The Graphviz library version, e.g. `2.43.0`.
  public var graphvizVersion: String {
    context.withLock { ctx in ctx.gvc.flatMap { gvcVersion($0) }.map { String(cString: $0) } ?? "unknown" }
  }

  /// Lays out and renders DOT text.
  ///
  /// On Graphviz 2.x, engines other than `dot` draw straight edges whatever the DOT asks: their
  /// curved-edge router crashes the process on some graphs (see `cg_spline_routing_is_fragile`).
  /// - Parameters:
  ///   - dot: A DOT document, e.g. from `DOTWriter`.
  ///   - engine: Layout engine.
  ///   - format: Output format.
  /// - Returns: The output bytes and Graphviz's warnings.
  /// - Throws: ``RenderError`` with Graphviz's messages.
  public func render(_ dot: String, engine: LayoutEngine = .dot, format: RenderFormat = .svg) throws -> RenderOutput {
    let result: Result<RenderOutput, RenderError> = context.withLock { ctx in
      guard let gvc = ctx.gvc else { return .failure(.unavailable("gvContext() failed")) }
      Diagnostics.begin()
      defer { Diagnostics.end() }
      // cairo (PNG, PDF) draws with pango's layout objects, which only a fresh measurement gives.
      TextMeasurements.remember = format != .png && format != .pdf
      TextMeasurements.measuredByPango = 0
      TextMeasurements.answeredFromTable = 0
      guard let g = dot.withCString({ cg_memread($0, ctx.arena) }) else {
        return .failure(.syntax(Diagnostics.text(orLast: true)))
      }
      defer {
        agclose(g)
        cg_arena_release(ctx.arena)
      }
      if engine != .dot, cg_spline_routing_is_fragile() != 0 { cg_set_graph_attribute(g, "splines", "line") }
      // The pinned engine is neato's no-op mode 2: it keeps node positions and also each edge's
      // own `pos` where given (the arcs of geographic maps); other edges it routes.
      guard gvLayout(gvc, g, engine == .pinned ? "nop2" : engine.rawValue) == 0 else {
        return .failure(.layout(engine: engine.rawValue, message: Diagnostics.text(orLast: true)))
      }
      defer { cg_free_layout(gvc, g, engine.rawValue) }
      var buffer: UnsafeMutablePointer<CChar>?
      var length = 0
      guard cg_render_data(gvc, g, format.rawValue, &buffer, &length) == 0, let buffer else {
        return .failure(.render(format: format.rawValue, message: Diagnostics.text(orLast: true)))
      }
      defer { gvFreeRenderData(buffer) }
      let bytes = buffer.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
      return .success(
        RenderOutput(
          bytes: bytes, warnings: Diagnostics.messages(),
          textLines: (TextMeasurements.measuredByPango, TextMeasurements.answeredFromTable)))
    }
    return try result.get()
  }

  /// Lays out and renders DOT text, giving up after `timeout`.
  ///
  /// Graphviz cannot be stopped from outside once a layout has begun: after the timeout this call
  /// throws ``RenderError/timedOut(seconds:)`` and the layout runs on in the background, holding
  /// the renderer, until it ends; its result is dropped. To reclaim the processor as well, render
  /// in a child process (as the `coalition` tool's `--timeout` does, by ending the process).
  /// - Throws: ``RenderError``.
  public func render(_ dot: String, engine: LayoutEngine = .dot, format: RenderFormat = .svg, timeout: Duration) throws -> RenderOutput {
    let done = DispatchSemaphore(value: 0)
    let outcome = Locked<Result<RenderOutput, any Error>?>(nil)
    queue.async {
      let result = Result { try self.render(dot, engine: engine, format: format) }
      outcome.withLock { $0 = result }
      done.signal()
    }
    guard done.wait(timeout: .now() + timeout.seconds) == .success else { throw RenderError.timedOut(seconds: timeout.seconds) }
    return try outcome.withLock { $0! }.get()
  }

  /// Lays out and renders DOT text without blocking a task of Swift's cooperative pool: the work,
  /// and the wait for the renderer while another render runs, happen on the renderer's own thread.
  ///
  /// When the calling task is cancelled, or `timeout` passes, the call returns at once: a render
  /// that has not started is skipped; one that has started runs on in the background (Graphviz
  /// cannot be interrupted) and its result is dropped.
  /// - Throws: `CancellationError` when the task is cancelled; ``RenderError/timedOut(seconds:)``;
  ///   ``RenderError``.
  public func render(_ dot: String, engine: LayoutEngine = .dot, format: RenderFormat = .svg, timeout: Duration? = nil) async throws
    -> RenderOutput
  {
    try Task.checkCancellation()
    let job = RenderJob()
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<RenderOutput, any Error>) in
        job.install(continuation)
        if let timeout {
          DispatchQueue.global().asyncAfter(deadline: .now() + timeout.seconds) { job.finish(.failure(RenderError.timedOut(seconds: timeout.seconds))) }
        }
        queue.async {
          guard !job.isFinished else { return }  // cancelled or timed out before it started
          job.finish(Result { try self.render(dot, engine: engine, format: format) })
        }
      }
    } onCancel: {
      job.finish(.failure(CancellationError()))
    }
  }

  /// Forgets the text measurements kept from earlier renders, so that pango measures every line
  /// of the next render again.
  func forgetTextMeasurements() {
    context.withLock { _ in TextMeasurements.table.removeAll() }
  }

  /// Whether text is measured through the table of earlier measurements (pango was found).
  var remembersTextMeasurements: Bool {
    context.withLock { _ in TextMeasurements.pango != nil }
  }

  /// Parses DOT text with Graphviz's own parser (`agmemread`) and returns what it read: names and
  /// attributes of the graph, its nodes and its edges. Used to check DOT written by this package.
  /// - Throws: ``RenderError/syntax(_:)`` with Graphviz's message.
  public func parse(_ dot: String) throws -> ParsedGraph {
    let result: Result<ParsedGraph, RenderError> = context.withLock { ctx in
      Diagnostics.begin()
      defer { Diagnostics.end() }
      guard let g = dot.withCString({ cg_memread($0, ctx.arena) }) else { return .failure(.syntax(Diagnostics.text(orLast: true))) }
      defer {
        agclose(g)
        cg_arena_release(ctx.arena)
      }
      return .success(ParsedGraph(g))
    }
    return try result.get()
  }
}

/// One async render: its continuation is resumed exactly once, by whichever comes first — the
/// result, the timeout or the task's cancellation.
private final class RenderJob: Sendable {
  private let state = Locked<(continuation: CheckedContinuation<RenderOutput, any Error>?, finished: Bool, early: Result<RenderOutput, any Error>?)>(
    (nil, false, nil))

  func install(_ continuation: CheckedContinuation<RenderOutput, any Error>) {
    let early = state.withLock { s -> Result<RenderOutput, any Error>? in
      if s.finished { return s.early }
      s.continuation = continuation
      return nil
    }
    if let early { continuation.resume(with: early) }  // cancelled before the continuation existed
  }

  var isFinished: Bool { state.withLock { $0.finished } }

  func finish(_ result: Result<RenderOutput, any Error>) {
    let continuation = state.withLock { s -> CheckedContinuation<RenderOutput, any Error>? in
      guard !s.finished else { return nil }
      s.finished = true
      if s.continuation == nil { s.early = result }
      defer { s.continuation = nil }
      return s.continuation
    }
    continuation?.resume(with: result)
  }
}

extension Duration {
  /// The duration in seconds.
  var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// What Graphviz's parser read from a DOT document.
public struct ParsedGraph: Sendable {
  /// An edge as Graphviz read it.
  public struct Edge: Sendable {
    /// The name of the node it leaves.
    public let tail: String
    /// The name of the node it reaches.
    public let head: String
    /// Its declared attributes.
    public let attributes: [String: String]
  }
  /// The graph's name.
  public let name: String
  /// Whether it is a `digraph`.
  public let directed: Bool
  /// Graph attributes as declared at the root.
  public let attributes: [String: String]
  /// Node names in creation order.
  public let nodeNames: [String]
  /// Attributes of each node by name (declared attributes with their values, defaults included).
  public let nodeAttributes: [String: [String: String]]
  /// Edges in Graphviz's iteration order (by tail node, then creation).
  public let edges: [Edge]

  init(_ g: UnsafeMutablePointer<Agraph_t>) {
    func string(_ p: UnsafeMutablePointer<CChar>?) -> String { p.map { String(cString: $0) } ?? "" }
    func readAttributes(_ object: UnsafeMutableRawPointer, kind: Int32) -> [String: String] {
      var out: [String: String] = [:]
      var sym = agnxtattr(g, kind, nil)
      while let s = sym {
        out[string(s.pointee.name)] = string(agxget(object, s))
        sym = agnxtattr(g, kind, s)
      }
      return out
    }
    name = string(agnameof(UnsafeMutableRawPointer(g)))
    directed = agisdirected(g) != 0
    attributes = readAttributes(UnsafeMutableRawPointer(g), kind: Int32(AGRAPH))
    var names: [String] = []
    var nodeAttrs: [String: [String: String]] = [:]
    var edges: [Edge] = []
    var n = agfstnode(g)
    while let node = n {
      let nodeName = string(agnameof(UnsafeMutableRawPointer(node)))
      names.append(nodeName)
      nodeAttrs[nodeName] = readAttributes(UnsafeMutableRawPointer(node), kind: Int32(AGNODE))
      var e = agfstout(g, node)
      while let edge = e {
        edges.append(
          Edge(
            tail: string(agnameof(UnsafeMutableRawPointer(cg_tail(edge)))),
            head: string(agnameof(UnsafeMutableRawPointer(cg_head(edge)))),
            attributes: readAttributes(UnsafeMutableRawPointer(edge), kind: Int32(AGEDGE))))
        e = agnxtout(g, edge)
      }
      n = agnxtnode(g, node)
    }
    nodeNames = names
    nodeAttributes = nodeAttrs
    self.edges = edges
  }
}

/// Collects Graphviz's messages through `agseterrf` while the renderer's lock is held.
enum Diagnostics {
  nonisolated(unsafe) private static var buffer: [String] = []  // only touched under the renderer's lock

  static func begin() {
    buffer = []
    _ = agseterr(AGWARN)
    _ = agseterrf { message in
      if let message { Diagnostics.buffer.append(String(cString: message)) }
      return 0
    }
    _ = agreseterrors()
  }

  static func end() {
    _ = agseterrf(nil)
  }

  /// Messages as separate lines, trimmed, without empty ones.
  static func messages() -> [String] {
    buffer.joined().split(separator: "\n").map { $0.trimmingCharacters() }.filter { !$0.isEmpty }
  }

  /// All captured text, or `aglasterr()` when nothing was captured.
  static func text(orLast: Bool) -> String {
    let m = messages().joined(separator: "; ")
    if !m.isEmpty || !orLast { return m }
    return aglasterr().map { String(cString: $0).trimmingCharacters() } ?? ""
  }
}

extension Substring {
  func trimmingCharacters() -> String { String(self).trimmingCharacters() }
}

extension String {
  func trimmingCharacters() -> String {
    var s = Substring(self)
    while let f = s.first, f.isWhitespace { s.removeFirst() }
    while let l = s.last, l.isWhitespace { s.removeLast() }
    return String(s)
  }
}

extension RenderError: LocalizedError {
  /// The same text as `description` (and as the command-line tool prints), so that apps show it
  /// instead of "The operation could not be completed".
  public var errorDescription: String? { description }
}
