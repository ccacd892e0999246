package dev.pqcert.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of standard library functions the model and the rules know by name, and what each
 * does with its arguments: sends a web request (its first argument is the URL, and its options
 * record sits at {@link #optionsIndex}), opens a connection, writes a trace, evaluates an
 * expression, reads the credential. Calls of these are kept as {@link CallSite}s; every other
 * library function is only folded ({@link LibraryCalls}) or unknown.
 */
public enum LibraryFunction {
  WEB_CONTENTS("Web.Contents", Effect.REQUEST, 1),
  ODATA_FEED("OData.Feed", Effect.REQUEST, 2),
  WEB_BROWSER_CONTENTS("Web.BrowserContents", Effect.REQUEST, 1),
  WEB_HEADERS("Web.Headers", Effect.REQUEST, 1),
  ODBC_DATA_SOURCE("Odbc.DataSource", Effect.CONNECTION),
  ODBC_QUERY("Odbc.Query", Effect.CONNECTION),
  OLEDB_DATA_SOURCE("OleDb.DataSource", Effect.CONNECTION),
  OLEDB_QUERY("OleDb.Query", Effect.CONNECTION),
  ADODOTNET_DATA_SOURCE("AdoDotNet.DataSource", Effect.CONNECTION),
  ADODOTNET_QUERY("AdoDotNet.Query", Effect.CONNECTION),
  SQL_DATABASE("Sql.Database", Effect.CONNECTION),
  SQL_DATABASES("Sql.Databases", Effect.CONNECTION),
  EXTENSION_CURRENT_CREDENTIAL("Extension.CurrentCredential", Effect.CREDENTIAL),
  /** The requirement page's misspelling, matched as well. */
  EXTENSION_CURRENT_CREDENTIALS("Extension.CurrentCredentials", Effect.CREDENTIAL),
  /** Writes its message (the second argument); the value it returns is not written. */
  DIAGNOSTICS_TRACE("Diagnostics.Trace", Effect.TRACE),
  /** Runs its action with the credential its first argument builds; returns the action's value. */
  EXTENSION_INVOKE_WITH_CREDENTIALS("Extension.InvokeWithCredentials", Effect.NONE),
  EXPRESSION_EVALUATE("Expression.Evaluate", Effect.EVALUATE),
  EXTENSION_CONTENTS("Extension.Contents", Effect.NONE),
  EXTENSION_LOAD_STRING("Extension.LoadString", Effect.NONE),
  VALUE_NATIVE_QUERY("Value.NativeQuery", Effect.NONE),
  TABLE_VIEW("Table.View", Effect.NONE),
  URI_PARTS("Uri.Parts", Effect.NONE),
  OPENAPI_DOCUMENT("OpenApi.Document", Effect.NONE),
  VALUE_REPLACE_TYPE("Value.ReplaceType", Effect.NONE),
  VALUE_REPLACE_METADATA("Value.ReplaceMetadata", Effect.NONE),
  TEXT_FROM_BINARY("Text.FromBinary", Effect.NONE);

  /** What a function does that matters to certification. */
  public enum Effect {
    /** Sends a web request: the first argument is the URL, an options record follows. */
    REQUEST,
    /** Opens a connection: the first argument is a connection string or server. */
    CONNECTION,
    /** Returns the connector's credential. */
    CREDENTIAL,
    /** Writes a trace. */
    TRACE,
    /** Evaluates M text. */
    EVALUATE,
    /** Nothing of its own; its calls are kept for the rules that read them. */
    NONE
  }

  private static final Map<String, LibraryFunction> BY_NAME =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(f -> f.name, Function.identity()));

  /**
   * Functions that read a data source other than the web ({@code File.Contents}, {@code
   * AzureStorage.Blobs}): what they return is data read at run time, not what they were given.
   */
  private static final Prefixes DATA_SOURCES =
      Prefixes.of(
          "File.Contents",
          "Folder.",
          "AzureStorage.",
          "AzureDataExplorer.",
          "SharePoint.",
          "Hdfs.",
          "HdInsight.",
          "Access.Database",
          "Exchange.",
          "Salesforce.",
          "ActiveDirectory.",
          "AnalysisServices.",
          "Oracle.Database",
          "MySQL.Database",
          "PostgreSQL.Database",
          "Teradata.Database",
          "Sybase.Database",
          "DB2.Database",
          "Informix.Database",
          "Snowflake.Databases",
          "GoogleBigQuery.Database",
          "Databricks.",
          "Spark.Tables");

  /** Families whose every member is kept as a call site: tracing, extension, cube and ODBC. */
  private static final Prefixes RECORDED =
      Prefixes.of("Diagnostics.", "Extension.", "Cube.", "Odbc.");

  private final String name;
  private final Effect effect;
  private final int optionsIndex;

  LibraryFunction(String name, Effect effect) {
    this(name, effect, -1);
  }

  LibraryFunction(String name, Effect effect, int optionsIndex) {
    this.name = name;
    this.effect = effect;
    this.optionsIndex = optionsIndex;
  }

  /** The function's name in M. */
  public String functionName() {
    return name;
  }

  public Effect effect() {
    return effect;
  }

  /** The index of a request function's options record. */
  public int optionsIndex() {
    return optionsIndex;
  }

  public static Optional<LibraryFunction> named(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** Whether the function sends a web request. */
  public static boolean isRequest(String name) {
    LibraryFunction function = BY_NAME.get(name);
    return function != null && function.effect == Effect.REQUEST;
  }

  /** Whether the function opens a connection. */
  public static boolean isConnection(String name) {
    LibraryFunction function = BY_NAME.get(name);
    return function != null && function.effect == Effect.CONNECTION;
  }

  /**
   * Whether what the function returns is data it read at run time (a response, rows of a database,
   * a file's contents) rather than something computed from its arguments.
   */
  public static boolean readsData(String name) {
    return isRequest(name) || isConnection(name) || DATA_SOURCES.matches(name);
  }

  /**
   * Name prefixes, each naming a family ({@code "Folder."}) or a function ({@code
   * "Oracle.Database"}), with their families (each up to and with its first dot): a name of a
   * family no prefix has is told by one lookup. This runs for every library call a model evaluates,
   * mostly before the JIT has compiled anything.
   */
  private record Prefixes(java.util.List<String> prefixes, java.util.Set<String> families) {
    static Prefixes of(String... prefixes) {
      java.util.Set<String> families = new java.util.HashSet<>();
      for (String prefix : prefixes) {
        families.add(prefix.substring(0, prefix.indexOf('.') + 1));
      }
      return new Prefixes(java.util.List.of(prefixes), java.util.Set.copyOf(families));
    }

    /** Whether the name starts with one of the prefixes. */
    boolean matches(String name) {
      int dot = name.indexOf('.');
      if (dot < 0 || !families.contains(name.substring(0, dot + 1))) {
        return false;
      }
      for (String prefix : prefixes) {
        if (name.startsWith(prefix)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Table functions that return something other than a table. */
  private static final java.util.Set<String> TABLE_FUNCTIONS_NOT_TABLES =
      java.util.Set.of(
          "Table.RowCount",
          "Table.ColumnCount",
          "Table.ApproximateRowCount",
          "Table.IsEmpty",
          "Table.Contains",
          "Table.ContainsAll",
          "Table.ContainsAny",
          "Table.ColumnNames",
          "Table.Column",
          "Table.ToList",
          "Table.ToRecords",
          "Table.ToRows",
          "Table.ToColumns",
          "Table.First",
          "Table.Last",
          "Table.SingleRow",
          "Table.FirstValue",
          "Table.Max",
          "Table.Min",
          "Table.PositionOf",
          "Table.PositionOfAny",
          "Table.Keys",
          "Table.HasColumns",
          "Table.MatchesAllRows",
          "Table.MatchesAnyRows",
          "Table.IsDistinct",
          "Table.Partition",
          "Table.Split",
          "Table.SplitAt");

  /** Other functions whose value is a table. */
  private static final java.util.Set<String> TABLE_RESULTS =
      java.util.Set.of(
          "#table",
          "OData.Feed",
          "Odbc.DataSource",
          "Odbc.Query",
          "OleDb.DataSource",
          "OleDb.Query",
          "AdoDotNet.DataSource",
          "AdoDotNet.Query",
          "Sql.Database",
          "Sql.Databases",
          "Csv.Document",
          "Excel.Workbook",
          "Value.NativeQuery",
          "OpenApi.Document",
          "Folder.Files",
          "Folder.Contents",
          "Record.ToTable",
          "List.ToTable");

  /**
   * The primitive type a library function's value is known to have ({@code table} for {@code
   * Table.SelectRows} and {@code #table}), or empty.
   */
  public static String resultType(String name) {
    if (name.equals("Json.Document")) {
      return "record or list"; // a parsed JSON document is never a table
    }
    if (name.equals("Web.Contents") || name.equals("File.Contents")) {
      return "binary"; // the bytes of a response or a file
    }
    if (TABLE_RESULTS.contains(name)
        || (name.startsWith("Table.") && !TABLE_FUNCTIONS_NOT_TABLES.contains(name))) {
      return "table";
    }
    return "";
  }

  /** Whether calls of the function are kept as call sites for the rules. */
  static boolean isRecorded(String name) {
    return BY_NAME.containsKey(name) || RECORDED.matches(name);
  }
}
