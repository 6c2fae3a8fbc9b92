package org.verinote.core.review;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.SQLRecoverableException;
import org.verinote.core.StoreException;

/** JDBC helpers: SQL errors to {@link StoreException}. */
final class Jdbc {

  private Jdbc() {}

  static StoreException failure(String operation, SQLException e) {
    String state = e.getSQLState();
    boolean retriable = e instanceof SQLTransientException || e instanceof SQLRecoverableException
        || (state != null && (state.startsWith("08") || state.equals("40001") || state.equals("40P01")
            || state.equals("57P01")));
    return new StoreException(operation + " failed (SQLState " + state + ")"
        + (retriable ? "; retry." : "; see the cause."), state, retriable, e);
  }
}
