package dev.pqcert.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the effective signature of a function value. */
final class Signatures {
  private Signatures() {}

  static Optional<FunctionSignature> of(Value value) {
    if (!(Values.plain(value) instanceof Value.FunctionValue function)) {
      return Optional.empty();
    }
    if (function.replacedType().isPresent()) {
      Value type = function.replacedType().get();
      if (Values.plain(type) instanceof Value.TypeValue typeValue
          && typeValue.shape() instanceof TypeShape.FunctionType shape) {
        List<ParameterInfo> parameters = new ArrayList<>();
        for (TypeShape.ParameterType parameter : shape.parameters()) {
          parameters.add(
              new ParameterInfo(
                  parameter.name(),
                  parameter.optional(),
                  Optional.of(parameter.type()),
                  Values.meta(parameter.type()),
                  typeValue.file(),
                  parameter.span()));
        }
        return Optional.of(
            new FunctionSignature(
                parameters, Optional.of(shape.returnType()), Values.meta(type), true));
      }
      // A type the model cannot read: the signature is not known.
      return Optional.empty();
    }
    List<ParameterInfo> parameters = new ArrayList<>();
    for (var parameter : function.function().parameters()) {
      parameters.add(
          new ParameterInfo(
              parameter.name().name(),
              parameter.optional(),
              parameter
                  .type()
                  .map(
                      t ->
                          (Value)
                              new Value.TypeValue(
                                  t.span(),
                                  t instanceof dev.pqcert.parse.ast.TypeNode.Primitive p
                                      ? new TypeShape.Primitive(p.name(), p.nullable())
                                      : new TypeShape.Primitive("any", false),
                                  function.file())),
              Optional.empty(),
              function.file(),
              parameter.span()));
    }
    Optional<Value> returnType =
        function
            .function()
            .returnType()
            .map(
                t ->
                    new Value.TypeValue(
                        t.span(),
                        new TypeShape.Primitive(t.name(), t.nullable()),
                        function.file()));
    return Optional.of(new FunctionSignature(parameters, returnType, Optional.empty(), false));
  }
}
