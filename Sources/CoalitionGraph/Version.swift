/// The release of this package.
public enum CoalitionGraphVersion {
  /// The version, `MAJOR.MINOR.PATCH` as in CHANGELOG.md; `coalition --version` prints it.
  public static let current = "0.1.0"
}
