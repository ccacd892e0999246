package dev.pqcert.rules;

import dev.pqcert.bundle.BundleKind;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.DataSourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * PQ102: the package is named {@code ProductName.mez}: no banned word, no underscore or space (an
 * underscore stopped packages from loading), and the name of the section or of a kind.
 */
final class PackageNameRule implements Rule {
  @Override
  public String id() {
    return "PQ102";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    BundleKind kind = model.bundle().kind();
    if (!kind.isPackage()) {
      return; // only a package has a file name that ships
    }
    String fileName = model.bundle().origin().getFileName().toString();
    String product = fileName.substring(0, fileName.lastIndexOf('.'));
    List<String> problems = new ArrayList<>();
    BannedWords.find(product).ifPresent(word -> problems.add("contains \"" + word + "\""));
    if (product.contains("_")) {
      problems.add("contains an underscore, which has stopped packages from loading");
    }
    if (product.contains(" ")) {
      problems.add("contains a space");
    }
    Optional<String> section = model.section().flatMap(s -> s.name());
    String lower = product.toLowerCase(Locale.ROOT);
    boolean matches =
        section.map(n -> n.toLowerCase(Locale.ROOT).equals(lower)).orElse(false)
            || model.kinds().stream()
                .map(DataSourceKind::name)
                .anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(lower));
    if (!matches && section.isPresent()) {
      problems.add("matches neither the section '" + section.get() + "' nor a data source kind");
    }
    if (!problems.isEmpty()) {
      findings.reportPackage(
          "the package name '"
              + fileName
              + "' "
              + String.join("; ", problems)
              + "; name it "
              + section.orElse("ProductName")
              + ".mez");
    }
  }
}
