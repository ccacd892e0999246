package dev.pqcert.bench;

/**
 * Generates realistic connector source of any size: a section whose members look like real
 * connectors' (documented function types, Web.Contents option records, lets with table steps,
 * navigation tables, comments, escapes), repeated with varying names.
 */
public final class ConnectorGenerator {
  private static final String HEADER =
      """
      // Generated for pqcert's parser benchmark.
      [Version = "1.0.0"]
      section Generated;

      [DataSource.Kind = "Generated", Publish = "Generated.Publish"]
      shared Generated.Contents = Value.ReplaceType(GeneratedImpl, GeneratedType);

      GeneratedType = type function (
          url as (Uri.Type meta [
              Documentation.FieldCaption = Extension.LoadString("UrlCaption"),
              Documentation.SampleValues = {"https://api.example.test/"}
          ]),
          optional options as nullable record)
          as table meta [
              Documentation.Name = Extension.LoadString("Name"),
              Documentation.LongDescription = Extension.LoadString("Description")
          ];

      Generated = [
          TestConnection = (dataSourcePath) => { "Generated.Contents", dataSourcePath },
          Authentication = [ Key = [ KeyLabel = Extension.LoadString("KeyLabel") ] ],
          Label = Extension.LoadString("Label")
      ];

      Generated.Publish = [ Beta = true, Category = "Online Services",
          ButtonText = { Extension.LoadString("Title"), Extension.LoadString("Help") } ];
      """;

  private static final String BLOCK_TEMPLATE =
      """

      /* Entity %1$d: %2$s */
      Entity%1$d.Schema = type table [Id = Int64.Type, Name = text, #"Created At" = datetimezone,
          Amount = nullable number, Tags = {text}, Details = [Code = text, optional Note = text]];

      Entity%1$d.Fetch = (baseUrl as text, optional page as nullable number) as table =>
          let
              headers = [#"Content-Type" = "application/json", Accept = "application/json",
                  Authorization = "Bearer " & Extension.CurrentCredential()[Key]],
              query = [page = Text.From(page ?? 1), pageSize = "500", filter = "name ne ''"],
              response = Web.Contents(baseUrl, [RelativePath = "%2$s", Query = query,
                  Headers = headers, ManualCredentials = true, Timeout = #duration(0, 0, 2, 0)]),
              body = Json.Document(response),
              rows = if body[value]? = null then {} else body[value],
              asTable = Table.FromRecords(rows, Entity%1$d.Schema, MissingField.UseNull),
              typed = Table.TransformColumnTypes(asTable, {{"Amount", type number}}),
              renamed = Table.RenameColumns(typed, {{"Name", "Display Name"}}),
              withFlag = Table.AddColumn(renamed, "Large", each [Amount] <> null and [Amount] > %1$d * 1000),
              sorted = Table.Sort(withFlag, {{"Id", Order.Ascending}}),
              result = try sorted catch (e) => error Error.Record("Entity%1$d", e[Message], "#(tab)%2$s#(cr,lf)")
          in
              result;

      Entity%1$d.Navigation = #table(
          {"Name", "Key", "Data", "ItemKind", "ItemName", "IsLeaf"},
          {{"%2$s", "%2$s", Entity%1$d.Fetch, "Table", "Table", true}});
      """;

  private ConnectorGenerator() {}

  /** At least {@code bytes} characters of section document text. */
  public static String generate(int bytes) {
    String[] nouns = {"Customers", "Orders", "Products", "Invoices", "Regions", "Payments"};
    StringBuilder text = new StringBuilder(bytes + 4096).append(HEADER);
    for (int i = 0; text.length() < bytes; i++) {
      text.append(BLOCK_TEMPLATE.formatted(i, nouns[i % nouns.length]));
    }
    return text.toString();
  }
}
