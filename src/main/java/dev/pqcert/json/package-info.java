/** How pqcert writes JSON, shared by reports and the baseline. */
package dev.pqcert.json;
