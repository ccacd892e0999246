package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.ExportedFunction;
import dev.pqcert.model.Member;
import dev.pqcert.model.Value;
import dev.pqcert.model.Values;
import dev.pqcert.parse.SourceText;
import dev.pqcert.parse.Span;
import dev.pqcert.parse.ast.Expr;
import java.util.Optional;

/**
 * PQ018: the {@code Publish} attribute of each exported function names a record, and on an initial
 * release that record has {@code Beta = true}.
 */
final class PublishRecordRule implements Rule {
  @Override
  public String id() {
    return "PQ018";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    // Several functions may share one publish record: its findings are reported once.
    for (ExportedFunction export : model.exports()) {
      if (export.publishName().isEmpty()) {
        continue; // no Publish attribute: the function is not listed in Get Data
      }
      String name = export.publishName().get();
      Member member = export.member();
      if (export.publishMember().isEmpty()) {
        Value attribute = member.attribute("Publish").orElseThrow();
        findings.report(
            member.file(),
            attribute.span(),
            "Publish = \""
                + name
                + "\" names no section member; define "
                + name
                + " = [ Beta = true, Category = ..., ButtonText = {...} ]");
        continue;
      }
      Member publish = export.publishMember().get();
      Value record = export.publishRecord().orElseThrow();
      if (!Values.isKnown(record)) {
        continue;
      }
      Optional<Value.RecordValue> fields = Values.record(record);
      if (fields.isEmpty()) {
        findings.reportOnce(
            publish.file(),
            publish.nameSpan(),
            "publish record '" + name + "' must be a record, not " + Value.describe(record));
        continue;
      }
      if (findings.settings().release() == CheckSettings.Release.UPDATE) {
        continue;
      }
      Optional<Value.RecordField> beta = fields.get().field("Beta");
      if (beta.isEmpty()) {
        findings.reportOnce(
            findings.level(),
            publish.file(),
            publish.nameSpan(),
            "publish record '"
                + name
                + "' has no Beta flag; an initial release must set"
                + " Beta = true (check an update with --release update)",
            addBeta(model, publish));
        continue;
      }
      Optional<Boolean> value = Values.logical(beta.get().value());
      if (value.isPresent() && !value.get()) {
        findings.reportOnce(
            findings.level(),
            beta.get().value().file().isEmpty() ? publish.file() : beta.get().value().file(),
            beta.get().value().span(),
            "publish record '"
                + name
                + "' has Beta = false; an initial release must set"
                + " Beta = true (check an update with --release update)",
            setBeta(model, publish, beta.get()));
      } else if (value.isEmpty() && Values.isKnown(beta.get().value())) {
        findings.reportOnce(
            publish.file(),
            beta.get().nameSpan(),
            "Beta in publish record '"
                + name
                + "' must be true or false, not "
                + Value.describe(beta.get().value()));
      }
    }
  }

  /**
   * {@code Beta = true} as the first field of a publish record written as a record expression in
   * its member, in the record's style: on its own line with the first field's indentation when the
   * fields are one per line, else before the first field on its line.
   */
  private static Optional<Fix> addBeta(ConnectorModel model, Member publish) {
    Optional<SourceText> source = Editable.source(model, publish.file());
    if (source.isEmpty() || !(publish.value() instanceof Expr.RecordExpr record)) {
      return Optional.empty();
    }
    String description = "add Beta = true to " + publish.name();
    Location recordPlace = new Location(publish.file(), record.span());
    if (record.fields().isEmpty()) {
      String written = source.get().slice(record.span());
      return written.length() >= 2 && written.substring(1, written.length() - 1).isBlank()
          ? Optional.of(Fix.of(description, recordPlace, "[Beta = true]"))
          : Optional.empty();
    }
    Span first = record.fields().get(0).span();
    int line = first.start().line();
    int lineStart = source.get().lineStart(line);
    String before = source.get().slice(lineStart, first.startOffset());
    Location at = new Location(publish.file(), first.startOnly());
    boolean ownLine = line > record.span().start().line() && before.isBlank();
    Optional<String> lineEnd = source.get().firstLineEnd();
    if (ownLine && lineEnd.isPresent()) {
      return Optional.of(Fix.of(description, at, "Beta = true," + lineEnd.get() + before));
    }
    return Optional.of(Fix.of(description, at, "Beta = true, "));
  }

  /** {@code Beta = false} written as such in the publish record's own member becomes true. */
  private static Optional<Fix> setBeta(
      ConnectorModel model, Member publish, Value.RecordField beta) {
    Optional<SourceText> source = Editable.source(model, publish.file());
    Span value = beta.value().span();
    if (source.isEmpty()
        || !beta.value().file().equals(publish.file())
        || !Editable.within(value, publish.span())
        || !Editable.reads(source.get(), value, "false")) {
      return Optional.empty();
    }
    return Optional.of(
        Fix.of(
            "set Beta = true in " + publish.name(), new Location(publish.file(), value), "true"));
  }
}
