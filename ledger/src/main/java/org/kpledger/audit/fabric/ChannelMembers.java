package org.kpledger.audit.fabric;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.hyperledger.fabric.protos.common.MSPRole.MSPRoleType;
import org.hyperledger.fabric.protos.msp.FabricNodeOUs;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.kpledger.audit.Finding;
import org.kpledger.audit.Rule;
import org.kpledger.audit.fabric.ChannelConfig.Kind;
import org.kpledger.audit.fabric.ChannelConfig.Msp;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.TrustAnchors;

/**
 * The channel's organisations that the auditor trusts: each MSP of a configuration block whose root
 * CAs are pinned organisation CAs (an ordering organisation's as {@code ORDERING_SERVICE}, a peer
 * organisation's as any other kind), and the identities they vouch for, checked as a Fabric MSP
 * does: the certificate chains to the MSP's CAs (RFC 5280 path validation at a given time), is no
 * CA, is not on the MSP's revocation lists, and carries the NodeOU of its role; and the MSP roles
 * it holds, which a channel policy's principals name.
 */
final class ChannelMembers {

  /** What an identity must be. */
  enum Role {
    /** Any member of a peer organisation (the creator of a transaction). */
    MEMBER,
    /** A peer of a peer organisation (an endorser). */
    PEER,
    /** An orderer of the ordering organisation (a block signer). */
    ORDERER
  }

  /**
   * An authenticated identity.
   *
   * @param mspId its MSP
   * @param organisationId the organisation of the pinned CA its MSP is rooted at
   * @param organisationType that CA's organisation type
   * @param certificate its certificate
   * @param roles the MSP roles it holds, as a policy principal names them: {@code MEMBER}, and
   *     {@code CLIENT}, {@code PEER}, {@code ADMIN} or {@code ORDERER} by its NodeOU
   */
  record Member(
      String mspId,
      String organisationId,
      OrganisationType organisationType,
      X509Certificate certificate,
      Set<MSPRoleType> roles) {

    /** As a signer of a policy. */
    EndorsementPolicy.Signer signer() {
      return new EndorsementPolicy.Signer(mspId, roles);
    }
  }

  private final Map<String, Msp> trusted = new LinkedHashMap<>();
  private final Map<String, TrustAnchors.Anchor> organisations = new LinkedHashMap<>();
  private final List<Finding> findings = new ArrayList<>();

  /**
   * Keeps the MSPs of a configuration whose CAs are pinned; reports the others.
   *
   * @param config the configuration
   * @param pinned the auditor's organisation CAs; empty to take the configuration's own
   */
  ChannelMembers(ChannelConfig config, Optional<TrustAnchors> pinned) {
    for (Msp msp : config.msps()) {
      String problem = null;
      TrustAnchors.Anchor organisation = null;
      for (X509Certificate root : msp.roots()) {
        TrustAnchors.Anchor anchor;
        try {
          anchor = TrustAnchors.of(List.of(root)).anchors().get(0);
        } catch (IllegalArgumentException e) {
          problem = "its root CA is not an organisation CA: " + e.getMessage();
          break;
        }
        boolean isPinned = pinned.isEmpty() || pinned.get().contains(anchor.organisationId(), root);
        boolean ordering = anchor.type() == OrganisationType.ORDERING_SERVICE;
        if (!isPinned) {
          problem = "its root CA (organisation " + anchor.organisationId() + ") is not pinned";
        } else if (ordering != (msp.kind() == Kind.ORDERER)) {
          problem =
              "its root CA is an "
                  + anchor.type()
                  + " CA, but the channel lists it as an "
                  + msp.kind()
                  + " organisation";
        }
        organisation = anchor;
      }
      if (msp.roots().isEmpty()) {
        problem = "it has no root CA";
      }
      if (problem != null) {
        findings.add(new Finding(Rule.CHANNEL_CA_NOT_PINNED, "msp:" + msp.mspId(), problem));
      } else {
        trusted.put(msp.mspId(), msp);
        organisations.put(msp.mspId(), organisation);
      }
    }
  }

  /** The pinning findings. */
  List<Finding> findings() {
    return List.copyOf(findings);
  }

