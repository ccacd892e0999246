package dev.pqcert.model;

import java.util.Set;

/**
 * Tells names of the standard library ({@code Table.AddColumn}, {@code Int64.Type}) from names the
 * connector forgot to define. A connector's own member always wins over a library name.
 */
public final class LibraryNames {
  private static final Set<String> MODULES =
      Set.of(
          "Access",
          "ActiveDirectory",
          "AdoDotNet",
          "AnalysisServices",
          "Any",
          "Binary",
          "BinaryEncoding",
          "BinaryFormat",
          "BinaryOccurrence",
          "Byte",
          "ByteOrder",
          "Character",
          "Combiner",
          "Comparer",
          "Compression",
          "Csv",
          "CsvStyle",
          "Cube",
          "Currency",
          "Date",
          "DateTime",
          "DateTimeZone",
          "Day",
          "Decimal",
          "Diagnostics",
          "DirectQueryCapabilities",
          "Double",
          "Duration",
          "Error",
          "Excel",
          "Exchange",
          "Expression",
          "ExtraValues",
          "Extension",
          "File",
          "Folder",
          "Function",
          "Geography",
          "Geometry",
          "GroupKind",
          "Guid",
          "Hdfs",
          "HdInsight",
          "Html",
          "Identity",
          "IdentityProvider",
          "Informix",
          "Int16",
          "Int32",
          "Int64",
          "Int8",
          "ItemExpression",
          "JoinAlgorithm",
          "JoinKind",
          "JoinSide",
          "Json",
          "LimitClauseKind",
          "Lines",
          "List",
          "Logical",
          "MissingField",
          "MySQL",
          "Number",
          "OData",
          "ODataOmitValues",
          "Occurrence",
          "Odbc",
          "OleDb",
          "Oracle",
          "Order",
          "Pdf",
          "Percentage",
          "PercentileMode",
          "PostgreSQL",
          "Precision",
          "QuoteStyle",
          "Record",
          "RelativePosition",
          "RoundingMode",
          "RowExpression",
          "Salesforce",
          "SapBusinessWarehouse",
          "SapHana",
          "SharePoint",
          "Single",
          "Soda",
          "Splitter",
          "Sql",
          "SqlExpression",
          "Sybase",
          "Table",
          "Tables",
          "Teradata",
          "Text",
          "TextEncoding",
          "Time",
          "TraceLevel",
          "Type",
          "Uri",
          "Value",
          "Variable",
          "Web",
          "WebAction",
          "WebMethod",
          "Xml");

  private static final Set<String> GLOBALS = Set.of("#shared", "#sections");

  private LibraryNames() {}

  public static boolean isLibrary(String name) {
    if (GLOBALS.contains(name)) {
      return true;
    }
    int dot = name.indexOf('.');
    return dot > 0 && MODULES.contains(name.substring(0, dot));
  }
}
