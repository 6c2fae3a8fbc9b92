package org.verinote.core.review;

/** The outbox and worker against {@link DraftStore#inMemory()}. */
class InMemorySubmissionWorkerTest extends SubmissionWorkerContract {

  @Override
  protected DraftStore newStore() {
    return DraftStore.inMemory();
  }
}
