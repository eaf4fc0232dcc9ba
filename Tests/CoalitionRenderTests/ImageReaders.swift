import CZlib
import Foundation

/// zlib data (a PNG's image data, a PDF's FlateDecode stream) inflated; `nil` when damaged.
func zlibInflate(_ bytes: [UInt8]) -> [UInt8]? {
  var stream = z_stream()
  guard inflateInit_(&stream, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
  defer { inflateEnd(&stream) }
  var out: [UInt8] = []
  var input = bytes
  var chunk = [UInt8](repeating: 0, count: 1 << 16)
  return input.withUnsafeMutableBufferPointer { inp -> [UInt8]? in
    stream.next_in = inp.baseAddress
    stream.avail_in = uInt(inp.count)
    while true {
      let status = chunk.withUnsafeMutableBufferPointer { buf -> Int32 in
        stream.next_out = buf.baseAddress
        stream.avail_out = uInt(buf.count)
        return inflate(&stream, Z_NO_FLUSH)
      }
      out += chunk[0..<(chunk.count - Int(stream.avail_out))]
      if status == Z_STREAM_END { return out }
      if status != Z_OK { return nil }
    }
  }
}

/// The pixels of an 8-bit RGB or RGBA PNG, read here to check what Graphviz's cairo plugin drew.
struct PNGImage {
  let width: Int
  let height: Int
  /// Bytes per pixel: 3 (RGB) or 4 (RGBA).
  let channels: Int
  /// Unfiltered rows, `width × channels` bytes each.
  let pixels: [UInt8]

  init?(_ png: [UInt8]) {
    guard png.count > 8, png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
    func be32(_ i: Int) -> Int { png[i..<i + 4].reduce(0) { $0 << 8 | Int($1) } }
    var offset = 8, data: [UInt8] = [], width = 0, height = 0, channels = 0
    while offset + 8 <= png.count {
      let length = be32(offset), type = String(decoding: png[offset + 4..<offset + 8], as: UTF8.self)
      let body = offset + 8
      guard body + length <= png.count else { return nil }
      switch type {
      case "IHDR":
        (width, height) = (be32(body), be32(body + 4))
        guard png[body + 8] == 8 else { return nil }
        switch png[body + 9] {
        case 2: channels = 3
        case 6: channels = 4
        default: return nil
        }
      case "IDAT": data += png[body..<body + length]
      default: break
      }
      offset = body + length + 4
    }
    guard channels > 0, let raw = zlibInflate(data), raw.count == height * (1 + width * channels) else { return nil }
    let stride = width * channels
    var out = [UInt8](repeating: 0, count: height * stride)
    for y in 0..<height {
      let filter = raw[y * (stride + 1)]
      for x in 0..<stride {
        let value = Int(raw[y * (stride + 1) + 1 + x])
        let a = x >= channels ? Int(out[y * stride + x - channels]) : 0
        let b = y > 0 ? Int(out[(y - 1) * stride + x]) : 0
        let c = x >= channels && y > 0 ? Int(out[(y - 1) * stride + x - channels]) : 0
        let predicted: Int
        switch filter {
        case 0: predicted = 0
        case 1: predicted = a
        case 2: predicted = b
        case 3: predicted = (a + b) / 2
        case 4:
          let p = a + b - c
          let (pa, pb, pc) = (abs(p - a), abs(p - b), abs(p - c))
          predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
        default: return nil
        }
        out[y * stride + x] = UInt8((value + predicted) & 0xFF)
      }
    }
    (self.width, self.height, self.channels, self.pixels) = (width, height, channels, out)
  }

  /// How many opaque pixels have each colour, as 0xRRGGBB.
  func colourCounts() -> [Int: Int] {
    var counts: [Int: Int] = [:]
    for i in stride(from: 0, to: pixels.count, by: channels) where channels == 3 || pixels[i + 3] == 255 {
      counts[Int(pixels[i]) << 16 | Int(pixels[i + 1]) << 8 | Int(pixels[i + 2]), default: 0] += 1
    }
    return counts
  }
}

/// The content of a PDF's compressed streams, inflated and joined.
enum PDFContent {
  static func inflatedStreams(_ pdf: [UInt8]) -> String {
    let start = Array("stream\n".utf8), end = Array("endstream".utf8)
    var out = ""
    var i = 0
    while let s = find(start, in: pdf, from: i) {
      let body = s + start.count
      guard let e = find(end, in: pdf, from: body) else { break }
      if let text = zlibInflate(Array(pdf[body..<e])) { out += String(decoding: text, as: UTF8.self) + "\n" }
      i = e + end.count
    }
    return out
  }

  static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
    guard needle.count <= haystack.count else { return nil }
    var i = from
    while i + needle.count <= haystack.count {
      if haystack[i] == needle[0], Array(haystack[i..<i + needle.count]) == needle { return i }
      i += 1
    }
    return nil
  }
}
