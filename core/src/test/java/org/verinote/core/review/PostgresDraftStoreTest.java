package org.verinote.core.review;

/** The {@link DraftStore} contract against {@link DraftStore#postgres} on a real PostgreSQL with RLS. */
class PostgresDraftStoreTest extends DraftStoreContract {

  @Override
  protected DraftStore newStore() {
    return PostgresStores.app();
  }
}
