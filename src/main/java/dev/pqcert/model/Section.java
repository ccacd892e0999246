package dev.pqcert.model;

import dev.pqcert.parse.Span;
import java.util.List;
import java.util.Optional;

/**
 * The connector's section: {@code [attributes] section Name;} and its members. The name is empty
 * for {@code section;}.
 */
public record Section(
    String file,
    Optional<String> name,
    Span keywordSpan,
    Optional<Value.RecordValue> attributes,
    List<Member> members) {

  public Optional<Member> member(String name) {
    return members.stream().filter(m -> m.name().equals(name)).findFirst();
  }
}
