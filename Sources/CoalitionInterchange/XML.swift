import CoalitionGraph

/// An XML element read whole: enough for GraphML and GEXF documents, which are trees of small
/// elements. Positions are kept for error messages.
final class XMLElement {
  let name: String
  let attributes: [(name: String, value: String)]
  var children: [XMLElement] = []
  var text = ""
  let line: Int
  let column: Int

  init(name: String, attributes: [(name: String, value: String)], line: Int, column: Int) {
    self.name = name
    self.attributes = attributes
    self.line = line
    self.column = column
  }

  /// The local name: what follows the last ":" (XML allows names such as ":", ":x" and "a:").
  var localName: String { name.lastIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name }
  /// The namespace prefix: what precedes the first ":", possibly empty; `nil` without one.
  var prefix: String? { name.firstIndex(of: ":").map { String(name[..<$0]) } }

  subscript(attribute: String) -> String? { attributes.first { $0.name == attribute }?.value }

  func children(_ local: String) -> [XMLElement] { children.filter { $0.prefix == nil && $0.localName == local } }
  func child(_ local: String) -> XMLElement? { children.first { $0.prefix == nil && $0.localName == local } }
}

/// A strict, small XML parser: elements, attributes, text, CDATA, comments, processing
/// instructions and a DOCTYPE (skipped); the five predefined entities and character references.
/// It never traps; malformed input gives an ``ImportError`` with line and column.
struct XMLParser {
  private let bytes: [UInt8]
  private var i = 0
  private let file: String
  private let lines: LineIndex
  static let maxDepth = 256
  /// The longest attribute value or element text, in bytes: past it the file is refused rather
  /// than copied into memory again.
  static let longestValue = 16 << 20

  private init(_ bytes: [UInt8], file: String) {
    self.bytes = bytes
    self.file = file
    self.lines = LineIndex(bytes)
  }

  static func parse(_ bytes: [UInt8], file: String) throws(ImportError) -> XMLElement {
    var p = XMLParser(bytes, file: file)
    return try p.document()
  }

  private func fail(_ message: String, at offset: Int? = nil) -> ImportError {
    let pos = lines.position(of: min(offset ?? i, max(bytes.count - 1, 0)))
    return ImportError(file: file, line: pos.line, column: pos.column, message)
  }

  private func starts(with s: String) -> Bool {
    let u = Array(s.utf8)
    return i + u.count <= bytes.count && Array(bytes[i..<(i + u.count)]) == u
  }

  private mutating func skip(past terminator: String, what: String) throws(ImportError) {
    let start = i
    let t = Array(terminator.utf8)
    while i + t.count <= bytes.count {
      if bytes[i] == t[0], Array(bytes[i..<(i + t.count)]) == t {
        i += t.count
        return
      }
      i += 1
    }
    throw fail("\(what) is never closed", at: start)
  }

  private mutating func skipSpace() {
    while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
  }

  private mutating func skipMisc() throws(ImportError) {
    while true {
      skipSpace()
      if starts(with: "<?") {
        try skip(past: "?>", what: "processing instruction")
      } else if starts(with: "<!--") {
        try skip(past: "-->", what: "comment")
      } else if starts(with: "<!DOCTYPE") {
        // Skip the declaration, including an internal subset in brackets.
        let start = i
        var depth = 0
        while i < bytes.count {
          if bytes[i] == UInt8(ascii: "[") { depth += 1 }
          if bytes[i] == UInt8(ascii: "]") { depth -= 1 }
          if bytes[i] == UInt8(ascii: ">"), depth <= 0 { break }
          i += 1
        }
        guard i < bytes.count else { throw fail("DOCTYPE is never closed", at: start) }
        i += 1
      } else {
        return
      }
    }
  }

  private mutating func document() throws(ImportError) -> XMLElement {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    try skipMisc()
    guard i < bytes.count, bytes[i] == UInt8(ascii: "<") else { throw fail(bytes.isEmpty ? "the file is empty" : "not an XML document: expected '<'") }
    let root = try element(depth: 0)
    try skipMisc()
    if i < bytes.count { throw fail("content after the root element") }
    return root
  }

  private static func isNameByte(_ b: UInt8) -> Bool {
    b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
      || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
  }

  private mutating func name() throws(ImportError) -> String {
    let start = i
    while i < bytes.count, XMLParser.isNameByte(bytes[i]) { i += 1 }
    guard i > start, let s = String(validating: bytes[start..<i], as: UTF8.self) else { throw fail("expected a name", at: start) }
    return s
  }

