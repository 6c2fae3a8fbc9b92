package org.verinote.core.review;

/** The {@link DraftStore} contract against {@link DraftStore#inMemory()}. */
class InMemoryDraftStoreTest extends DraftStoreContract {

  @Override
  protected DraftStore newStore() {
    return DraftStore.inMemory();
  }
}
