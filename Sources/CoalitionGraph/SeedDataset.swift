extension Dataset {
  /// The seed case: an ISW assessment, reported on 2024-03-20, of Russia building a coalition with
  /// China, North Korea and Iran against the US-led West (`seeds/isw-2024-03-20.json`).
  ///
  /// The embedded copy is checked against the file by the test suite, so it always loads.
  public static var seed: Dataset {
    // The embedded text is validated by the tests; a failure here is a build defect, not bad input.
    do { return try Dataset(json: Array(seedJSON.utf8), file: "seeds/isw-2024-03-20.json") } catch {
      preconditionFailure("embedded seed dataset is invalid:\n\(error)")
    }
  }
}
