package org.verinote.core.review;

/** The {@link DraftStore} contract against {@link DraftStore#postgres} on a real PostgreSQL with RLS. */
class PostgresDraftStoreTest extends DraftStoreContract {

  private static DraftStore shared;

  @Override
  protected DraftStore newStore() {
    synchronized (PostgresDraftStoreTest.class) {
      if (shared == null) {
        shared = DraftStore.postgres(EmbeddedPostgres.get().app());
      }
      return shared;
    }
  }
}
