package dev.pqcert.model;

import dev.pqcert.parse.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Text joined into URLs: what a joined value keeps of the constant it is built on, and what its
 * scheme is. The scheme of {@code a & b} is the scheme of {@code a}: {@code "https://api/" & path}
 * goes over HTTPS whatever {@code path} is, and so does {@code checkedUrl & "/v1"}.
 */
public final class Urls {
  private Urls() {}

  /** The scheme a URL text starts with ({@code https}, {@code http}), lower case. */
  public static Optional<String> scheme(String text) {
    String lower = text.strip().toLowerCase(Locale.ROOT);
    if (lower.startsWith("https://")) {
      return Optional.of("https");
    }
    if (lower.startsWith("http://")) {
      return Optional.of("http");
    }
    return Optional.empty();
  }

  /** Whether {@code &} on these operands may be text (not a record or list merge). */
  static boolean mayBeText(Value left, Value right) {
    return isText(Values.plain(left)) && isText(Values.plain(right));
  }

  private static boolean isText(Value value) {
    return value instanceof Value.Text || value instanceof Value.Unknown;
  }

  /**
   * {@code left & right} on text. Two constants fold (a string of two resource strings is still
   * theirs). Otherwise the result is unknown, keeps the constant it is built on, and its flows are
   * computed: the right part's flows take the scheme the left part gives the whole. Either way the
   * result keeps the resource keys of both parts.
   */
  static Value join(Span span, Value left, Value right, String file, String how) {
    Value l = Values.plain(left);
    Value r = Values.plain(right);
    List<String> resources = resources(l, r);
    if (l instanceof Value.Text a && r instanceof Value.Text b) {
      return new Value.Text(
          span, a.value() + b.value(), file, a.wholeResource() && b.wholeResource(), resources);
    }
    Taint.Step at = new Taint.Step(how, file, span);
    if (l instanceof Value.Text a && a.value().isEmpty() && a.resources().isEmpty()) {
      return r instanceof Value.Unknown unknown
          ? unknown.withTaint(unknown.taint().computed(at))
          : r;
    }
    Taint taint =
        Taint.of(left).computed(at).union(Taint.of(right).joined(after(l, file, span), at));
    return new Value.Unknown(span, taint, base(l), resources);
  }

  /**
   * The value of {@code if c then whenTrue else whenFalse} when {@code c} is not known: unknown,
   * with the flows of either branch, and only the facts true on both. It is built on a constant
   * when both branches are built on that same constant ({@code if top then Uri.Combine(base, a)
   * else Uri.Combine(base, b)}), so its scheme is that constant's; and it keeps the resource keys
   * joined into both. A constant only one branch is built on, or a key only one branch holds, is
   * dropped: the other branch may run.
   */
  static Value.Unknown either(Span span, Value whenTrue, Value whenFalse) {
    Taint taint = Taint.of(whenTrue).union(Taint.of(whenFalse));
    Optional<Value.Text> base = base(whenTrue);
    if (base.isPresent() && !base.equals(base(whenFalse))) {
      base = Optional.empty(); // the same constant, written at the same place, or none
    }
    // A loop, not a stream: every branch a model evaluates comes here, mostly before the JIT has
    // compiled anything.
    List<String> other = resources(whenFalse);
    List<String> shared = new ArrayList<>();
    if (!other.isEmpty()) {
      for (String key : resources(whenTrue)) {
        if (other.contains(key)) {
          shared.add(key);
        }
      }
    }
    // Both branches of one type (two tables) give a value of that type.
    String type = Values.primitiveType(whenTrue);
    return new Value.Unknown(
        span, taint, base, shared, type.equals(Values.primitiveType(whenFalse)) ? type : "");
  }

  /**
   * One of several values, not known which (a field chosen by a key computed at run time): the
   * value itself when there is one, else what they all agree on, as {@link #either}.
   */
  static Value oneOf(Span span, List<Value> choices) {
    if (choices.size() == 1) {
      return choices.get(0);
    }
    Value agreed = choices.get(0);
    for (int i = 1; i < choices.size(); i++) {
      agreed = either(span, agreed, choices.get(i));
    }
    return agreed;
  }

  /**
   * The {@code resources.resx} keys of the text in these values, in order, each once: of text
   * loaded with {@code Extension.LoadString} and of text joined from it.
   */
  public static List<String> resources(Value... values) {
    Set<String> keys = new LinkedHashSet<>();
    for (Value value : values) {
      Value plain = Values.plain(value);
      if (plain instanceof Value.Text text) {
        keys.addAll(text.resources());
      } else if (plain instanceof Value.Unknown unknown) {
        unknown.base().ifPresent(b -> keys.addAll(b.resources()));
        keys.addAll(unknown.resources());
      }
    }
    return List.copyOf(keys);
  }

  /** The constant a value is built on: itself when it is text, else the one it was joined onto. */
  static Optional<Value.Text> base(Value value) {
    Value plain = Values.plain(value);
    if (plain instanceof Value.Text text) {
      return text.value().isEmpty() ? Optional.empty() : Optional.of(text);
    }
    return plain instanceof Value.Unknown unknown ? unknown.base() : Optional.empty();
  }

  /**
   * What is known of a value's scheme: the scheme of the constant it starts with, or HTTPS when all
   * its flows passed an HTTPS check.
   */
  static Optional<Taint.Scheme> schemeOf(Value value) {
    Optional<Value.Text> base = base(value);
    if (base.isPresent()) {
      return schemeOf(base.get());
    }
    Value plain = Values.plain(value);
    return plain instanceof Value.Unknown unknown
        ? unknown.taint().httpsScheme()
        : Optional.empty();
  }

  static Optional<Taint.Scheme> schemeOf(Value.Text text) {
    return scheme(text.value())
        .map(
            s ->
                new Taint.Scheme(
                    s.equals("https") ? Taint.SchemeKind.HTTPS : Taint.SchemeKind.HTTP,
                    "the constant \"" + text.value() + "\"",
                    text.file(),
                    text.span()));
  }

  /**
   * The scheme text joined after {@code left} has: {@code left}'s, or, when that is not known,
   * {@code left} decides it (the part joined after does not).
   */
  static Taint.Scheme after(Value left, String file, Span span) {
    return schemeOf(left)
        .orElse(
            new Taint.Scheme(
                Taint.SchemeKind.PRECEDED, "the text before it", file, Values.plain(left).span()));
  }
}
