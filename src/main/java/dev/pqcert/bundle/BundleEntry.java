package dev.pqcert.bundle;

/** Temporary stand-in until the bundle package lands. */
public record BundleEntry(String name, EntryKind kind, byte[] bytes) {
  public DecodedText text(String bundleDisplayName) throws InputException {
    return TextDecoder.decode(bundleDisplayName + ": " + name, bytes);
  }
}
