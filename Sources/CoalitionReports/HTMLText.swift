import CoalitionGraph

/// Text made safe for the contexts of an HTML page this package writes.
public enum HTMLText {
  /// `s` for HTML text or a quoted attribute value: `&`, `<`, `>`, `"` and `'` as character
  /// references, so that nothing in it can open a tag, end an attribute or start an entity.
  public static func escaped(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for u in s.unicodeScalars {
      switch u {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(u)
      }
    }
    return out
  }

  /// JSON text for a `<script type="application/json">` block: `<`, `>` and `&` written as
  /// `\u003c`, `\u003e` and `\u0026` (JSON reads them back unchanged), so that no `</script>`,
  /// `<!--` or entity can appear in the block whatever the data says; U+2028 and U+2029 escaped
  /// too, for readers that treat the block as JavaScript.
  public static func scriptJSON(_ json: String) -> String {
    var out = ""
    out.reserveCapacity(json.utf8.count)
    for u in json.unicodeScalars {
      switch u {
      case "<": out += "\\u003c"
      case ">": out += "\\u003e"
      case "&": out += "\\u0026"
      case "\u{2028}": out += "\\u2028"
      case "\u{2029}": out += "\\u2029"
      default: out.unicodeScalars.append(u)
      }
    }
    return out
  }
}
