package dev.pqcert.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What picocli's {@code mixinStandardHelpOptions} gives a command ({@code -h}, {@code --help},
 * {@code -V}, {@code --version}), for the commands declared through its programmatic API: picocli
 * builds that mixin from annotations, which a cold start pays for (see {@link CheckCommand}).
 * {@code HelpTest} compares these with the mixin's.
 */
final class StandardOptions {
  private StandardOptions() {}

  /** Adds the help and version options, worded as picocli words them. */
  static void add(CommandSpec spec) {
    spec.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .description("Show this help message and exit.")
            .build());
    spec.addOption(
        OptionSpec.builder("-V", "--version")
            .versionHelp(true)
            .description("Print version information and exit.")
            .build());
  }

  /** Exit codes written as the annotation writes them ({@code "0:what it means"}), in order. */
  static Map<String, String> exitCodes(String... codes) {
    Map<String, String> byCode = new LinkedHashMap<>();
    for (String code : codes) {
      int colon = code.indexOf(':');
      byCode.put(code.substring(0, colon), code.substring(colon + 1));
    }
    return byCode;
  }
}
