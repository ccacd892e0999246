/**
 * The user's configuration: {@code pqcert.json} or {@code pqcert.yaml} found next to a target or in
 * a parent folder up to the repository root or the home folder (or given with {@code --config}):
 * rules switched off or moved to another level, per-file ignores, the kind of release, the exit
 * policy and extra function names. Every mistake in it is reported with the file's line and column.
 */
package dev.pqcert.config;
