package dev.pqcert.model;

import java.util.Optional;

/**
 * A data source function: a shared member with a {@code DataSource.Kind} attribute. Its publish
 * record is named by the {@code Publish} attribute (any name: {@code X.Publish}, {@code X.UI}).
 */
public record ExportedFunction(
    Member member,
    String kind,
    Optional<String> publishName,
    Optional<Member> publishMember,
    Optional<Value> publishRecord,
    Value value,
    Optional<FunctionSignature> signature) {

  public String name() {
    return member.name();
  }

  /**
   * The signature, when the exported value is known to be a function and its type can be read;
   * empty otherwise, so that rules judge only what is known.
   */
  public Optional<FunctionSignature> knownSignature() {
    return Values.plain(value) instanceof Value.FunctionValue ? signature : Optional.empty();
  }
}
