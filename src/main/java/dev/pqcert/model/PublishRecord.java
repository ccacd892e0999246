package dev.pqcert.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A publish record: the member a {@code Publish} attribute names (any name: {@code X.Publish},
 * {@code X.UI}), once however many exported functions share it, with the icons it shows.
 */
public record PublishRecord(String name, Member member, Value value) {

  /** The icon fields a publish record may have, in the order the Get Data dialog uses them. */
  public static final List<String> ICON_FIELDS = List.of("SourceImage", "SourceTypeImage");

  public Optional<Value.RecordValue> record() {
    return Values.record(value);
  }

  /** Its {@code SourceImage} and {@code SourceTypeImage} fields, those it has. */
  public List<IconSet> iconSets() {
    List<IconSet> sets = new ArrayList<>();
    Optional<Value.RecordValue> record = record();
    for (String field : ICON_FIELDS) {
      record.flatMap(r -> r.field(field)).ifPresent(f -> sets.add(new IconSet(this, f)));
    }
    return sets;
  }

  /** The publish records of the exports, each once, in the order the exports name them. */
  static List<PublishRecord> of(List<ExportedFunction> exports) {
    List<PublishRecord> records = new ArrayList<>();
    for (ExportedFunction export : exports) {
      if (export.publishMember().isEmpty() || export.publishRecord().isEmpty()) {
        continue;
      }
      String name = export.publishName().orElseThrow();
      if (records.stream().noneMatch(r -> r.name().equals(name))) {
        records.add(
            new PublishRecord(name, export.publishMember().get(), export.publishRecord().get()));
      }
    }
    return List.copyOf(records);
  }
}
