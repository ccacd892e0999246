package dev.pqcert.model;

import dev.pqcert.bundle.Bundle;
import dev.pqcert.bundle.BundleEntry;
import dev.pqcert.bundle.EntryKind;
import dev.pqcert.bundle.InputException;
import dev.pqcert.parse.DocumentKind;
import dev.pqcert.parse.DocumentParser;
import dev.pqcert.parse.ParseResult;
import dev.pqcert.parse.SourceText;
import dev.pqcert.parse.ast.SectionDocument;
import dev.pqcert.parse.ast.SectionMember;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parses a bundle's M files once and reads the connector's structure from them. */
public final class ConnectorModelBuilder {
  private ConnectorModelBuilder() {}

  public static ConnectorModel build(Bundle bundle) throws InputException {
    List<SourceFile> files = new ArrayList<>();
    for (BundleEntry entry : bundle.entries()) {
      if (entry.kind() == EntryKind.SECTION_DOCUMENT || entry.kind() == EntryKind.MODULE) {
        String text = entry.text(bundle.displayName()).text();
        DocumentKind kind =
            entry.kind() == EntryKind.MODULE ? DocumentKind.EXPRESSION : DocumentKind.AUTO;
        ParseResult parse = DocumentParser.parse(new SourceText(entry.name(), text), kind);
        files.add(new SourceFile(entry.name(), entry.kind(), parse));
      }
    }
    // With several candidates the first is analysed; a package-level rule reports the others.
    Optional<SourceFile> sectionFile =
        files.stream().filter(f -> f.kind() == EntryKind.SECTION_DOCUMENT).findFirst();
    Optional<Section> section =
        sectionFile.flatMap(
            f -> f.parse().document().section().map(document -> section(f.name(), document)));
    return new ConnectorModel(bundle, List.copyOf(files), sectionFile, section);
  }

  private static Section section(String file, SectionDocument document) {
    List<Member> members = new ArrayList<>();
    for (SectionMember member : document.members()) {
      members.add(
          new Member(
              file,
              member.name().name(),
              member.shared(),
              member.attributes().map(Values::ofRecord),
              member.span(),
              member.name().span(),
              member.value()));
    }
    return new Section(
        file,
        document.name().map(n -> n.name()),
        document.sectionKeyword(),
        document.attributes().map(Values::ofRecord),
        List.copyOf(members));
  }
}
