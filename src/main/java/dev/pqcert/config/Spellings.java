package dev.pqcert.config;

import dev.pqcert.rules.CheckSettings;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The words a setting's values are written as, in any case. The command line ({@code --release},
 * {@code --fail-on}) and the configuration file ({@code release}, {@code failOn}) read them with
 * the same {@link Spellings}, so both accept the same words and name the same ones when a word is
 * none of them.
 */
public final class Spellings<T> {
  /** {@code initial}, {@code update}. */
  public static final Spellings<CheckSettings.Release> RELEASE =
      ofEnum(CheckSettings.Release.class);

  /** {@code must}, {@code should}, {@code review}, {@code never}. */
  public static final Spellings<FailOn> FAIL_ON = ofEnum(FailOn.class);

  private final SortedMap<String, T> byWord;

  private Spellings(Map<String, T> byWord) {
    this.byWord = new TreeMap<>(byWord);
  }

  /** Each word (in lower case) with its value. */
  static <T> Spellings<T> of(Map<String, T> byWord) {
    return new Spellings<>(byWord);
  }

  /** Each constant of an enum, written as its name in lower case. */
  static <E extends Enum<E>> Spellings<E> ofEnum(Class<E> type) {
    Map<String, E> byWord = new TreeMap<>();
    for (E constant : type.getEnumConstants()) {
      byWord.put(constant.name().toLowerCase(Locale.ROOT), constant);
    }
    return new Spellings<>(byWord);
  }

  /** The value written as {@code text}, in any case. */
  public T parse(String text) throws Unknown {
    T value = byWord.get(text.toLowerCase(Locale.ROOT));
    if (value == null) {
      throw new Unknown("use one of " + String.join(", ", byWord.keySet()));
    }
    return value;
  }

  /**
   * A word that is none of a setting's: the message names them ({@code "use one of initial,
   * update"}); the caller says where the word was written.
   */
  public static final class Unknown extends Exception {
    private static final long serialVersionUID = 1L;

    Unknown(String message) {
      super(message);
    }
  }
}
