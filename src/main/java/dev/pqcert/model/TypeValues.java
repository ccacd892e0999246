package dev.pqcert.model;

import dev.pqcert.parse.ast.TypeNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Type values ({@code type function (...) as table}, {@code type [A = text]}) and the primitive
 * types values learn: from {@code as}, a declared return type, or what a library function returns.
 */
final class TypeValues {
  private TypeValues() {}

  /** The value of a type written after {@code type}, evaluated in {@code scope}. */
  static Value of(TypeNode type, Scope scope, String file, Evaluator evaluator) {
    return type.accept(
        new TypeNode.Visitor<Value>() {
          @Override
          public Value primitive(TypeNode.Primitive node) {
            return value(node, new TypeShape.Primitive(node.name(), node.nullable()));
          }

          @Override
          public Value record(TypeNode.RecordType node) {
            return value(node, recordShape(node));
          }

          @Override
          public Value list(TypeNode.ListType node) {
            return value(node, new TypeShape.ListType(node.item().accept(this)));
          }

          @Override
          public Value function(TypeNode.FunctionType node) {
            List<TypeShape.ParameterType> parameters = new ArrayList<>();
            for (TypeNode.ParameterSpec parameter : node.parameters()) {
              parameters.add(
                  new TypeShape.ParameterType(
                      parameter.name().name(),
                      parameter.optional(),
                      parameter.type().accept(this),
                      parameter.span()));
            }
            return value(
                node, new TypeShape.FunctionType(parameters, node.returnType().accept(this)));
          }

          @Override
          public Value table(TypeNode.TableType node) {
            return value(
                node, new TypeShape.TableType(node.rowType().map(TypeValues::recordShape)));
          }

          @Override
          public Value nullable(TypeNode.NullableType node) {
            return value(node, new TypeShape.Nullable(node.inner().accept(this)));
          }

          @Override
          public Value expression(TypeNode.ExpressionType node) {
            return evaluator.eval(node.expression(), scope, file);
          }

          private Value value(TypeNode node, TypeShape shape) {
            return new Value.TypeValue(node.span(), shape, file);
          }
        });
  }

  private static TypeShape.RecordType recordShape(TypeNode.RecordType record) {
    return new TypeShape.RecordType(
        record.fields().stream().map(f -> f.name().name()).toList(), record.open());
  }

  /**
   * A value known to be of a primitive type (what a library function returns, a type given by
   * {@code Value.ReplaceType}): an unknown value learns it unless it knows better; {@code any} says
   * nothing.
   */
  static Value typed(Value value, String type) {
    if (type.isEmpty() || type.equals("any") || type.equals("anynonnull")) {
      return value;
    }
    return value instanceof Value.Unknown unknown && unknown.type().isEmpty()
        ? unknown.withType(type)
        : value;
  }

  /**
   * A value that passed {@code as type} (or a function's own declared return type, which the engine
   * checks): whatever was inferred, it is of that type when it is a value at all.
   */
  static Value asserted(Value value, String type) {
    if (type.isEmpty() || type.equals("any") || type.equals("anynonnull")) {
      return value;
    }
    return value instanceof Value.Unknown unknown ? unknown.withType(type) : value;
  }

  /** The primitive return type a function declares, by its own syntax or its replaced type. */
  static String declared(Value.FunctionValue function) {
    if (function.replacedType().isPresent()
        && Values.plain(function.replacedType().get()) instanceof Value.TypeValue type
        && type.shape() instanceof TypeShape.FunctionType shape) {
      return TypeShape.primitiveName(shape.returnType());
    }
    return function.function().returnType().map(TypeNode.Primitive::name).orElse("");
  }
}
