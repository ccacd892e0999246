package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;

/**
 * One certification check. Its id, level, title and documentation live in {@code rules/<id>.md};
 * the rule itself only reads facts from the connector model.
 */
public interface Rule {
  String id();

  void check(ConnectorModel model, FindingSink findings);
}
