package org.verinote.core.review;

/** The outbox and worker against {@link DraftStore#postgres}: kill-and-resume on a real database. */
class PostgresSubmissionWorkerTest extends SubmissionWorkerContract {

  @Override
  protected DraftStore newStore() {
    return PostgresStores.app();
  }
}
