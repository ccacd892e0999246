package dev.pqcert.model;

import java.util.ArrayList;
import java.util.List;

/** A constant value written back as M text: {@code "https://x"}, {@code 1}, {@code [a = 1]}. */
final class ConstantText {
  private ConstantText() {}

  static String of(Value value) {
    Value plain = Values.plain(value);
    if (plain instanceof Value.Text text) {
      return "\"" + text.value().replace("\"", "\"\"") + "\"";
    }
    if (plain instanceof Value.ListValue list) {
      List<String> items = new ArrayList<>();
      list.items().forEach(i -> items.add(of(i)));
      return "{" + String.join(", ", items) + "}";
    }
    if (plain instanceof Value.RecordValue record) {
      List<String> fields = new ArrayList<>();
      record.fields().values().forEach(f -> fields.add(f.name() + " = " + of(f.value())));
      return "[" + String.join(", ", fields) + "]";
    }
    return Value.describe(plain);
  }
}
