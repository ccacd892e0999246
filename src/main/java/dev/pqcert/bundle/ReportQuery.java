package dev.pqcert.bundle;

import dev.pqcert.parse.Position;

/**
 * One M query of a test report: a table partition's source, or a shared expression (a query loaded
 * nowhere, a parameter, a function).
 *
 * @param name the query's name as the report shows it (the table or expression name)
 * @param file the file that defines it, as reports name it: the entry inside the report (e.g.
 *     {@code DataModelSchema}, {@code Formulas/Section1.m}) or the path inside the project folder
 *     (e.g. {@code Contoso.SemanticModel/definition/tables/Airlines.tmdl}), always with '/'
 * @param expression the M text of the query, an expression (not a section member)
 * @param where where in {@code file} the query is defined (its name, or the expression's start),
 *     for findings about the query as a whole
 */
public record ReportQuery(String name, String file, String expression, Position where) {}
