package dev.pqcert.bundle;

import java.util.Arrays;
import java.util.Objects;

/**
 * One file of a bundle.
 *
 * @param name the path inside the package ('/' separated), or the file name for folders and single
 *     files
 * @param kind the file's role, from its name
 * @param bytes the file's content; shared, not copied, so callers must not modify it
 */
@SuppressWarnings("ArrayRecordComponent") // the content is the point; equals/hashCode compare it
public record BundleEntry(String name, EntryKind kind, byte[] bytes) {

  public BundleEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(bytes, "bytes");
  }

  /**
   * Decodes the content as text (see {@link TextDecoder}).
   *
   * @param bundleDisplayName the display name of the bundle holding this entry
   * @throws InputException naming the bundle and entry, and where the undecodable bytes are
   */
  public DecodedText text(String bundleDisplayName) throws InputException {
    return TextDecoder.decode(displayName(bundleDisplayName), bytes);
  }

  /**
   * How messages name this entry: {@code "dist/Contoso.mez/Contoso.pq"}, or just the bundle's
   * display name when the bundle is this one file.
   */
  public String displayName(String bundleDisplayName) {
    if (bundleDisplayName.equals(name)
        || bundleDisplayName.endsWith("/" + name)
        || bundleDisplayName.endsWith("\\" + name)) {
      return bundleDisplayName;
    }
    String bundle = bundleDisplayName;
    while (bundle.length() > 1 && (bundle.endsWith("/") || bundle.endsWith("\\"))) {
      bundle = bundle.substring(0, bundle.length() - 1);
    }
    return bundle + "/" + name;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BundleEntry that
        && name.equals(that.name)
        && kind == that.kind
        && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, kind, Arrays.hashCode(bytes));
  }

  @Override
  public String toString() {
    return "BundleEntry[name=" + name + ", kind=" + kind + ", " + bytes.length + " bytes]";
  }
}
