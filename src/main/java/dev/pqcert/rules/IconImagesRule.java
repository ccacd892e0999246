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

  /** What is wrong with one image, at the level its evidence supports. */
  private record Problem(Level level, String text) {}

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    // One finding per bad file: an image used in two slots (the 32 px one of Icon16 and Icon32)
    // is reported at its first use, with the other as a related place.
    Map<String, List<Finding.Related>> bad = new LinkedHashMap<>();
    Map<String, Level> levels = new LinkedHashMap<>();
    for (PublishRecord publish : model.publishRecords()) {
      for (IconSet set : publish.iconSets()) {
        Map<String, List<IconSet.Icon>> bySlot = new LinkedHashMap<>();
        set.icons().forEach(i -> bySlot.computeIfAbsent(i.slot(), k -> new ArrayList<>()).add(i));
        for (List<IconSet.Icon> list : bySlot.values()) {
          boolean sameSizes = sameSizes(model, list);
          for (IconSet.Icon icon : list) {
            Optional<String> name = icon.fileName();
            if (name.isEmpty() || model.bundle().find(name.get()).isEmpty()) {
              continue; // not a bundled file (PQ030), or missing from the package (PQ103)
            }
            String file =
                icon.file().isEmpty()
                    ? set.record().map(r -> r.file()).orElse(publish.member().file())
                    : icon.file();
            Optional<Problem> problem =
                sameSizes && icon.index() == 0
                    ? Optional.of(sameSizeProblem(model, name.get(), icon, list.size()))
                    : problem(name.get(), model.image(name.get()), icon, sameSizes);
            if (problem.isPresent()) {
              Finding.Related use =
                  new Finding.Related(problem.get().text(), new Location(file, icon.span()));
              List<Finding.Related> uses = bad.computeIfAbsent(name.get(), n -> new ArrayList<>());
              levels.putIfAbsent(name.get(), problem.get().level());
              if (uses.stream().noneMatch(u -> u.location().equals(use.location()))) {
                uses.add(use);
              }
            }
          }
        }
      }
    }
    for (Map.Entry<String, List<Finding.Related>> entry : bad.entrySet()) {
      List<Finding.Related> ordered = new ArrayList<>(entry.getValue());
      ordered.sort(
          Comparator.comparing((Finding.Related u) -> u.location().file())
              .thenComparingInt(u -> u.location().span().startOffset()));
      findings.reportGroup(levels.get(entry.getKey()), ordered, ordered.get(0).label(), "use");
    }
  }

  /**
   * Whether every image of one slot's list has the same size: Microsoft's documentation of the
   * publish record says each icon should be a different size.
   */
  private static boolean sameSizes(ConnectorModel model, List<IconSet.Icon> list) {
    if (list.size() < 2) {
      return false;
    }
    java.util.Set<String> sizes = new java.util.HashSet<>();
    for (IconSet.Icon icon : list) {
      Optional<ImageHeader> header =
          icon.fileName()
              .filter(n -> model.bundle().find(n).isPresent())
              .flatMap(model::image)
              .filter(h -> h.width() > 0 && h.height() > 0);
      if (header.isEmpty()) {
        return false;
      }
      sizes.add(header.get().width() + "x" + header.get().height());
    }
    return sizes.size() == 1;
  }

  private static Problem sameSizeProblem(
      ConnectorModel model, String name, IconSet.Icon icon, int count) {
    ImageHeader image = model.image(name).orElseThrow();
    return new Problem(
        Level.SHOULD,
        "all "
            + count
            + " images of "
            + icon.slot()
            + " are "
            + image.width()
            + "x"
            + image.height()
            + " px; each icon should be a different size ("
            + String.join(
                ", ", IconSet.SLOTS.get(icon.slot()).stream().map(s -> s + " px").toList())
            + ")");
  }

  private static Optional<Problem> problem(
      String name, Optional<ImageHeader> header, IconSet.Icon icon, boolean sameSizes) {
    String slot = slot(icon);
    if (header.isEmpty()) {
      return Optional.of(
          new Problem(
              Level.SHOULD,
              named(name, slot)
                  + " is not an image (its bytes are no image format); save the icon as a PNG"));
    }
    ImageHeader image = header.get();
    if (image.format().equals(ImageHeader.PNG_CONVERTED)) {
      return Optional.of(
          new Problem(
              Level.SHOULD,
              named(name, slot)
                  + " is a PNG whose line ends were converted as if it were text (by git's text"
                  + " or eol attribute): mark *.png binary in .gitattributes and restore the file"));
    }
    if (!image.isPng()) {
      // A real image of another format may well display: the samples and templates use PNG.
      return Optional.of(
          new Problem(
              Level.REVIEW,
              named(name, slot)
                  + " is a "
                  + image.format()
                  + (name.toLowerCase(java.util.Locale.ROOT).endsWith(".png") ? " named .png" : "")
                  + "; Microsoft's samples and templates use PNG icons"));
    }
    if (image.width() <= 0 || image.height() <= 0) {
      return Optional.of(
          new Problem(
              Level.SHOULD,
              named(name, slot) + " is not a valid PNG (no image header); export it again"));
    }
    List<Integer> sizes = icon.allowedSizes();
    if (sameSizes
        || sizes.stream()
            .anyMatch(
                size ->
                    (near(image.width(), size) && near(image.height(), size))
                        || (image.width() == image.height() && image.width() % size == 0))) {
      // Within a pixel or two of its size, or an exact multiple (a set for high-resolution
      // screens, scaled down cleanly): shown as intended.
      return Optional.empty();
    }
    String wanted =
        sizes.size() == 1
            ? sizes.get(0) + "x" + sizes.get(0) + " px"
            : sizes.stream().map(s -> s + "x" + s).collect(Collectors.joining(", ")) + " px";
    return Optional.of(
        new Problem(
            Level.REVIEW,
            named(name, slot)
                + " is "
                + image.width()
                + "x"
                + image.height()
                + " px where the icon sets of Microsoft's samples use "
                + wanted
                + "; it will be scaled"));
  }

  /** {@code 'Contoso16.png' (the first image of Icon16)}: a file and its place. */
  private static String named(String name, String slot) {
    return "'" + name + "' (" + slot + ")";
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
