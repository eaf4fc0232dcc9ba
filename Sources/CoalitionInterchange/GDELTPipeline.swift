import CoalitionGraph
import Foundation

/// Reads GDELT inputs on several threads and merges what they give in input order.
///
/// Any thread may read a file (cutting it into blocks of whole lines) or scan a block another has
/// cut; a file's reader scans its own blocks when the queue is full, so a single large file keeps
/// every thread busy and many small files are read side by side. Scanned blocks are merged strictly
/// in order — file by file in sorted order, block by block — so the result is what one thread would
/// give. At most a few blocks per thread wait at any time: memory stays bounded by the bundles.
final class GDELTPipeline: @unchecked Sendable {
  struct Source {
    var name: String
    var bytes: Int
    var read: (_ emit: @escaping (GDELTRawBlock) throws -> Void) throws -> Void
  }
  private struct Task {
    var input: Int
    var index: Int
    var raw: GDELTRawBlock
  }
  private struct Scanned {
    var block: GDELTBlock
    var file: String
    var fileStart: Bool
    var through: Double
  }

  private let sources: [Source]
  private let threads: Int
  private let scanner: GDELTScanner
  private let condition = NSCondition()
  private var queue: [Task] = []
  private var queueHead = 0
  private var nextSource = 0
  private var producing = 0
  private var blockCounts: [Int?]
  private var ready: [Int: [Int: Scanned]] = [:]
  private var waiting = 0
  private var cursor = (input: 0, index: 0)
  private var lineBase = 1
  private var aggregator: GDELTAggregator
  private var failure: (any Error)?
  private var bytesDone = 0.0
  private var sourceThrough = 0.0
  private let bytesTotal: Int
  private let monitor = ProgressMonitor.current
  private let phase: String
  /// Inputs that could not be read to the end, with why (kept going under `.skip`).
  private(set) var unreadable: [ImportIssue] = []

  init(sources: [Source], threads: Int, scanner: GDELTScanner, aggregator: GDELTAggregator) {
    self.sources = sources
    // No more threads than there can be blocks: a small file is read on the calling thread alone.
    let blocks = sources.reduce(0) { $0 + 1 + $1.bytes / (1 << 20) }
    self.threads = max(1, min(threads, blocks))
    self.scanner = scanner
    self.aggregator = aggregator
    blockCounts = [Int?](repeating: nil, count: sources.count)
    bytesTotal = max(1, sources.reduce(0) { $0 + $1.bytes })
    phase = sources.count == 1 ? "reading \(sources[0].name)" : "reading \(sources.count) files"
  }

  /// Runs the workers (the calling thread is one of them) and returns the merged result.
  func run() throws -> GDELTAggregator {
    let group = DispatchGroup()
    for _ in 1..<threads {
      group.enter()
      Thread.detachNewThread { [self] in
        work()
        group.leave()
      }
    }
    work()
    group.wait()
    if let failure { throw failure }
    return aggregator
  }

  private var queueCapacity: Int { 2 * (threads - 1) }

  private func work() {
    condition.lock()
    while true {
      if failure != nil { break }
      if queueHead < queue.count {
        let task = queue[queueHead]
        queueHead += 1
        if queueHead == queue.count {
          queue.removeAll(keepingCapacity: true)
          queueHead = 0
        }
        condition.unlock()
        let scanned = scan(task)
        condition.lock()
        deposit(scanned, input: task.input, index: task.index)
        continue
      }
      if nextSource < sources.count, waiting <= 4 * threads {
        let input = nextSource
        nextSource += 1
        producing += 1
        condition.unlock()
        produce(input)
        condition.lock()
        producing -= 1
        advance()
        condition.broadcast()
        continue
      }
      if producing == 0, nextSource == sources.count { break }
      condition.wait()
    }
    condition.broadcast()
    condition.unlock()
  }

  private func scan(_ task: Task) -> Scanned {
    var block = GDELTBlock()
    task.raw.bytes.withUnsafeBufferPointer { scanner.scan($0, fileStart: task.raw.fileStart, into: &block) }
    return Scanned(block: block, file: task.raw.file, fileStart: task.raw.fileStart, through: task.raw.through)
  }

  /// Reads one input; its blocks go to the queue, or are scanned here when the queue is full.
  private func produce(_ input: Int) {
    var count = 0
    do {
      try sources[input].read { [self] raw in
        let task = Task(input: input, index: count, raw: raw)
        count += 1
        condition.lock()
        if let failure {
          condition.unlock()
          throw failure
        }
        if queue.count - queueHead < queueCapacity {
          queue.append(task)
          condition.signal()
          condition.unlock()
        } else {
          condition.unlock()
          let scanned = scan(task)
          condition.lock()
          deposit(scanned, input: input, index: task.index)
          condition.unlock()
        }
      }
    } catch let e as ImportError where aggregator.options.policy == .skip && !isCancellation(e) {
      // A damaged file: what was read before the damage stays, and the file is reported.
      condition.lock()
      unreadable.append(contentsOf: e.issues.map { var i = $0; i.file = e.file; return i })
      condition.unlock()
    } catch {
      condition.lock()
      if failure == nil { failure = error }
      condition.unlock()
    }
    condition.lock()
    blockCounts[input] = count
    condition.unlock()
  }

  private func isCancellation(_ e: ImportError) -> Bool { e.issues.first?.message == "cancelled" }

  /// Files a scanned block and merges every block whose turn has come. Called with the lock held.
  private func deposit(_ scanned: Scanned, input: Int, index: Int) {
    ready[input, default: [:]][index] = scanned
    waiting += 1
    advance()
  }

  /// Merges blocks in order while the next one is ready. Called with the lock held.
  private func advance() {
    while failure == nil, cursor.input < sources.count {
      if let scanned = ready[cursor.input]?.removeValue(forKey: cursor.index) {
        waiting -= 1
        if scanned.fileStart { lineBase = 1 }
        bytesDone += Double(sources[cursor.input].bytes) * max(0, scanned.through - sourceThrough)
        sourceThrough = max(sourceThrough, scanned.through)
        do {
          try aggregator.merge(scanned.block, file: scanned.file, firstLine: lineBase)
        } catch {
          failure = error
          break
        }
        lineBase += scanned.block.lines
        cursor.index += 1
        if let monitor {
          if monitor.isCancelled {
            failure = ImportError(file: scanned.file, line: 0, "cancelled")
            break
          }
          monitor.report(phase, min(1, bytesDone / Double(bytesTotal)))
        }
      } else if let count = blockCounts[cursor.input], cursor.index >= count {
        ready[cursor.input] = nil
        bytesDone += Double(sources[cursor.input].bytes) * max(0, 1 - sourceThrough)
        sourceThrough = 0
        cursor = (cursor.input + 1, 0)
      } else {
        break
      }
    }
    condition.broadcast()
  }
}
