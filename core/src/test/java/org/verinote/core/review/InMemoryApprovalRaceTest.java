package org.verinote.core.review;

/** 1,000 approval races, three reviewers each, on the in-memory store. */
class InMemoryApprovalRaceTest extends ApprovalRaceContract {

  @Override
  protected DraftStore newStore() {
    return DraftStore.inMemory();
  }

  @Override
  protected int contenders() {
    return 3;
  }
}
