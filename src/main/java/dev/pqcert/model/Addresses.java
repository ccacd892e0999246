package dev.pqcert.model;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text that is an address rather than words: a URL or a host name. The requirement page wants such
 * values in the connector's code and display strings in {@code resources.resx}; both rules that
 * apply it tell the two apart the same way.
 */
public final class Addresses {
  private static final Pattern URL = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://\\S+");

  /**
   * A host name: dot-separated labels, lower case as hosts are written, ending in a top-level
   * domain hosts use (any two letters, or a common longer one); a port or path may follow. Dotted M
   * names ({@code Contoso.Contents}) and file names ({@code icon16.png}) do not match.
   */
  private static final Pattern HOST =
      Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+([a-z]{2,12})(?::\\d+)?(?:/\\S*)?");

  private static final Set<String> TOP_LEVEL_DOMAINS =
      Set.of(
          "com",
          "net",
          "org",
          "edu",
          "gov",
          "mil",
          "int",
          "info",
          "biz",
          "cloud",
          "app",
          "dev",
          "online",
          "site",
          "tech",
          "xyz",
          "example",
          "test",
          "local",
          "internal",
          "corp",
          "lan");

  /** Two-letter file extensions that are also country domains: a file name, not a host. */
  private static final Set<String> FILE_EXTENSIONS =
      Set.of("md", "pq", "js", "ts", "py", "cs", "ps", "rs", "sh", "db", "gz");

  private Addresses() {}

  /** Whether the whole text (without surrounding blanks) is a URL. */
  public static boolean isUrl(String text) {
    return URL.matcher(text.strip()).matches();
  }

  /** Whether the whole text (without surrounding blanks) is a host name. */
  public static boolean isHost(String text) {
    Matcher host = HOST.matcher(text.strip());
    return host.matches()
        && ((host.group(1).length() == 2 && !FILE_EXTENSIONS.contains(host.group(1)))
            || TOP_LEVEL_DOMAINS.contains(host.group(1)));
  }

  /** Whether the whole text is a URL or a host name: a value, not words a user reads. */
  public static boolean isAddress(String text) {
    return isUrl(text) || isHost(text);
  }
}