  /**
   * Checks a serialized identity ({@code msp.SerializedIdentity}) as a Fabric MSP would.
   *
   * @param serialized the identity bytes as a transaction or block carries them
   * @param role what it must be
   * @param at when it acted
   * @return the member
   * @throws EvidenceException with {@code untrusted} as rule, saying why
   */
  Member authenticate(byte[] serialized, Role role, Instant at, Rule untrusted)
      throws EvidenceException {
    SerializedIdentity identity;
    X509Certificate cert;
    try {
      identity = SerializedIdentity.parseFrom(serialized);
      cert =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(
                      new ByteArrayInputStream(identity.getIdBytes().toByteArray()));
    } catch (Exception e) {
      throw new EvidenceException(untrusted, "not a serialized X.509 identity: " + e.getMessage());
    }
    String who = identity.getMspid() + " '" + cert.getSubjectX500Principal().getName() + "'";
    Msp msp = trusted.get(identity.getMspid());
    Kind kind = role == Role.ORDERER ? Kind.ORDERER : Kind.APPLICATION;
    if (msp == null || msp.kind() != kind) {
      throw new EvidenceException(
          untrusted, who + ": " + identity.getMspid() + " is no trusted " + kind + " organisation");
    }
    String problem = chainProblem(msp, cert, at);
    if (problem == null) {
      problem = roleProblem(msp, cert, role);
    }
    if (problem != null) {
      throw new EvidenceException(untrusted, who + " " + problem);
    }
    TrustAnchors.Anchor organisation = organisations.get(msp.mspId());
    return new Member(
        msp.mspId(), organisation.organisationId(), organisation.type(), cert, roles(msp, cert));
  }

  /**
   * The roles an identity of the MSP holds: every valid identity is a {@code MEMBER}; with NodeOUs
   * enabled its OU makes it a client, peer, admin or orderer (Fabric's {@code
   * satisfiesPrincipalInternalV142}). Admin certificates listed in the MSP are not used here: the
   * network's MSPs name their admins by NodeOU.
   */
  private static Set<MSPRoleType> roles(Msp msp, X509Certificate cert) {
    Set<MSPRoleType> roles = EnumSet.of(MSPRoleType.MEMBER);
    if (msp.nodeOus().isEmpty()) {
      return roles;
    }
    FabricNodeOUs ous = msp.nodeOus().get();
    Set<String> held = units(cert);
    Map<MSPRoleType, String> wanted =
        Map.of(
            MSPRoleType.CLIENT, ous.getClientOuIdentifier().getOrganizationalUnitIdentifier(),
            MSPRoleType.PEER, ous.getPeerOuIdentifier().getOrganizationalUnitIdentifier(),
            MSPRoleType.ADMIN, ous.getAdminOuIdentifier().getOrganizationalUnitIdentifier(),
            MSPRoleType.ORDERER, ous.getOrdererOuIdentifier().getOrganizationalUnitIdentifier());
    wanted.forEach(
        (role, unit) -> {
          if (!unit.isEmpty() && held.contains(unit)) {
            roles.add(role);
          }
        });
    return Set.copyOf(roles);
  }

  private static Set<String> units(X509Certificate cert) {
    Set<String> held = new HashSet<>();
    Arrays.stream(
            X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.OU))
        .forEach(rdn -> held.add(IETFUtils.valueToString(rdn.getFirst().getValue())));
    return held;
  }

  private static String chainProblem(Msp msp, X509Certificate cert, Instant at) {
    if (cert.getBasicConstraints() >= 0) {
      return "is a CA certificate";
    }
    Set<TrustAnchor> anchors = new HashSet<>();
    msp.roots().forEach(r -> anchors.add(new TrustAnchor(r, null)));
    String failure = "does not chain to its MSP's CA";
    List<List<X509Certificate>> paths = new ArrayList<>();
    paths.add(List.of(cert));
    msp.intermediates().forEach(i -> paths.add(List.of(cert, i)));
    for (List<X509Certificate> path : paths) {
      try {
        PKIXParameters parameters = new PKIXParameters(anchors);
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(at));
        PKIXCertPathValidatorResult result =
            (PKIXCertPathValidatorResult)
                CertPathValidator.getInstance("PKIX")
                    .validate(
                        CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
        // PKIX takes a trust anchor's dates on trust; an expired root vouches for no one
        result.getTrustAnchor().getTrustedCert().checkValidity(Date.from(at));
        return revoked(msp, path) ? "is revoked by its MSP's revocation list" : null;
      } catch (GeneralSecurityException e) {
        failure = "does not chain to its MSP's CA at " + at + ": " + e.getMessage();
      }
    }
    return failure;
  }

  private static boolean revoked(Msp msp, List<X509Certificate> path) {
    for (X509CRL crl : msp.crls()) {
      for (X509Certificate cert : path) {
        if (crl.getIssuerX500Principal().equals(cert.getIssuerX500Principal())
            && crl.isRevoked(cert)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String roleProblem(Msp msp, X509Certificate cert, Role role) {
    if (role == Role.MEMBER) {
      return null;
    }
    if (msp.nodeOus().isEmpty()) {
      return "cannot be a " + role + ": NodeOUs are not enabled in its MSP";
    }
    FabricNodeOUs ous = msp.nodeOus().get();
    String wanted =
        (role == Role.PEER ? ous.getPeerOuIdentifier() : ous.getOrdererOuIdentifier())
            .getOrganizationalUnitIdentifier();
    Set<String> held = units(cert);
    return held.contains(wanted) ? null : "is not a " + wanted + " (OU " + held + ")";
  }
}
