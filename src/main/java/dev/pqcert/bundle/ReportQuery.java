package dev.pqcert.bundle;

import dev.pqcert.parse.Position;

/**
 * One M query of a test report: a table partition's source, or a shared expression (a query loaded
 * nowhere, a parameter, a function).
 *
 * @param name the query's name as the report shows it: the table's name for a partition (not the
 *     partition's), the expression's or section member's name otherwise, unquoted
 * @param file the file that defines it, as reports name it, always with '/': the entry inside the
 *     report ({@code DataModelSchema}; {@code DataMashup/Formulas/Section1.m} for the section
 *     document inside the DataMashup entry) or the path relative to the project's folder, the one
 *     holding the {@code .pbip} ({@code Contoso.SemanticModel/definition/tables/Airlines.tmdl},
 *     {@code Contoso.SemanticModel/model.bim})
 * @param expression the M text of the query, an expression (not a section member): for TMDL without
 *     its block's common indentation, for JSON the decoded string (lines of a list joined with LF),
 *     for a section document the member's value exactly as written
 * @param where where in {@code file} the query is defined, for findings about the query as a whole:
 *     TMDL, the {@code source} keyword of the partition or the name after {@code expression}; JSON,
 *     the start of the {@code expression} value (its quote or bracket); a section document, the
 *     member's name. Lines and columns count as the M parser does (code points, 1-based)
 */
public record ReportQuery(String name, String file, String expression, Position where) {}