  private mutating func element(depth: Int) throws(ImportError) -> XMLElement {
    guard depth < XMLParser.maxDepth else { throw fail("elements nested more than \(XMLParser.maxDepth) deep") }
    let open = i
    i += 1  // '<'
    let tag = try name()
    var attributes: [(name: String, value: String)] = []
    while true {
      let before = i
      skipSpace()
      guard i < bytes.count else { throw fail("tag <\(tag)> is never closed", at: open) }
      if bytes[i] == UInt8(ascii: "/") {
        guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: ">") else { throw fail("expected '/>'") }
        i += 2
        let pos = lines.position(of: open)
        return XMLElement(name: tag, attributes: attributes, line: pos.line, column: pos.column)
      }
      if bytes[i] == UInt8(ascii: ">") {
        i += 1
        break
      }
      if i == before { throw fail("expected white space between attributes") }
      let attrStart = i
      let attr = try name()
      skipSpace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { throw fail("attribute \(attr) has no value") }
      i += 1
      skipSpace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else {
        throw fail("the value of \(attr) must be quoted")
      }
      let quote = bytes[i]
      i += 1
      let valueStart = i
      while i < bytes.count, bytes[i] != quote {
        if bytes[i] == UInt8(ascii: "<") { throw fail("'<' in the value of attribute \(attr)") }
        i += 1
        if i - valueStart > Self.longestValue {
          throw fail("the value of attribute \(attr) is longer than \(Self.longestValue >> 20) MB", at: valueStart)
        }
      }
      guard i < bytes.count else { throw fail("the value of \(attr) is never closed", at: valueStart) }
      let value = try decode(valueStart..<i, normaliseSpace: true)
      i += 1
      if attributes.contains(where: { $0.name == attr }) { throw fail("attribute \(attr) appears twice", at: attrStart) }
      attributes.append((attr, value))
    }
    let pos = lines.position(of: open)
    let element = XMLElement(name: tag, attributes: attributes, line: pos.line, column: pos.column)
    var text: [UInt8] = []
    while true {
      guard i < bytes.count else { throw fail("element <\(tag)> is never closed", at: open) }
      if bytes[i] == UInt8(ascii: "<") {
        if starts(with: "</") {
          i += 2
          let closing = try name()
          skipSpace()
          guard i < bytes.count, bytes[i] == UInt8(ascii: ">") else { throw fail("expected '>' to end </\(closing)>") }
          i += 1
          guard closing == tag else { throw fail("</\(closing)> closes <\(tag)> (opened at line \(pos.line))", at: i - 1) }
          element.text = String(decoding: text, as: UTF8.self)
          return element
        } else if starts(with: "<!--") {
          try skip(past: "-->", what: "comment")
        } else if starts(with: "<![CDATA[") {
          i += 9
          let start = i
          try skip(past: "]]>", what: "CDATA section")
          text += bytes[start..<(i - 3)]
          if text.count > Self.longestValue { throw fail("the text of <\(tag)> is longer than \(Self.longestValue >> 20) MB", at: start) }
        } else if starts(with: "<?") {
          try skip(past: "?>", what: "processing instruction")
        } else {
          element.children.append(try self.element(depth: depth + 1))
        }
      } else {
        let start = i
        while i < bytes.count, bytes[i] != UInt8(ascii: "<") { i += 1 }
        guard text.count + (i - start) <= Self.longestValue else {
          throw fail("the text of <\(tag)> is longer than \(Self.longestValue >> 20) MB", at: start)
        }
        text += Array(try decode(start..<i, normaliseSpace: false).utf8)
      }
    }
  }

  /// Text with entity and character references replaced; invalid UTF-8 is an error.
  private func decode(_ r: Range<Int>, normaliseSpace: Bool) throws(ImportError) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(r.count)
    var k = r.lowerBound
    while k < r.upperBound {
      let b = bytes[k]
      if b == UInt8(ascii: "&") {
        guard let semi = bytes[k..<r.upperBound].firstIndex(of: UInt8(ascii: ";")), semi - k <= 12 else {
          throw fail("'&' must start an entity such as &amp;", at: k)
        }
        let entity = String(decoding: bytes[(k + 1)..<semi], as: UTF8.self)
        switch entity {
        case "amp": out.append(UInt8(ascii: "&"))
        case "lt": out.append(UInt8(ascii: "<"))
        case "gt": out.append(UInt8(ascii: ">"))
        case "quot": out.append(UInt8(ascii: "\""))
        case "apos": out.append(UInt8(ascii: "'"))
        default:
          var scalar: Unicode.Scalar?
          if entity.hasPrefix("#x"), let v = UInt32(entity.dropFirst(2), radix: 16) { scalar = Unicode.Scalar(v) }
          else if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst()) { scalar = Unicode.Scalar(v) }
          guard let scalar else { throw fail("unknown entity &\(entity);", at: k) }
          out += Array(String(Character(scalar)).utf8)
        }
        k = semi + 1
      } else {
        out.append(normaliseSpace && (b == 0x09 || b == 0x0A || b == 0x0D) ? 0x20 : b)
        k += 1
      }
    }
    guard let s = String(validating: out, as: UTF8.self) else { throw fail("invalid UTF-8", at: r.lowerBound) }
    return s
  }
}

/// Escapes text for XML content and attribute values.
enum XMLText {
  static func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for u in s.unicodeScalars {
      switch u {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\n": out += "&#10;"
      case "\r": out += "&#13;"
      case "\t": out += "&#9;"
      default:
        // Control characters other than tab and line breaks cannot appear in XML 1.0; drop them.
        if u.value < 0x20 { continue }
        out.unicodeScalars.append(u)
      }
    }
    return out
  }

  /// ` name="value"` pairs, escaped, in the order given.
  static func attributes(_ pairs: [(String, String)]) -> String {
    pairs.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
  }
}
