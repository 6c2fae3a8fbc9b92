package org.verinote.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.verinote.core.IllegalTransitionException;

class ReviewStateTest {

  @Test
  void transitionTable_listsExactlyTheDocumentedMoves() {
    assertThat(ReviewState.DRAFTED.next())
        .containsExactlyInAnyOrder(ReviewState.IN_REVIEW, ReviewState.APPROVED, ReviewState.REJECTED);
    assertThat(ReviewState.IN_REVIEW.next())
        .containsExactlyInAnyOrder(ReviewState.IN_REVIEW, ReviewState.APPROVED, ReviewState.REJECTED);
    assertThat(ReviewState.APPROVED.next()).containsExactly(ReviewState.SUBMITTED);
    assertThat(ReviewState.SUBMITTED.next())
        .containsExactlyInAnyOrder(ReviewState.CONFIRMED, ReviewState.SUBMISSION_FAILED);
    assertThat(ReviewState.SUBMISSION_FAILED.next())
        .containsExactlyInAnyOrder(ReviewState.SUBMITTED, ReviewState.APPROVED);
    assertThat(ReviewState.CONFIRMED.isTerminal()).isTrue();
    assertThat(ReviewState.REJECTED.isTerminal()).isTrue();
  }

  @Test
  void everyMoveOutsideTheTable_isRefusedNamingBothStates() {
    int refused = 0;
    for (ReviewState from : ReviewState.values()) {
      for (ReviewState to : EnumSet.complementOf(EnumSet.copyOf(from.next().isEmpty()
          ? EnumSet.noneOf(ReviewState.class) : from.next()))) {
        assertThat(from.canMoveTo(to)).isFalse();
        assertThatThrownBy(() -> from.checkMoveTo(to))
            .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
              assertThat(e.from()).isEqualTo(from.name());
              assertThat(e.to()).isEqualTo(to.name());
            })
            .hasMessage("Illegal transition: a draft in state " + from + " cannot move to " + to + ".");
        refused++;
      }
    }
    assertThat(refused).isEqualTo(7 * 7 - 11);
  }

  @Test
  void approvedToRejected_isRefused() {
    assertThat(ReviewState.APPROVED.canMoveTo(ReviewState.REJECTED)).isFalse();
  }
}
