package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.ExportedFunction;
import dev.pqcert.model.Member;
import dev.pqcert.model.Value;
import dev.pqcert.model.Values;
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
            publish.file(),
            publish.nameSpan(),
            "publish record '"
                + name
                + "' has no Beta flag; an initial release must set"
                + " Beta = true (check an update with --release update)");
        continue;
      }
      Optional<Boolean> value = Values.logical(beta.get().value());
      if (value.isPresent() && !value.get()) {
        findings.reportOnce(
            beta.get().value().file().isEmpty() ? publish.file() : beta.get().value().file(),
            beta.get().value().span(),
            "publish record '"
                + name
                + "' has Beta = false; an initial release must set"
                + " Beta = true (check an update with --release update)");
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
}
