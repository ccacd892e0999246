package dev.pqcert.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder with a project file is read as the SDK's build packages it: the files its items name,
 * flattened into the package; the rest left out. See {@code docs/sdk-packaging.md}.
 */
class FolderLayoutTest {
  @TempDir Path dir;

  private static final String SECTION = "[Version = \"1.0.0\"]\r\nsection Contoso;\r\n";

  /** The VS Code SDK's template, with the items given. */
  private static String proj(String items) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
        + "<Project ToolsVersion=\"Current\""
        + " xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\" DefaultTargets=\"BuildMez\">\r\n"
        + "  <PropertyGroup>\r\n"
        + "    <MezIntermediatePath>obj\\MEZ\\</MezIntermediatePath>\r\n"
        + "  </PropertyGroup>\r\n"
        + "  <ItemGroup>\r\n"
        + items
        + "  </ItemGroup>\r\n"
        + "  <Target Name=\"BuildMez\" AfterTargets=\"Build\">\r\n"
        + "    <RemoveDir Directories=\"$(MezIntermediatePath)\" />\r\n"
        + "    <Copy SourceFiles=\"@(MezContent)\" DestinationFolder=\"$(MezIntermediatePath)\" />\r\n"
        + "    <ZipDirectory SourceDirectory=\"$(MezIntermediatePath)\" DestinationFile=\"x.mez\" />\r\n"
        + "  </Target>\r\n"
        + "</Project>\r\n";
  }

  /** The Visual Studio SDK's template (since SDK 1.0.0.10), with the items given. */
  private static String mproj(String items) {
    return "\uFEFF<Project DefaultTargets=\"BuildExtension\""
        + " xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\">\r\n"
        + "  <PropertyGroup>\r\n"
        + "    <Configuration Condition=\" '$(Configuration)' == '' \">Debug</Configuration>\r\n"
        + "  </PropertyGroup>\r\n"
        + "  <PropertyGroup Condition=\" '$(Configuration)' == 'Debug' \">\r\n"
        + "    <OutputPath>bin\\Debug\\</OutputPath>\r\n"
        + "  </PropertyGroup>\r\n"
        + "  <ItemGroup>\r\n"
        + items
        + "  </ItemGroup>\r\n"
        + "  <Target Name=\"BuildExtension\">\r\n"
        + "    <ItemGroup>\r\n"
        + "      <PQFiles Include=\"@(Compile)\" Condition=\"'%(Extension)' == '.pq'\" />\r\n"
        + "      <NonPQFiles Include=\"@(Compile)\" Condition=\"'%(Extension)' != '.pq'\" />\r\n"
        + "    </ItemGroup>\r\n"
        + "    <Copy SourceFiles=\"@(NonPQFiles)\" DestinationFolder=\"$(IntermediateOutputPath)\" />\r\n"
        + "    <Copy SourceFiles=\"@(PQFiles)\""
        + " DestinationFiles=\"@(PQFiles->'$(IntermediateOutputPath)%(RecursiveDir)%(FileName).m')\" />\r\n"
        + "  </Target>\r\n"
        + "</Project>\r\n";
  }

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  /** Package name to path in the folder. */
  private Map<String, String> packaged(FolderLayout.Plan plan) {
    Map<String, String> files = new TreeMap<>();
    plan.files().forEach(f -> files.put(f.packageName(), f.sourcePath()));
    return files;
  }

  @Test
  void mezContentItemsAreThePackageWithSubfoldersFlattenedIn() throws Exception {
    write("Contoso.pq", SECTION);
    write("Contoso.query.pq", "Contoso.Contents()");
    write("Contoso.Tests.pq", "section ContosoTests;");
    write("README.md", "# Contoso");
    write("resources.resx", "<root/>");
    write("lib/Helpers.pqm", "[]");
    write("lib/tables/Table.ToNavigationTable.pqm", "[]");
    write("assets/Contoso16.png", "png");
    write("bin/AnyCPU/Debug/Stale.pqm", "[]");
    write(
        "Contoso.proj",
        proj(
            "    <MezContent Include=\"Contoso.pq\" />\r\n"
                + "    <MezContent Include=\"lib\\**\\*.pqm\" />\r\n"
                + "    <MezContent Include=\"assets\\Contoso16.png;resources.resx\" />\r\n"));

    FolderLayout.Plan plan = FolderLayout.plan(dir);

    assertEquals(
        Map.of(
            "Contoso.pq", "Contoso.pq",
            "Helpers.pqm", "lib/Helpers.pqm",
            "Table.ToNavigationTable.pqm", "lib/tables/Table.ToNavigationTable.pqm",
            "Contoso16.png", "assets/Contoso16.png",
            "resources.resx", "resources.resx"),
        packaged(plan));
    assertEquals(Optional.of("Contoso.proj"), plan.projectFile());
    assertEquals(List.of("Contoso.Tests.pq", "Contoso.query.pq", "README.md"), plan.leftOut());
    assertEquals(List.of(), plan.notes());
  }

  @Test
  void aFolderReadThroughItsProjectPointsFindingsAtTheSubfolder() throws Exception {
    write("Contoso.pq", SECTION);
    write("lib/Helpers.pqm", "[]");
    write(
        "Contoso.proj",
        proj(
            "    <MezContent Include=\"Contoso.pq\" />\r\n    <MezContent Include=\"lib/*.pqm\" />\r\n"));

    Bundle bundle = new BundleReader().read(dir);

    assertEquals(
        List.of("Contoso.pq", "Helpers.pqm"),
        bundle.entries().stream().map(BundleEntry::name).toList());
    assertEquals("lib/Helpers.pqm", bundle.sourcePath("Helpers.pqm"));
    assertEquals("Contoso.pq", bundle.sourcePath("Contoso.pq"));
  }

  @Test
  void compileItemsArePackagedAndContentItemsAreNot() throws Exception {
    write("Contoso.pq", SECTION);
    write("Contoso.query.pq", "Contoso.Contents()");
    write("Contoso16.png", "png");
    write("Diagnostics/Diagnostics.pqm", "[]");
    write("client_secret", "s3cret");
    write(
        "Contoso.mproj",
        mproj(
            "    <Compile Include=\"Contoso.pq\"><SubType>Code</SubType></Compile>\r\n"
                + "    <Compile Include=\"Contoso16.png\" />\r\n"
                + "    <Compile Include=\"Diagnostics\\Diagnostics.pqm\" />\r\n"
                + "    <Content Include=\"Contoso.query.pq\" />\r\n"
                + "    <Content Include=\"client_secret\" />\r\n"));

    FolderLayout.Plan plan = FolderLayout.plan(dir);

    // The build renames Contoso.pq to Contoso.m; pqcert keeps the file's name.
    assertEquals(
        Map.of(
            "Contoso.pq", "Contoso.pq",
            "Contoso16.png", "Contoso16.png",
            "Diagnostics.pqm", "Diagnostics/Diagnostics.pqm"),
        packaged(plan));
    assertEquals(List.of("Contoso.query.pq", "client_secret"), plan.leftOut());
    assertEquals(List.of(), plan.notes());
  }

  @Test
  void aPqCompiledThroughARecursiveWildcardLandsInASubfolderTheBuildDoesNotPackage()
      throws Exception {
    write("Contoso.pq", SECTION);
    write("tests/Contoso.Tests.pq", "section ContosoTests;");
    write("Helpers.pqm", "[]");
    write("shared/Shared.pqm", "[]");
    write(
        "Contoso.mproj",
        mproj("    <Compile Include=\"**\\*.pq\" />\r\n    <Compile Include=\"**\\*.pqm\" />\r\n"));

    FolderLayout.Plan plan = FolderLayout.plan(dir);

    assertEquals(
        Map.of(
            "Contoso.pq", "Contoso.pq",
            "Helpers.pqm", "Helpers.pqm",
            "Shared.pqm", "shared/Shared.pqm"),
        packaged(plan));
    assertEquals(1, plan.notes().size(), plan.notes().toString());
    assertTrue(
        plan.notes().get(0).contains("tests/Contoso.Tests.pq")
            && plan.notes().get(0).contains("tests/Contoso.Tests.m"),
        plan.notes().get(0));
  }

  @Test
  void propertiesConditionsExcludeAndRemoveAreEvaluated() throws Exception {
    write("TripPin.pq", SECTION);
    write("A.pqm", "[]");
    write("B.pqm", "[]");
    write("C.pqm", "[]");
    write("Debug.pqm", "[]");
    write("Release.pqm", "[]");
    write(
        "TripPin.proj",
        proj("    <MezContent Include=\"$(ConnectorName).pq\" />\r\n"
                + "    <MezContent Include=\"*.pqm\" Exclude=\"B.pqm;Debug.pqm;Release.pqm\" />\r\n"
                + "    <MezContent Remove=\"C.pqm\" />\r\n"
                + "    <MezContent Include=\"$(Configuration).pqm\""
                + " Condition=\"'$(Configuration)' == 'Debug' and Exists('Debug.pqm')\" />\r\n")
            .replace(
                "  <PropertyGroup>\r\n",
                "  <PropertyGroup>\r\n"
                    + "    <ConnectorName>TripPin</ConnectorName>\r\n"
                    + "    <Configuration Condition=\"'$(Configuration)' == ''\">Debug</Configuration>\r\n"));

    FolderLayout.Plan plan = FolderLayout.plan(dir);

    assertEquals(List.of("A.pqm", "Debug.pqm", "TripPin.pq"), List.copyOf(packaged(plan).keySet()));
    assertEquals(List.of(), plan.notes());
  }

  @Test
  void namesAreMatchedWithoutRegardToCaseAsOnWindows() throws Exception {
    write("Contoso.pq", SECTION);
    write("Icons/Contoso16.png", "png");
    write(
        "Contoso.proj",
        proj(
            "    <MezContent Include=\"contoso.PQ\" />\r\n"
                + "    <MezContent Include=\"icons\\contoso16.png\" />\r\n"));

    FolderLayout.Plan plan = FolderLayout.plan(dir);

    // Named as the project writes them, as MSBuild's Copy names the copies.
    assertEquals(
        Map.of("contoso.PQ", "Contoso.pq", "contoso16.png", "Icons/Contoso16.png"), packaged(plan));
  }

  @Test
  void aProjectNamingAMissingFileCannotBeBuiltSoTheFolderIsReadWithoutIt() throws Exception {
    write("Monday.pq", SECTION);
    write("Monday.query.pq", "Monday.Contents()");
    write("resources.resx", "<root/>");
    write(
        "Monday.proj",
        proj(
            "    <MezContent Include=\"Renamed.pq\" />\r\n"
                + "    <MezContent Include=\"resources.resx\" />\r\n"));

    FolderLayout.Plan plan = FolderLayout.plan(dir);

    assertEquals(
        List.of("Monday.pq", "Monday.query.pq", "resources.resx"),
        List.copyOf(packaged(plan).keySet()));
    assertEquals(Optional.empty(), plan.projectFile());
    assertEquals(1, plan.notes().size());
    assertTrue(
        plan.notes().get(0).startsWith("Monday.proj names Renamed.pq, which is not in the folder,")
            && plan.notes().get(0).contains("MSB3030"),
        plan.notes().get(0));
  }

  @Test
  void twoFilesFlattenedToOneNameKeepTheLastAsTheBuildDoes() throws Exception {
    write("Contoso.pq", SECTION);
    write("old/Helpers.pqm", "\"old\"");
    write("new/Helpers.pqm", "\"new\"");
    write(
        "Contoso.proj",
        proj("    <MezContent Include=\"Contoso.pq;old\\Helpers.pqm;new\\Helpers.pqm\" />\r\n"));

    FolderLayout.Plan plan = FolderLayout.plan(dir);

    assertEquals("new/Helpers.pqm", packaged(plan).get("Helpers.pqm"));
    assertEquals(
        List.of(
            "old/Helpers.pqm and new/Helpers.pqm have the same name in the package, where the"
                + " build keeps the last one, new/Helpers.pqm"),
        plan.notes());
  }

  @Test
  void theVisualStudioCodeProjectWinsOverTheOlderOneBesideIt() throws Exception {
    write("Contoso.pq", SECTION);
    write("Contoso16.png", "png");
    write("Contoso.proj", proj("    <MezContent Include=\"Contoso.pq\" />\r\n"));
    write("Contoso.mproj", mproj("    <Compile Include=\"Contoso.pq;Contoso16.png\" />\r\n"));

    FolderLayout.Plan plan = FolderLayout.plan(dir);

    assertEquals(List.of("Contoso.pq"), List.copyOf(packaged(plan).keySet()));
    assertEquals(Optional.of("Contoso.proj"), plan.projectFile());
    assertTrue(
        plan.notes().get(0).startsWith("read as Contoso.proj packages it"), plan.notes().get(0));
  }

  @Test
  void twoProjectsOfOneKindAreRefusedAsMsBuildRefusesThem() throws Exception {
    write("Contoso.pq", SECTION);
    write("A.proj", proj("    <MezContent Include=\"Contoso.pq\" />\r\n"));
    write("B.proj", proj("    <MezContent Include=\"Contoso.pq\" />\r\n"));

    InputException e = assertThrows(InputException.class, () -> FolderLayout.plan(dir));

    assertTrue(e.problem().startsWith("holds several connector project files (A.proj, B.proj)"));
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void aProjectWithoutConnectorItemsLeavesTheFolderReadAsItsTopLevelFiles() throws Exception {
    write("Contoso.pq", SECTION);
    write(
        "dirs.proj",
        "<Project><ItemGroup><ProjectReference Include=\"a.csproj\" /></ItemGroup></Project>");

    FolderLayout.Plan plan = FolderLayout.plan(dir);

    assertEquals(List.of("Contoso.pq"), List.copyOf(packaged(plan).keySet()));
    assertTrue(plan.notes().get(0).startsWith("dirs.proj has no MezContent items"));
  }

  @Test
  void aBrokenProjectFileIsOneLineNamingItsPlace() throws Exception {
    write("Contoso.pq", SECTION);
    write(
        "Contoso.proj",
        "<Project>\r\n  <ItemGroup>\r\n    <MezContent Include=\"a\"\r\n</Project>");

    InputException e = assertThrows(InputException.class, () -> FolderLayout.plan(dir));

    assertTrue(e.getMessage().startsWith(dir.resolve("Contoso.proj") + ": "), e.getMessage());
    assertTrue(e.problem().startsWith("not a valid project file (line 4"), e.problem());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void aDocumentTypeDeclarationIsRefused() throws Exception {
    write("Contoso.pq", SECTION);
    write(
        "Contoso.proj",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE Project [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
            + "<Project><ItemGroup><MezContent Include=\"&x;\" /></ItemGroup></Project>");

    InputException e = assertThrows(InputException.class, () -> FolderLayout.plan(dir));

    assertTrue(e.problem().startsWith("not a valid project file"), e.problem());
  }

  @Test
  void aCustomBuildTargetIsReadAsTheSdksAndSaidSo() throws Exception {
    write("Contoso.pq", SECTION);
    write("lib/Get.pq", "1");
    write(
        "Contoso.mproj",
        mproj("    <Compile Include=\"Contoso.pq\" />\r\n")
            .replace(
                "  </Target>",
                "    <Copy SourceFiles=\"@(LibFiles)\" DestinationFolder=\"x\" />\r\n  </Target>"));

    FolderLayout.Plan plan = FolderLayout.plan(dir);

    assertEquals(List.of("Contoso.pq"), List.copyOf(packaged(plan).keySet()));
    assertEquals(1, plan.notes().size());
    assertTrue(
        plan.notes().get(0).startsWith("Contoso.mproj's build target is not the SDK's (it copies")
            && plan.notes().get(0).contains("@(LibFiles)"),
        plan.notes().get(0));
  }

  @Test
  void aFileNamedOutsideTheFolderOrByItsFullPathIsPackagedAsTheBuildDoes() throws Exception {
    Path project = dir.resolve("Contoso");
    write("Contoso/Contoso.pq", SECTION);
    write("shared/Diagnostics.pqm", "[]");
    write(
        "Contoso/Contoso.proj",
        proj(
            "    <MezContent Include=\"$(MSBuildProjectDirectory)\\Contoso.pq\" />\r\n"
                + "    <MezContent Include=\"..\\shared\\Diagnostics.pqm\" />\r\n"));

    FolderLayout.Plan plan = FolderLayout.plan(project);

    assertEquals(
        Map.of("Contoso.pq", "Contoso.pq", "Diagnostics.pqm", "../shared/Diagnostics.pqm"),
        packaged(plan));
  }

  @Test
  void withoutAProjectFileTheTopLevelFilesAreReadAsBefore() throws Exception {
    write("Contoso.pq", SECTION);
    write("Contoso.query.pq", "x");
    write("sub/Helpers.pqm", "[]");
    write(".gitignore", "bin/");

    FolderLayout.Plan plan = FolderLayout.plan(dir);

    assertEquals(List.of("Contoso.pq", "Contoso.query.pq"), List.copyOf(packaged(plan).keySet()));
    assertEquals(Optional.empty(), plan.projectFile());
    assertEquals(List.of(), plan.leftOut());
  }
}
