package org.kpledger.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;

/** The one shape of the signer on a message: four strings, written and read in one place. */
class ActorMetaDataTest {
  private static final Actor BUYER =
      new Actor("buyer.ndoma", "BAIE-MAMBERE", OrganisationType.BUYING_OFFICE, Role.BUYER);

  @Test
  void anActorTravelsAsTheFourStringsEveryStoredEventCarries() {
    assertThat(BUYER.toMetaData())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "actorId", "buyer.ndoma",
                "organisationId", "BAIE-MAMBERE",
                "organisationType", "BUYING_OFFICE",
                "role", "BUYER"));
    assertThat(BUYER.toMetaData().keySet())
        .containsExactlyInAnyOrderElementsOf(LedgerMetaData.ACTOR_KEYS);
  }

  @Test
  void theActorReadFromMetadataIsTheOneWritten() {
    MetaData onEvent = BUYER.toMetaData().and(LedgerMetaData.COMMAND_ID, "c-1");
    assertThat(Actor.isCarriedBy(onEvent)).isTrue();
    assertThat(Actor.from(onEvent)).isEqualTo(BUYER);
  }

  @Test
  void metadataLackingAnyActorKeyCarriesNoActorAndReadingOneIsRefusedNamingTheRule() {
    for (String key : LedgerMetaData.ACTOR_KEYS) {
      MetaData partial = BUYER.toMetaData().withoutKeys(Set.of(key));
      assertThat(Actor.isCarriedBy(partial)).as(key).isFalse();
      assertThatThrownBy(() -> Actor.from(partial))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("ACTOR_MISSING:");
    }
  }
}
