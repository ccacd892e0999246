package dev.pqcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CheckCommandTest {
  @Test
  void valueOptionsAreEveryOptionThatTakesAValue() {
    CommandLine.Model.CommandSpec spec = new CheckCommand().spec();
    Set<String> takingValues =
        spec.options().stream()
            .filter(option -> option.arity().max() > 0)
            .flatMap(option -> Arrays.stream(option.names()))
            .collect(Collectors.toSet());
    assertEquals(takingValues, CheckCommand.VALUE_OPTIONS);
  }

  @Test
  void firstPathSkipsOptionsAndTheirValues() {
    assertEquals(Optional.of(Path.of("Contoso.mez")), first("check", "Contoso.mez"));
    assertEquals(
        Optional.of(Path.of("Contoso.mez")),
        first("check", "--format", "json", "-q", "-o", "out.json", "Contoso.mez", "Other.mez"));
    assertEquals(
        Optional.of(Path.of("src")), first("check", "--format=sarif", "--fix", "src", "-q"));
    assertEquals(Optional.of(Path.of("-odd.mez")), first("check", "-q", "--", "-odd.mez"));
  }

  @Test
  void firstPathIsEmptyWhenItCannotBeTold() {
    assertEquals(Optional.empty(), first("check"));
    assertEquals(Optional.empty(), first("check", "--config", "pqcert.json"));
    assertEquals(Optional.empty(), first("check", "@arguments.txt"));
    assertEquals(Optional.empty(), first("check", "-", "Contoso.mez"));
  }

  private static Optional<Path> first(String... args) {
    return CheckCommand.firstPath(args);
  }
}
