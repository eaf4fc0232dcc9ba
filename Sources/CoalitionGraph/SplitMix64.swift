/// SplitMix64 (Steele, Lea and Flood 2014): a small, fast, seedable random number generator, used
/// wherever the package needs reproducible randomness (visiting orders, restarts, test data).
package struct SplitMix64: RandomNumberGenerator, Sendable {
  /// The generator's state; the next output depends only on it.
  package var state: UInt64

  /// A generator seeded with `seed`: the same seed gives the same sequence everywhere.
  package init(seed: UInt64) { state = seed }

  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
