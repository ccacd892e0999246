package dev.pqcert.model;

import java.util.List;
import java.util.Optional;

/**
 * An exported function's effective signature: from the type given by {@code Value.ReplaceType} when
 * there is one (that is what the engine, the gateway and the documentation use), otherwise from the
 * function expression itself.
 */
public record FunctionSignature(
    List<ParameterInfo> parameters,
    Optional<Value> returnType,
    Optional<Value.RecordValue> documentation,
    boolean fromReplacedType) {

  public List<ParameterInfo> required() {
    return parameters.stream().filter(p -> !p.optional()).toList();
  }
}
