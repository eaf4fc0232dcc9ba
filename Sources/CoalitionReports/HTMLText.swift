import CoalitionGraph

/// Text made safe for the contexts of an HTML page this package writes.
public enum HTMLText {
  /// `s` for HTML text or a quoted attribute value: `&`, `<`, `>`, `"` and `'` as character
  /// references, so that nothing in it can open a tag, end an attribute or start an entity.
  public static func escaped(_ s: String) -> String {
    replacing(s) { u in
      switch u {
      case "&": return "&amp;"
      case "<": return "&lt;"
      case ">": return "&gt;"
      case "\"": return "&quot;"
      case "'": return "&#39;"
      default: return nil
      }
    }
  }

  /// JSON text for a `<script type="application/json">` block: `<`, `>` and `&` written as
  /// `\u003c`, `\u003e` and `\u0026` (JSON reads them back unchanged), so that no `</script>`,
  /// `<!--` or entity can appear in the block whatever the data says; U+2028 and U+2029 escaped
  /// too, for readers that treat the block as JavaScript.
  public static func scriptJSON(_ json: String) -> String {
    replacing(json) { u in
      switch u {
      case "<", ">", "&", "\u{2028}", "\u{2029}": return "\\u" + String(u.value, radix: 16).leftPadded(to: 4)
      default: return nil
      }
    }
  }

  /// `s` with each scalar that `replacement` maps replaced by its text.
  private static func replacing(_ s: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for u in s.unicodeScalars {
      if let r = replacement(u) { out += r } else { out.unicodeScalars.append(u) }
    }
    return out
  }
}
