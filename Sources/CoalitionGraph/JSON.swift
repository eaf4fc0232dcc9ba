/// A parsed JSON value that remembers where it started in the text, so that problems found
/// later can be reported by line and column. Object members keep their order.
package struct JSONNode: Sendable {
  package indirect enum Value: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONNode])
    case object([(key: String, value: JSONNode)])
  }

  package var value: Value
  /// Byte offset of the value's first byte in the source text (0 for values built in code).
  package var offset: Int

  package init(_ value: Value, offset: Int = 0) {
    self.value = value
    self.offset = offset
  }

  /// The JSON type name used in messages: "a string", "an object"…
  package var isTrue: Bool {
    if case .bool(true) = value { return true }
    return false
  }

  package var typeName: String {
    switch value {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }
}

/// A syntax error in JSON text.
package struct JSONSyntaxError: Error {
  package var offset: Int
  package var message: String
}

/// A strict RFC 8259 parser over UTF-8 bytes. It never traps: every malformed input, including
/// truncated text, invalid UTF-8, lone surrogates and nesting deeper than ``maxDepth``,
/// becomes a ``JSONSyntaxError``.
package struct JSONParser {
  static let maxDepth = 256
  private let bytes: [UInt8]
  private var i = 0
  private var depth = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  package static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
    var p = JSONParser(bytes)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { p.i = 3 }  // tolerate a UTF-8 byte-order mark
    p.skipSpace()
    if p.i >= bytes.count { throw JSONSyntaxError(offset: p.i, message: "the file is empty; expected a JSON object") }
    let v = try p.value()
    p.skipSpace()
    if p.i < bytes.count { throw JSONSyntaxError(offset: p.i, message: "unexpected text after the end of the JSON document") }
    return v
  }

  private mutating func skipSpace() {
    while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
  }

  private func fail(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
    JSONSyntaxError(offset: offset ?? i, message: message)
  }

  private func truncated(_ what: String) -> JSONSyntaxError {
    fail("unexpected end of file inside \(what) (is the file truncated?)")
  }

  private mutating func value() throws(JSONSyntaxError) -> JSONNode {
    guard i < bytes.count else { throw truncated("a value") }
    let start = i
    switch bytes[i] {
    case UInt8(ascii: "{"): return JSONNode(try object(), offset: start)
    case UInt8(ascii: "["): return JSONNode(try array(), offset: start)
    case UInt8(ascii: "\""): return JSONNode(.string(try string()), offset: start)
    case UInt8(ascii: "t"): try literal("true"); return JSONNode(.bool(true), offset: start)
    case UInt8(ascii: "f"): try literal("false"); return JSONNode(.bool(false), offset: start)
    case UInt8(ascii: "n"): try literal("null"); return JSONNode(.null, offset: start)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return JSONNode(.number(try number()), offset: start)
    default: throw fail("unexpected \(describe(bytes[i])); expected a JSON value")
    }
  }

  private func describe(_ b: UInt8) -> String {
    (0x21...0x7E).contains(b) ? "character '\(Character(Unicode.Scalar(b)))'" : "byte 0x\(String(b, radix: 16))"
  }

  private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
    let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    for (k, b) in w.enumerated() {
      guard i + k < bytes.count else { throw truncated("'\(word)'") }
      guard bytes[i + k] == b else { throw fail("unexpected text; expected '\(word)'", at: i) }
    }
    i += w.count
  }

  private mutating func enter() throws(JSONSyntaxError) {
    depth += 1
    if depth > JSONParser.maxDepth { throw fail("nesting deeper than \(JSONParser.maxDepth) levels") }
  }

  private mutating func object() throws(JSONSyntaxError) -> JSONNode.Value {
    try enter()
    defer { depth -= 1 }
    i += 1
    var members: [(key: String, value: JSONNode)] = []
    skipSpace()
    guard i < bytes.count else { throw truncated("an object") }
    if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
    while true {
      skipSpace()
      guard i < bytes.count else { throw truncated("an object") }
      guard bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a member name in double quotes, found \(describe(bytes[i]))") }
      let key = try string()
      skipSpace()
      guard i < bytes.count else { throw truncated("an object") }
      guard bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':' after member name \"\(key)\"") }
      i += 1
      skipSpace()
      members.append((key, try value()))
      skipSpace()
      guard i < bytes.count else { throw truncated("an object") }
      if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
      if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
      throw fail("expected ',' or '}' in an object, found \(describe(bytes[i]))")
    }
  }

  private mutating func array() throws(JSONSyntaxError) -> JSONNode.Value {
    try enter()
    defer { depth -= 1 }
    i += 1
    var items: [JSONNode] = []
    skipSpace()
    guard i < bytes.count else { throw truncated("an array") }
    if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
    while true {
      skipSpace()
      items.append(try value())
      skipSpace()
      guard i < bytes.count else { throw truncated("an array") }
      if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
      if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
      throw fail("expected ',' or ']' in an array, found \(describe(bytes[i]))")
    }
  }

  private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
    guard i + 4 <= bytes.count else { throw truncated("a \\u escape") }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let b = bytes[i]
      let d: UInt32
      switch b {
      case 48...57: d = UInt32(b - 48)
      case 65...70: d = UInt32(b - 55)
      case 97...102: d = UInt32(b - 87)
      default: throw fail("invalid \\u escape: expected four hexadecimal digits")
      }
      v = v << 4 | d
      i += 1
    }
    return v
  }

  private mutating func string() throws(JSONSyntaxError) -> String {
    let open = i
    i += 1
    var out: [UInt8] = []
    var runStart = i
    while true {
      guard i < bytes.count else { throw fail("unexpected end of file inside a string that starts here (is the file truncated?)", at: open) }
      let b = bytes[i]
      if b == UInt8(ascii: "\"") {
        out.append(contentsOf: bytes[runStart..<i])
        i += 1
        break
      }
      if b < 0x20 { throw fail("control character (byte 0x\(String(b, radix: 16))) inside a string; write it as an escape such as \\n") }
      if b != UInt8(ascii: "\\") { i += 1; continue }
      out.append(contentsOf: bytes[runStart..<i])
      i += 1
      guard i < bytes.count else { throw truncated("a string escape") }
      let e = bytes[i]
      i += 1
      switch e {
      case UInt8(ascii: "\""): out.append(0x22)
      case UInt8(ascii: "\\"): out.append(0x5C)
      case UInt8(ascii: "/"): out.append(0x2F)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = try hex4()
        if (0xD800...0xDBFF).contains(scalar) {
          guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
            throw fail("lone UTF-16 surrogate in a \\u escape")
          }
          i += 2
          let low = try hex4()
          guard (0xDC00...0xDFFF).contains(low) else { throw fail("invalid UTF-16 surrogate pair in a \\u escape") }
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(scalar) {
          throw fail("lone UTF-16 surrogate in a \\u escape")
        }
        out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
      default: throw fail("invalid escape '\\\(Character(Unicode.Scalar(e)))' in a string")
      }
      runStart = i
    }
    guard let s = String(validating: out, as: UTF8.self) else { throw fail("a string is not valid UTF-8", at: open) }
    return s
  }

  private mutating func number() throws(JSONSyntaxError) -> Double {
    let start = i
    func digits() -> Int {
      let s = i
      while i < bytes.count, (48...57).contains(bytes[i]) { i += 1 }
      return i - s
    }
    if bytes[i] == UInt8(ascii: "-") { i += 1 }
    guard i < bytes.count else { throw truncated("a number") }
    if bytes[i] == UInt8(ascii: "0") {
      i += 1
    } else if digits() == 0 {
      throw fail("invalid number", at: start)
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
      i += 1
      if digits() == 0 { throw fail("invalid number: expected digits after '.'", at: start) }
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
      i += 1
      if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
      if digits() == 0 { throw fail("invalid number: expected digits in the exponent", at: start) }
    }
    let text = String(decoding: bytes[start..<i], as: UTF8.self)
    guard let v = Double(text) else { throw fail("invalid number \(text)", at: start) }
    return v
  }
}

