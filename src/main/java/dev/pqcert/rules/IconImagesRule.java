package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.IconSet;
import dev.pqcert.model.ImageHeader;
import dev.pqcert.model.PublishRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * PQ031: each icon a publish record shows is a real PNG of its slot's size, read from the file's
 * header: a JPEG renamed {@code .png}, or a 64 px image in a 16 px slot, is blurred, cropped or not
 * shown at all.
 */
final class IconImagesRule implements Rule {
  private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth");

  @Override
  public String id() {
    return "PQ031";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    // One finding per bad file: an image used in two slots (the 32 px one of Icon16 and Icon32)
    // is reported at its first use, with the other as a related place.
    Map<String, List<Finding.Related>> bad = new LinkedHashMap<>();
    for (PublishRecord publish : model.publishRecords()) {
      for (IconSet set : publish.iconSets()) {
        for (IconSet.Icon icon : set.icons()) {
          Optional<String> name = icon.fileName();
          if (name.isEmpty() || model.bundle().find(name.get()).isEmpty()) {
            continue; // not a bundled file (PQ030), or missing from the package (PQ103)
          }
          String file =
              icon.file().isEmpty()
                  ? set.record().map(r -> r.file()).orElse(publish.member().file())
                  : icon.file();
          Optional<String> problem = problem(name.get(), model.image(name.get()), icon);
          if (problem.isPresent()) {
            Finding.Related use =
                new Finding.Related(problem.get(), new Location(file, icon.span()));
            List<Finding.Related> uses = bad.computeIfAbsent(name.get(), n -> new ArrayList<>());
            if (uses.stream().noneMatch(u -> u.location().equals(use.location()))) {
              uses.add(use);
            }
          }
        }
      }
    }
    for (List<Finding.Related> uses : bad.values()) {
      List<Finding.Related> ordered = new ArrayList<>(uses);
      ordered.sort(
          Comparator.comparing((Finding.Related u) -> u.location().file())
              .thenComparingInt(u -> u.location().span().startOffset()));
      findings.reportGroup(findings.level(), ordered, ordered.get(0).label(), "use");
    }
  }

  private static Optional<String> problem(
      String name, Optional<ImageHeader> header, IconSet.Icon icon) {
    String slot = slot(icon);
    if (header.isEmpty()) {
      return Optional.of(
          "'"
              + name
              + "' ("
              + slot
              + ") is not a PNG image (its bytes are no image format);"
              + " save the icon as a PNG");
    }
    ImageHeader image = header.get();
    if (image.format().equals(ImageHeader.PNG_CONVERTED)) {
      return Optional.of(
          "'"
              + name
              + "' ("
              + slot
              + ") is a PNG whose line ends were converted as if it were text (by git's text or"
              + " eol attribute): mark *.png binary in .gitattributes and restore the file");
    }
    if (!image.isPng()) {
      return Optional.of(
          "'"
              + name
              + "' ("
              + slot
              + ") is a "
              + image.format()
              + (name.toLowerCase(java.util.Locale.ROOT).endsWith(".png") ? " named .png" : "")
              + ", not a PNG; export it as a PNG");
    }
    if (image.width() <= 0 || image.height() <= 0) {
      return Optional.of(
          "'" + name + "' (" + slot + ") is not a valid PNG (no image header); export it again");
    }
    List<Integer> sizes = icon.allowedSizes();
    if (sizes.stream().anyMatch(size -> near(image.width(), size) && near(image.height(), size))) {
      return Optional.empty(); // within a pixel or two of its size: shown as intended
    }
    String wanted =
        sizes.size() == 1
            ? sizes.get(0) + "x" + sizes.get(0) + " px"
            : sizes.stream().map(s -> s + "x" + s).collect(Collectors.joining(", ")) + " px";
    return Optional.of(
        "'"
            + name
            + "' ("
            + slot
            + ") is "
            + image.width()
            + "x"
            + image.height()
            + " px; it must be "
            + (sizes.size() == 1 ? "" : "one of ")
            + wanted
            + ": resize it, or bundle the right size under that name");
  }

  /** Whether a side is within two pixels of the slot's size. */
  private static boolean near(int side, int size) {
    return Math.abs(side - size) <= 2;
  }

  /** Names an image's place: "the second image of Icon16" or "Icon16". */
  private static String slot(IconSet.Icon icon) {
    return icon.count() == IconSet.SLOTS.get(icon.slot()).size()
        ? "the " + ORDINALS.get(icon.index()) + " image of " + icon.slot()
        : icon.slot();
  }
}
