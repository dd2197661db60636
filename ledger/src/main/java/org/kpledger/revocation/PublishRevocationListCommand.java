package org.kpledger.revocation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An organisation publishes its latest CRL (base64 DER). The api checks the CRL's signature by the
 * organisation's CA and fills in {@code organisationId} and {@code crlNumber} from it.
 */
public record PublishRevocationListCommand(
    @TargetAggregateIdentifier String organisationId,
    Long crlNumber,
    @NotBlank @Size(max = 1_000_000) String crl) {}
