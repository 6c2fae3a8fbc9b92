package org.verinote.core.review;

/** 1,000 approval races on a real PostgreSQL. */
class PostgresApprovalRaceTest extends ApprovalRaceContract {

  @Override
  protected DraftStore newStore() {
    return PostgresStores.app();
  }
}
