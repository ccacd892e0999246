package dev.pqcert.model;

import dev.pqcert.parse.Span;
import dev.pqcert.parse.ast.Expr;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A value the model knows statically, with the place it was written. Anything not known is {@link
 * Unknown}: rules must never guess.
 */
public sealed interface Value {
  Span span();

  /** The file the value was written in ("" when it has no single place). */
  default String file() {
    return "";
  }

  /**
   * Text. {@code resources} are the {@code resources.resx} keys of every part of it that was loaded
   * with {@code Extension.LoadString}, however it was joined with other text ({@code
   * Extension.LoadString("Url") & "/api"} keeps {@code Url}), in order; {@code wholeResource} is
   * whether all of it was (one resource string, or several joined together).
   */
  record Text(Span span, String value, String file, boolean wholeResource, List<String> resources)
      implements Value {
    public Text {
      resources = List.copyOf(resources);
    }

    public Text(Span span, String value, String file) {
      this(span, value, file, false, List.of());
    }

    /** The string {@code Extension.LoadString(key)} loads. */
    public static Text loaded(Span span, String value, String file, String key) {
      return new Text(span, value, file, true, List.of(key));
    }

    // Written out: a record's own equals and hashCode are built from method handles on first use,
    // some 5 ms each in a cold run. Same results (see RecordMethodsTest).
    @Override
    public boolean equals(Object other) {
      return other instanceof Text text
          && wholeResource == text.wholeResource
          && Objects.equals(span, text.span)
          && Objects.equals(value, text.value)
          && Objects.equals(file, text.file)
          && Objects.equals(resources, text.resources);
    }

    @Override
    public int hashCode() {
      int hash = Objects.hashCode(span);
      hash = 31 * hash + Objects.hashCode(value);
      hash = 31 * hash + Objects.hashCode(file);
      hash = 31 * hash + Boolean.hashCode(wholeResource);
      return 31 * hash + Objects.hashCode(resources);
    }
  }

  record NumberValue(Span span, double value, String raw, String file) implements Value {}

  record Logical(Span span, boolean value, String file) implements Value {}

  record Null(Span span, String file) implements Value {}

  record ListValue(Span span, List<Value> items, String file) implements Value {
    public ListValue {
      items = List.copyOf(items);
    }
  }

  /** Fields keep their written order; each field keeps the place of its name. */
  record RecordValue(Span span, Map<String, RecordField> fields, String file) implements Value {
    public RecordValue {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Optional<RecordField> field(String name) {
      return Optional.ofNullable(fields.get(name));
    }

    /** The field's value, or empty when the field is absent. */
    public Optional<Value> get(String name) {
      return field(name).map(RecordField::value);
    }
  }

  record RecordField(Span nameSpan, String name, Value value) {}

  /**
   * A function written in the connector, with the scope it closes over, and the type given to it by
   * {@code Value.ReplaceType} if any.
   */
  record FunctionValue(
      Span span, Expr.Function function, Scope closure, Optional<Value> replacedType, String file)
      implements Value {}

  /** A standard library value (a function such as {@code Table.AddColumn}, or {@code Uri.Type}). */
  record Library(Span span, String name) implements Value {}

  /** A type value: {@code type function (...) as table}, {@code type text}, {@code Uri.Type}... */
  record TypeValue(Span span, TypeShape shape, String file) implements Value {}

  /** The contents of a file bundled in the package ({@code Extension.Contents("x")}). */
  record BundledFile(Span span, String name, String file) implements Value {}

  /** Text read from a bundled file: {@code Text.FromBinary(Extension.Contents("x.pqm"))}. */
  record BundledText(Span span, String name, String file) implements Value {}

  /** A value with metadata attached: {@code value meta [...]}, or by Value.ReplaceMetadata. */
  record WithMeta(Span span, Value value, RecordValue meta) implements Value {
    @Override
    public String file() {
      return value.file();
    }
  }

  /**
   * A value not known before run time; {@code taint} says which sensitive or untrusted sources it
   * may carry (a value derived from one is never static, so only unknown values carry taint).
   * {@code base} is the constant text it was built on, when it is text joined onto a constant
   * ({@code BaseUrl & path}, {@code Uri.Combine(BaseUrl, path)}): its scheme is that constant's.
   * {@code resources} are the {@code resources.resx} keys of the text joined into it ({@code url &
   * Extension.LoadString("Path")}), as in {@link Text#resources}. {@code type} is its primitive
   * type when that is known ({@code table}), or empty. {@code rows} are the rows of a table built
   * from constants ({@code #table}, a literal list of names), when known: a navigation table's
   * items.
   */
  record Unknown(
      Span span,
      Taint taint,
      Optional<Text> base,
      List<String> resources,
      String type,
      Optional<TableRows> rows)
      implements Value {
    public Unknown {
      resources = List.copyOf(resources);
    }

    public Unknown(
        Span span, Taint taint, Optional<Text> base, List<String> resources, String type) {
      this(span, taint, base, resources, type, Optional.empty());
    }

    public Unknown(Span span, Taint taint, Optional<Text> base, List<String> resources) {
      this(span, taint, base, resources, "");
    }

    public Unknown(Span span, Taint taint, Optional<Text> base) {
      this(span, taint, base, List.of());
    }

    public Unknown(Span span, Taint taint) {
      this(span, taint, Optional.empty());
    }

    public Unknown(Span span) {
      this(span, Taint.NONE);
    }

    /** The same value, carrying {@code changed} flows instead (passed on, checked). */
    public Unknown withTaint(Taint changed) {
      return new Unknown(span, changed, base, resources, type, rows);
    }

    /**
     * The same value, known to be of the primitive type {@code known} ({@code table}): asserted
     * with {@code as}, declared as a function's return type, or what a library function returns.
     */
    public Unknown withType(String known) {
      return new Unknown(span, taint, base, resources, known, rows);
    }

    /** The same table, with these rows known. */
    public Unknown withRows(TableRows known) {
      return new Unknown(span, taint, base, resources, type, Optional.of(known));
    }
  }

  /** How a value reads in a message: {@code "1.0"}, {@code 1}, {@code true}, {@code a record}. */
  static String describe(Value value) {
    Value plain = Values.plain(value);
    if (plain instanceof Text text) {
      return "\"" + text.value() + "\"";
    }
    if (plain instanceof NumberValue number) {
      return number.raw();
    }
    if (plain instanceof Logical logical) {
      return Boolean.toString(logical.value());
    }
    if (plain instanceof Null) {
      return "null";
    }
    if (plain instanceof ListValue) {
      return "a list";
    }
    if (plain instanceof RecordValue) {
      return "a record";
    }
    if (plain instanceof FunctionValue || plain instanceof Library) {
      return "a function";
    }
    if (plain instanceof TypeValue) {
      return "a type";
    }
    return "a value not known before run time";
  }
}