/// Maps byte offsets to 1-based line and column (columns count Unicode scalars).
package struct LineIndex {
  private let bytes: [UInt8]
  private let lineStarts: [Int]

  package init(_ bytes: [UInt8]) {
    self.bytes = bytes
    var starts = [0]
    for (k, b) in bytes.enumerated() where b == 0x0A { starts.append(k + 1) }
    lineStarts = starts
  }

  package func position(of offset: Int) -> SourcePosition {
    var lo = 0
    var hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    let start = lineStarts[lo]
    let end = min(offset, bytes.count)
    let column = bytes[start..<max(start, end)].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } + 1
    return SourcePosition(line: lo + 1, column: column)
  }
}

/// Writes JSON deterministically: two-space indentation, members in the order given,
/// short arrays of scalars on one line, numbers in their shortest round-trip form.
package struct JSONWriter {
  private(set) var text = ""

  package static func write(_ node: JSONNode) -> String {
    var w = JSONWriter()
    w.emit(node, indent: 0)
    w.text += "\n"
    return w.text
  }

  /// The node on one line, without spaces.
  package static func compact(_ node: JSONNode) -> String {
    switch node.value {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let x): return number(x)
    case .string(let s): return JSONText.quoted(s)
    case .array(let items): return "[" + items.map(compact).joined(separator: ",") + "]"
    case .object(let members): return "{" + members.map { JSONText.quoted($0.key) + ":" + compact($0.value) }.joined(separator: ",") + "}"
    }
  }

  private mutating func emit(_ node: JSONNode, indent: Int) {
    switch node.value {
    case .null: text += "null"
    case .bool(let b): text += b ? "true" : "false"
    case .number(let x): text += JSONWriter.number(x)
    case .string(let s): JSONWriter.quote(s, into: &text)
    case .array(let items):
      if items.isEmpty { text += "[]"; return }
      if items.allSatisfy({ if case .array = $0.value { return false }; if case .object = $0.value { return false }; return true }) {
        text += "["
        for (k, item) in items.enumerated() {
          if k > 0 { text += ", " }
          emit(item, indent: indent)
        }
        text += "]"
        return
      }
      text += "[\n"
      for (k, item) in items.enumerated() {
        text += String(repeating: " ", count: indent + 2)
        emit(item, indent: indent + 2)
        text += k + 1 < items.count ? ",\n" : "\n"
      }
      text += String(repeating: " ", count: indent) + "]"
    case .object(let members):
      if members.isEmpty { text += "{}"; return }
      text += "{\n"
      for (k, m) in members.enumerated() {
        text += String(repeating: " ", count: indent + 2)
        JSONWriter.quote(m.key, into: &text)
        text += ": "
        emit(m.value, indent: indent + 2)
        text += k + 1 < members.count ? ",\n" : "\n"
      }
      text += String(repeating: " ", count: indent) + "}"
    }
  }

  /// Integers print without a fraction; other values in Swift's shortest round-trip form (read
  /// back, the text gives the same bits; negative zero is `-0`).
  package static func number(_ x: Double) -> String {
    if x == 0 { return x.sign == .minus ? "-0" : "0" }
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return String(x)
  }

  static func quote(_ s: String, into out: inout String) {
    out += JSONText.quoted(s)
  }
}

/// JSON string literals, shared by every JSON writer in the package.
public enum JSONText {
  /// `s` as a JSON string literal: quotes, backslashes and control characters escaped, everything
  /// else (including non-ASCII text) written as is.
  public static func quoted(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where u.value < 0x20 || u.value == 0x7F:
        out += "\\u" + String(u.value, radix: 16).leftPadded(to: 4)
      default: out.unicodeScalars.append(u)
      }
    }
    return out + "\""
  }
}
