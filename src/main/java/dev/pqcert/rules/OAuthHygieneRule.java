package dev.pqcert.rules;

import dev.pqcert.bundle.BundleEntry;
import dev.pqcert.model.CallSite;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.LibraryFunction;
import dev.pqcert.model.Value;
import dev.pqcert.model.Values;
import java.util.Locale;
import java.util.Optional;

/**
 * PQ056: OAuth without a client secret in the package: a secret bundled as a file (or read from one
 * with Extension.Contents) is readable by anyone who has the .mez; use PKCE instead.
 */
final class OAuthHygieneRule implements Rule {
  @Override
  public String id() {
    return "PQ056";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    boolean read = false;
    for (CallSite call : model.calls(LibraryFunction.EXTENSION_CONTENTS)) {
      Optional<Value> argument = call.argument(0);
      Optional<String> name = argument.flatMap(Values::text);
      if (name.isPresent() && isSecret(name.get())) {
        Value text = Values.plain(argument.get());
        findings.report(
            text.file().isEmpty() ? call.file() : text.file(),
            text.span(),
            "the connector reads a client secret from the bundled file '"
                + name.get()
                + "', which anyone with the package can read; connectors should not use"
                + " confidential secrets: use PKCE without a client secret if the service allows");
        read = true;
      }
    }
    if (read) {
      return;
    }
    for (BundleEntry entry : model.bundle().entries()) {
      if (isSecret(entry.name())) {
        findings.reportPackage(
            "the package bundles '"
                + entry.name()
                + "', a client secret anyone with the package can read; connectors should not"
                + " use confidential secrets: use PKCE without a client secret if the service"
                + " allows");
      }
    }
  }

  private static boolean isSecret(String name) {
    String lower = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return lower.startsWith("client_secret") || lower.startsWith("clientsecret");
  }
}
