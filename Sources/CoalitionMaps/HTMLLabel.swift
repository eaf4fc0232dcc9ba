/// An HTML-like Graphviz label, built from elements and text that this type escapes.
///
/// Text is never spliced into markup directly: `&`, `<`, `>` and `"` become entities and control
/// characters are dropped, so any string can be shown. Only the elements Graphviz knows can be built.
public struct HTMLLabel: Hashable, Sendable {
  /// The escaped markup, without the enclosing `<` `>`.
  public let markup: String

  /// Graphviz's HTML-like label elements.
  public enum Tag: String, Sendable {
    /// A table; its rows are `tr` elements.
    case table = "TABLE"
    /// A table row; its cells are `td` elements.
    case tr = "TR"
    /// A table cell.
    case td = "TD"
    /// A change of font face, size or colour.
    case font = "FONT"
    /// Bold.
    case b = "B"
    /// Italic.
    case i = "I"
    /// Underlined.
    case u = "U"
    /// Overlined.
    case o = "O"
    /// Struck through.
    case s = "S"
    /// Subscript.
    case sub = "SUB"
    /// Superscript.
    case sup = "SUP"
    /// A line break.
    case br = "BR"
    /// A horizontal rule between table rows.
    case hr = "HR"
    /// A vertical rule between table cells.
    case vr = "VR"
  }

  init(markup: String) { self.markup = markup }

  /// Plain text, escaped.
  public static func text(_ s: String) -> HTMLLabel { HTMLLabel(markup: escape(s)) }

  /// Text-level elements, which Graphviz rejects when empty (`<FONT></FONT>` is a syntax error).
  static let inline: Set<Tag> = [.font, .b, .i, .u, .o, .s, .sub, .sup]

  /// An element with attributes (values escaped) around the given children. A text-level element
  /// without content is left out, since Graphviz would reject the whole label.
  public static func element(_ tag: Tag, _ attributes: [HTMLAttribute] = [], _ children: [HTMLLabel] = []) -> HTMLLabel {
    if inline.contains(tag) && children.allSatisfy({ $0.markup.isEmpty }) { return HTMLLabel(markup: "") }
    var m = "<" + tag.rawValue
    for a in attributes {
      m += " " + a.name.filter { $0.isLetter || $0 == "-" } + "=\"" + escape(a.value) + "\""
    }
    if children.isEmpty && (tag == .br || tag == .hr || tag == .vr) { return HTMLLabel(markup: m + "/>") }
    return HTMLLabel(markup: m + ">" + children.map(\.markup).joined() + "</" + tag.rawValue + ">")
  }

  /// A line break.
  public static var lineBreak: HTMLLabel { element(.br) }

  /// Children side by side.
  public static func concat(_ parts: [HTMLLabel]) -> HTMLLabel { HTMLLabel(markup: parts.map(\.markup).joined()) }

  /// A table cell holding `content`.
  public static func cell(_ content: HTMLLabel, _ attributes: [HTMLAttribute] = []) -> HTMLLabel {
    element(.td, attributes, [content])
  }

  /// A table row.
  public static func row(_ cells: [HTMLLabel]) -> HTMLLabel { element(.tr, [], cells) }

  /// A table.
  public static func table(_ attributes: [HTMLAttribute], rows: [HTMLLabel]) -> HTMLLabel {
    element(.table, attributes, rows)
  }

  /// Text in a font (colour, size, face).
  public static func font(_ attributes: [HTMLAttribute], _ content: HTMLLabel) -> HTMLLabel {
    element(.font, attributes, [content])
  }

  static func escape(_ s: String) -> String {
    var out = ""
    for u in s.unicodeScalars {
      switch u {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case _ where u.properties.generalCategory == .control: out += u == "\n" || u == "\t" ? " " : ""
      default: out.unicodeScalars.append(u)
      }
    }
    return out
  }
}

/// One attribute of an element of a Graphviz HTML-like label, such as `ALIGN="LEFT"`.
public struct HTMLAttribute: Hashable, Sendable {
  /// The attribute's name (letters and hyphens are kept).
  public var name: String
  /// Its value, escaped when written.
  public var value: String

  /// `name="value"`.
  public init(_ name: String, _ value: String) {
    self.name = name
    self.value = value
  }
}

