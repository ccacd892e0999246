package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.IconSet;
import dev.pqcert.model.PublishRecord;
import dev.pqcert.model.Value;
import dev.pqcert.model.Values;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * PQ030: each publish record shows icons: {@code SourceImage} and {@code SourceTypeImage} resolve
 * to a record of {@code Icon16} (16, 20, 24, 32 px) and {@code Icon32} (32, 40, 48, 64 px) lists of
 * bundled PNGs, wherever that record is defined.
 */
final class IconsRule implements Rule {
  @Override
  public String id() {
    return "PQ030";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    Set<String> checked = new HashSet<>();
    for (PublishRecord publish : model.publishRecords()) {
      Optional<Value.RecordValue> record = publish.record();
      if (record.isEmpty()) {
        continue; // not known to be a record: PQ018 says so, or the model cannot tell
      }
      List<String> missing =
          PublishRecord.ICON_FIELDS.stream().filter(f -> record.get().field(f).isEmpty()).toList();
      if (missing.size() == 1) {
        String present = PublishRecord.ICON_FIELDS.get(missing.contains("SourceImage") ? 1 : 0);
        findings.reportOnce(
            publish.member().file(),
            publish.member().nameSpan(),
            "publish record '"
                + publish.name()
                + "' has "
                + present
                + " but no "
                + missing.get(0)
                + "; add "
                + missing.get(0)
                + " with the same icon record");
      } else if (!missing.isEmpty()) {
        String prefix = publish.name().replaceFirst("\\.[^.]*$", "");
        String icons = prefix + ".Icons";
        findings.reportOnce(
            publish.member().file(),
            publish.member().nameSpan(),
            "publish record '"
                + publish.name()
                + "' has no SourceImage or SourceTypeImage, so Get Data shows no icon; set both to"
                + " an icon record, "
                + icons
                + " = [Icon16 = {four PNGs of 16 to 32 px}, Icon32 = {of 32 to 64 px}]");
      }
      for (IconSet set : publish.iconSets()) {
        Value value = set.field().value();
        // SourceImage and SourceTypeImage usually name the same record: judge it once.
        if (Values.isKnown(value) && checked.add(where(value, record.get().file()))) {
          checkSet(publish, set, record.get(), findings);
        }
      }
    }
  }

  private static void checkSet(
      PublishRecord publish, IconSet set, Value.RecordValue publishRecord, FindingSink findings) {
    Optional<Value.RecordValue> icons = set.record();
    String field = set.field().name();
    if (icons.isEmpty()) {
      findings.reportOnce(
          publishRecord.file(),
          set.field().nameSpan(),
          field
              + " of publish record '"
              + publish.name()
              + "' is "
              + Value.describe(set.field().value())
              + ", not an icon record; make it [Icon16 = {...}, Icon32 = {...}]");
      return;
    }
    Value.RecordValue record = icons.get();
    for (String slot : IconSet.SLOT_NAMES) {
      List<Integer> sizes = IconSet.SLOTS.get(slot);
      String wanted =
          sizes.get(0) + ", " + sizes.get(1) + ", " + sizes.get(2) + " and " + sizes.get(3) + " px";
      Optional<Value.RecordField> slotField = record.field(slot);
      if (slotField.isEmpty()) {
        findings.reportOnce(
            record.file(),
            record.span(),
            "the icon record of "
                + field
                + " in '"
                + publish.name()
                + "' has no "
                + slot
                + "; add "
                + slot
                + " = { Extension.Contents(\"X"
                + sizes.get(0)
                + ".png\"), ... } with four PNGs of "
                + wanted);
        continue;
      }
      Value list = Values.plain(slotField.get().value());
      if (!Values.isKnown(list)) {
        continue;
      }
      if (!(list instanceof Value.ListValue items)) {
        findings.reportOnce(
            record.file(),
            slotField.get().nameSpan(),
            slot + " is " + Value.describe(list) + ", not a list; give four PNGs of " + wanted);
        continue;
      }
      if (items.items().size() != sizes.size()) {
        findings.reportOnce(
            record.file(),
            slotField.get().nameSpan(),
            slot
                + " has "
                + items.items().size()
                + (items.items().size() == 1 ? " image" : " images")
                + "; give four PNGs, of "
                + wanted
                + ", so the icon is sharp at every display scale");
      }
      for (Value item : items.items()) {
        checkImage(slot, item, record, findings);
      }
    }
  }

  private static void checkImage(
      String slot, Value item, Value.RecordValue record, FindingSink findings) {
    Value plain = Values.plain(item);
    if (!Values.isKnown(plain)) {
      return;
    }
    String file = plain.file().isEmpty() ? record.file() : plain.file();
    if (!(plain instanceof Value.BundledFile bundled)) {
      findings.reportOnce(
          file,
          plain.span(),
          "an image of "
              + slot
              + " is "
              + Value.describe(plain)
              + ", not a bundled PNG; write Extension.Contents(\"X16.png\")");
    } else if (!bundled.name().toLowerCase(Locale.ROOT).endsWith(".png")) {
      findings.reportOnce(
          file,
          plain.span(),
          "the "
              + slot
              + " image '"
              + bundled.name()
              + "' is not a .png file; Power Query icons are PNGs: convert it and bundle the .png");
    }
  }

  private static String where(Value value, String fallbackFile) {
    Value plain = Values.plain(value);
    return (plain.file().isEmpty() ? fallbackFile : plain.file())
        + ":"
        + plain.span().start().offset();
  }
}
