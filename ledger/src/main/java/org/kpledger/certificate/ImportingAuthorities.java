package org.kpledger.certificate;

import java.util.Optional;
import java.util.function.Supplier;
import org.kpledger.identity.TrustAnchors;

/**
 * The country each enrolled organisation is bound to: the {@code C} of its organisation CA's
 * subject, fixed when the CA was made and enrolled (the same CA is the organisation's MSP root on
 * the Fabric channel, whose certificate registry applies the same binding). An importing authority
 * confirms receipt only of certificates destined for its own country (Core Document Section III(b):
 * the importing Participant confirms); the ledger reads the country from the trust root, never from
 * anything an actor signs.
 */
@FunctionalInterface
public interface ImportingAuthorities {

  /**
   * The country an organisation is bound to.
   *
   * @param organisationId the organisation id (its CA's O)
   * @return the ISO 3166-1 alpha-2 code, empty if the organisation is unknown or its CA names none
   */
  Optional<String> countryOf(String organisationId);

  /**
   * Reads the countries from trust anchors, asking {@code anchors} each time so an organisation
   * enrolled later is known at once.
   *
   * @param anchors the current organisation CAs
   * @return the binding
   */
  static ImportingAuthorities of(Supplier<TrustAnchors> anchors) {
    return organisationId ->
        anchors.get().forOrganisation(organisationId).flatMap(TrustAnchors.Anchor::country);
  }
}
