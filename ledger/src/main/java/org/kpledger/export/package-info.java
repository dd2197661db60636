/**
 * The export of a certified shipment, which moves three aggregates at once: the shipment is
 * exported (the gate judged once more), its KP certificate is used, and each parcel leaves the
 * country. It has a package of its own because it depends on both {@code shipment} and {@code
 * certificate}, and a certificate already depends on the shipment it covers: putting it in either
 * would make the two packages depend on each other.
 */
package org.kpledger.export;
