import CGraphviz
import CGraphvizSupport

/// Text measurements remembered across renders (see "Text measurement" in CGraphvizSupport/support.c).
///
/// Graphviz asks its text-layout plugin for the size of every label line; pango answers by
/// shaping the text, which is the largest single cost of drawing a small map. The renderer
/// installs ``layout`` as a text-layout plugin ranked above pango: a string measured before, in
/// the same font, size and style, gets pango's earlier answer; anything else is passed to pango
/// and remembered. The numbers are pango's own, so the drawing is the same as without the table.
///
/// Drawings through cairo (PNG, PDF) need pango's layout object itself, not only its size, so
/// they bypass the table (``remember`` is off). Everything here is touched only under the
/// renderer's lock.
enum TextMeasurements {
  struct Key: Hashable {
    let text: [UInt8]
    let font: [UInt8]
    let size: Double
    let flags: UInt32
  }

  struct Measurement {
    let size: pointf
    let yoffsetLayout: Double
    let yoffsetCenterline: Double
    let result: cg_textlayout_result
  }

  /// At most this many measurements are kept; when full, the table starts again.
  static let capacity = 1 << 16

  nonisolated(unsafe) static var table: [Key: Measurement] = [:]
  /// pango's text-layout function; nil until the pango plugin is loaded and found.
  nonisolated(unsafe) static var pango: cg_textlayout_fn?
  /// Whether the current render may answer from the table (not for cairo formats).
  nonisolated(unsafe) static var remember = false
  /// Lines pango measured in the current render.
  nonisolated(unsafe) static var measuredByPango = 0
  /// Lines answered from the table in the current render.
  nonisolated(unsafe) static var answeredFromTable = 0

  /// The plugin's entry point, called by Graphviz for each line of text.
  static let layout: cg_textlayout_fn = { span, fontpath in
    guard let pango = TextMeasurements.pango else { return cg_textlayout_failed() }
    // A font path is asked for only in verbose mode; let pango answer it.
    guard TextMeasurements.remember, fontpath == nil, let span, let text = span.pointee.str,
      let font = span.pointee.font, let name = font.pointee.name
    else {
      TextMeasurements.measuredByPango += 1
      return pango(span, fontpath)
    }
    let key = Key(
      text: bytes(UnsafePointer(text)), font: bytes(UnsafePointer(name)), size: font.pointee.size, flags: UInt32(font.pointee.flags))
    if let known = TextMeasurements.table[key] {
      TextMeasurements.answeredFromTable += 1
      span.pointee.size = known.size
      span.pointee.yoffset_layout = known.yoffsetLayout
      span.pointee.yoffset_centerline = known.yoffsetCenterline
      span.pointee.layout = nil
      span.pointee.free_layout = nil
      return known.result
    }
    TextMeasurements.measuredByPango += 1
    let result = pango(span, fontpath)
    if TextMeasurements.table.count >= capacity { TextMeasurements.table.removeAll(keepingCapacity: true) }
    TextMeasurements.table[key] = Measurement(
      size: span.pointee.size, yoffsetLayout: span.pointee.yoffset_layout,
      yoffsetCenterline: span.pointee.yoffset_centerline, result: result)
    return result
  }

  private static func bytes(_ s: UnsafePointer<CChar>) -> [UInt8] {
    let n = strlen(s)
    return s.withMemoryRebound(to: UInt8.self, capacity: n) { Array(UnsafeBufferPointer(start: $0, count: n)) }
  }
}
