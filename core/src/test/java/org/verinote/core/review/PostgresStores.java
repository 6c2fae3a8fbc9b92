package org.verinote.core.review;

/** The one PostgreSQL store the Postgres test classes share (one embedded server per JVM). */
final class PostgresStores {

  private static DraftStore app;

  private PostgresStores() {}

  static synchronized DraftStore app() {
    if (app == null) {
      app = DraftStore.postgres(EmbeddedPostgres.get().app());
    }
    return app;
  }
}
