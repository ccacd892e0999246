package dev.pqcert.model;

import dev.pqcert.parse.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The icons a publish record's {@code SourceImage} or {@code SourceTypeImage} shows: a record of
 * {@code Icon16} (16, 20, 24 and 32 px) and {@code Icon32} (32, 40, 48 and 64 px) lists of bundled
 * PNGs, however the record is reached (another member, a {@code let}, a helper).
 */
public record IconSet(PublishRecord publish, Value.RecordField field) {

  /** Each slot of an icon record and the pixel sizes of its images, in order. */
  public static final Map<String, List<Integer>> SLOTS =
      Map.of("Icon16", List.of(16, 20, 24, 32), "Icon32", List.of(32, 40, 48, 64));

  /** The slots in the order they are written. */
  public static final List<String> SLOT_NAMES = List.of("Icon16", "Icon32");

  /** The icon record, when the field's value is known to be one. */
  public Optional<Value.RecordValue> record() {
    return Values.record(field.value());
  }

  /** The images of the slots that are known lists, in order. */
  public List<Icon> icons() {
    List<Icon> icons = new ArrayList<>();
    Optional<Value.RecordValue> record = record();
    for (String slot : SLOT_NAMES) {
      Optional<Value> list = record.flatMap(r -> r.get(slot)).map(Values::plain);
      if (list.isPresent() && list.get() instanceof Value.ListValue items) {
        for (int i = 0; i < items.items().size(); i++) {
          icons.add(new Icon(slot, i, items.items().size(), items.items().get(i)));
        }
      }
    }
    return icons;
  }

  /** One image of a slot: the {@code index}-th of {@code count}. */
  public record Icon(String slot, int index, int count, Value value) {

    /** The bundled file it reads, when it is {@code Extension.Contents("name")}. */
    public Optional<String> fileName() {
      return Values.plain(value) instanceof Value.BundledFile file
          ? Optional.of(file.name())
          : Optional.empty();
    }

    /**
     * The pixel size this image must have: by position in a full list of four; in a list of another
     * length, position says nothing and any size of the slot is accepted.
     */
    public List<Integer> allowedSizes() {
      List<Integer> sizes = SLOTS.get(slot);
      return count == sizes.size() ? List.of(sizes.get(index)) : sizes;
    }

    /** Where the image is written: its {@code Extension.Contents} call. */
    public String file() {
      return Values.plain(value).file();
    }

    public Span span() {
      return Values.plain(value).span();
    }
  }
}
