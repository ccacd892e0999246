package dev.pqcert.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.pqcert.config.Config;
import dev.pqcert.parse.Position;
import dev.pqcert.parse.Span;
import dev.pqcert.rules.Location;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.runtime.ObjectMethods;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The records whose equals and hashCode are written out (to spare a cold run the method handles a
 * record's own are built from) behave exactly as the record's own would: the same equality and the
 * same hash codes, so maps keyed by them keep their order.
 */
class RecordMethodsTest {
  @ParameterizedTest
  @ValueSource(
      classes = {
        Site.class,
        Position.class,
        Taint.Source.class,
        Value.Text.class,
        Location.class,
        Config.class,
        Config.RuleSetting.class
      })
  void writtenOutMethodsAreTheRecordsOwn(Class<?> type) throws Throwable {
    check(type);
  }

  @ParameterizedTest
  @ValueSource(strings = {"FactRecorder$CallKey", "FactRecorder$SinkKey"})
  void writtenOutMethodsOfPrivateKeysAreTheRecordsOwn(String name) throws Throwable {
    check(Class.forName("dev.pqcert.model." + name));
  }

  private static void check(Class<?> type) throws Throwable {
    RecordComponent[] components = type.getRecordComponents();
    // The methods written out are really there: otherwise this compares the record with itself.
    assertEquals(type, type.getDeclaredMethod("equals", Object.class).getDeclaringClass());
    assertEquals(type, type.getDeclaredMethod("hashCode").getDeclaringClass());
    MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
    List<MethodHandle> getters = new ArrayList<>();
    for (RecordComponent component : components) {
      Method accessor = component.getAccessor();
      accessor.setAccessible(true);
      getters.add(lookup.unreflect(accessor));
    }
    String names =
        Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.joining(";"));
    MethodHandle[] handles = getters.toArray(MethodHandle[]::new);
    MethodHandle ownEquals =
        ((java.lang.invoke.CallSite)
                ObjectMethods.bootstrap(
                    lookup,
                    "equals",
                    MethodType.methodType(boolean.class, type, Object.class),
                    type,
                    names,
                    handles))
            .dynamicInvoker();
    MethodHandle ownHashCode =
        ((java.lang.invoke.CallSite)
                ObjectMethods.bootstrap(
                    lookup,
                    "hashCode",
                    MethodType.methodType(int.class, type),
                    type,
                    names,
                    handles))
            .dynamicInvoker();

    Object base = make(type, components, -1);
    Object same = make(type, components, -1);
    List<Object> instances = new ArrayList<>(List.of(base, same));
    for (int i = 0; i < components.length; i++) {
      instances.add(make(type, components, i));
    }
    for (Object a : instances) {
      assertEquals((int) ownHashCode.invoke(a), a.hashCode(), () -> "hashCode of " + a);
      assertNotEquals(a, null);
      assertNotEquals(a, "text");
      for (Object b : instances) {
        assertEquals((boolean) ownEquals.invoke(a, b), a.equals(b), () -> a + " equals " + b);
      }
    }
    assertEquals(base, same);
    for (int i = 2; i < instances.size(); i++) {
      assertNotEquals(base, instances.get(i)); // each component takes part
    }
  }

  /** An instance with every component at its first value, but {@code other} at its second. */
  private static Object make(Class<?> type, RecordComponent[] components, int other)
      throws ReflectiveOperationException {
    Class<?>[] types =
        Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new);
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = value(types[i], i == other ? 1 : 0);
    }
    Constructor<?> canonical = type.getDeclaredConstructor(types);
    canonical.setAccessible(true);
    return canonical.newInstance(values);
  }

  private static Object value(Class<?> type, int which) {
    if (type == String.class) {
      return which == 0 ? "a" : "b";
    } else if (type == int.class) {
      return which == 0 ? 1 : 2;
    } else if (type == boolean.class) {
      return which == 1;
    } else if (type == Site.class) {
      return new Site("a.pq", which);
    } else if (type == Span.class) {
      return Span.of(Position.START, new Position(1, 2 + which, 1 + which));
    } else if (type == List.class) {
      return List.of(which == 0 ? "x" : "y");
    } else if (type == Optional.class) {
      return which == 0 ? Optional.empty() : Optional.of("x");
    } else if (type == Map.class) {
      return which == 0 ? Map.of() : Map.of("k", "v");
    } else if (type == Set.class) {
      return which == 0 ? Set.of() : Set.of("x");
    } else if (type.isEnum()) {
      return type.getEnumConstants()[which];
    }
    throw new IllegalArgumentException("no sample value of " + type);
  }
}
