import CoalitionGraph

/// How a coalition map looks. Every choice can be overridden; the defaults follow the project's
/// map conventions (colour per kind from colour-blind-safe palettes, line style per confidence).
public struct MapStyle: Sendable {
  /// Colour per kind identifier (`#RRGGBB`), overriding `color` and the palette.
  public var kindColors: [String: String] = [:]
  /// Cluster fill per bloc identifier, overriding `color` and the palette.
  public var blocFills: [String: String] = [:]
  /// Graphviz line style per confidence: reported solid, assessed dotted, alleged dashed.
  public var confidenceStyles: [Confidence: String] = [.reported: "solid", .assessed: "dotted", .alleged: "dashed"]
  /// Arrowhead of directed hostile ties (cooperative directed ties use `normal`).
  public var hostileArrowhead = "tee"
  /// Let hostile ties shape the layout. Off by default: with `dot` (the default engine) they get
  /// `constraint=false`, so ranks are set by cooperation only. The force-directed engines have no
  /// way to exempt an edge (`weight=0` is invalid for neato and fdp and splits twopi's tree).
  public var hostileTiesDriveLayout = false
  /// Line width in points of a tie of the map's median weight. A tie of weight w is drawn
  /// `penWidth × √(w ÷ median)` wide, within ``penWidthBounds``: width is proportional to the square
  /// root of the weight, so a tie 4× as heavy is 2× as wide (and its line covers about 2× the
  /// area at equal length). Ties of weight 0 or less are drawn at the lower bound.
  public var penWidth = 1.6
  /// The thinnest and the thickest line, in points.
  public var penWidthBounds: ClosedRange<Double> = 0.8...8
  /// Font of labels, legend and caption.
  public var fontName = "Helvetica"
  /// Node diameter in inches for the smallest and the largest score.
  public var nodeDiameter: ClosedRange<Double> = 0.65...1.35
  /// Marker diameter in inches on geographic maps, for the smallest and the largest score: small,
  /// so that a marker stands on its capital without hiding its neighbours or its country.
  public var markerDiameter: ClosedRange<Double> = 0.1...0.3
  /// Font size in points of the labels beside the markers of a geographic map.
  public var markerLabelSize = 12.0
  /// Layout direction for `dot`: `LR`, `TB`, `RL` or `BT`.
  public var rankDirection = "LR"
  /// Label only the `labelTop` actors with the highest size score (the others keep their tooltip);
  /// `nil` labels every actor. For large maps, where labels would cover each other.
  public var labelTop: Int?
  /// How nodes are filled: by declared bloc, by community found in the view (Louvain), or
  /// `nil` to choose: blocs when the dataset declares any, communities when it does not and the map
  /// has more than 60 actors, else blocs (white for actors in none).
  public var fillBy: NodeFill?
  /// Make lighter ties fainter: line opacity from 35 % for the lightest to 100 % for the
  /// heaviest, by rank among the distinct weights (equal weights, equal opacity: 50 % when every
  /// tie weighs the same, so that a dense map of equal ties still shows what lies under them).
  /// `nil` does so on maps with more than ``straightEdgesAbove`` ties.
  public var opacityByWeight: Bool?
  /// Draw the legend of kinds, confidence and blocs.
  public var showLegend = true
  /// Write the caption with the source and the view.
  public var showCaption = true
  /// Evidence and details as SVG tooltips (and links where the evidence has a URL).
  public var tooltips = true
  /// Fill of actors in no bloc.
  public var unaffiliatedFill = "#FFFFFF"
  /// Maps with more ties than this draw straight edges (`splines=line`): Graphviz's curved edge
  /// routing grows much faster than the graph (on 146 actors and 1,707 ties, `dot` took 105 s and
  /// `sfdp` with curves over 3 minutes; `sfdp` with straight lines 0.5 s).
  public var straightEdgesAbove = 250

  /// The default style.
  public init() {}

  /// Fixed colours of the built-in kinds. Cooperative kinds draw on the Okabe–Ito and Paul Tol
  /// colour-blind-safe palettes; hostile kinds take warm or dark tones.
  public static let builtInKindColors: [String: String] = [
    "diplomatic": "#0072B2", "military": "#117733", "arms-transfer": "#E69F00", "technology": "#AA4499",
    "media": "#56B4E9", "economic": "#999933", "security": "#332288", "support": "#44AA99",
    "accusation": "#D55E00", "sanction": "#882255", "rivalry": "#CC6677", "war": "#000000",
  ]

  /// Colours handed to kinds a dataset declares, in order (Paul Tol's muted and bright sets).
  public static let extraKindPalette = ["#DDCC77", "#88CCEE", "#661100", "#6699CC", "#117777", "#AA7744", "#4477AA", "#BBBBBB"]

  /// Cluster fills handed to blocs in order: light tints that keep tie colours readable.
  public static let blocPalette = ["#FBE3DC", "#DCEAF7", "#E3F1DD", "#FFF3CC", "#EEE3F3", "#E6E6E6"]

  /// Fills handed to communities in order: the bloc tints, then Paul Tol's "light" colours (no
  /// grey, which stands for countries outside a geographic map's view).
  public static let communityPalette = [
    "#FBE3DC", "#DCEAF7", "#E3F1DD", "#FFF3CC", "#EEE3F3", "#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99",
    "#BBCC33", "#AAAA00",
  ]

  /// Land outside the view on a geographic map.
  public static let outsideFill = "#E4E4E4"

  /// The colour of a kind on this map.
  public func color(of kind: Kind, position: Int) -> String {
    kindColors[kind.id] ?? kind.color ?? MapStyle.builtInKindColors[kind.id]
      ?? MapStyle.extraKindPalette[position % MapStyle.extraKindPalette.count]
  }

  /// The colour of every kind of `graph`, by kind id: a declared kind's palette position is its
  /// place among the dataset's own kinds. The one rule that maps, GEXF and GraphML exports follow.
  public func kindColors(in graph: CoalitionNetwork) -> [String: String] {
    let position = Dictionary(uniqueKeysWithValues: graph.kinds.filter { !$0.isBuiltIn }.enumerated().map { ($1.id, $0) })
    return Dictionary(uniqueKeysWithValues: graph.kinds.map { ($0.id, color(of: $0, position: position[$0.id] ?? 0)) })
  }

  /// The fill of the bloc at position `b` of `graph.blocs`: the style's override, the bloc's own
  /// colour, else the palette by position. The one rule that maps and GEXF exports follow.
  public func blocFill(_ b: Int, in graph: CoalitionNetwork) -> String {
    let bloc = graph.blocs[b].bloc
    return blocFills[bloc.id] ?? bloc.color ?? MapStyle.blocPalette[b % MapStyle.blocPalette.count]
  }
}

/// What fills a map's nodes.
public enum NodeFill: String, Sendable, Hashable, CaseIterable {
  /// The first declared bloc that lists the actor.
  case bloc
  /// The community the Louvain method finds in the view (direction ignored, weighted, seed 1).
  case community
}
