package org.kpledger.audit.fabric;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigPolicy;
import org.hyperledger.fabric.protos.common.ImplicitMetaPolicy;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.Policy;
import org.hyperledger.fabric.protos.common.SignaturePolicy;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;

/**
 * A channel policy read from a configuration group, evaluated over the identities that validly
 * signed, as Fabric evaluates it: a {@code SIGNATURE} policy ({@code SignaturePolicyEnvelope}) as
 * {@code common/cauthdsl} does, each {@code signed_by} taking the first signer not yet used that
 * satisfies its MSP principal and an {@code n_out_of} counting the rules that hold, each signer
 * used at most once; an {@code IMPLICIT_META} policy as {@code common/policies/implicitmeta} does,
 * counting the sub-groups whose policy of that name holds (ANY: one, ALL: all, MAJORITY: more than
 * half). Principals are MSP roles ({@code MSPRole}: MEMBER, ADMIN, CLIENT, PEER, ORDERER); another
 * principal kind, or another policy type, is never satisfied here and says so in its description.
 * Immutable.
 */
final class EndorsementPolicy {

  /** The channel's policy that endorsements must satisfy, {@code /Channel/Application/<this>}. */
  static final String ENDORSEMENT = "Endorsement";

  /**
   * An identity that validly signed.
   *
   * @param mspId its MSP
   * @param roles the MSP roles it holds: {@code MEMBER}, and those its NodeOU gives
   */
  record Signer(String mspId, Set<MSPRole.MSPRoleType> roles) {}

  /** One node of the policy tree. */
  private interface Node {
    /** Whether the signers not yet {@code used} satisfy it; marks those it takes. */
    boolean satisfiedBy(List<Signer> signers, boolean[] used);

    /** In Fabric's policy language. */
    String text();
  }

  private final Node root;

  private EndorsementPolicy(Node root) {
    this.root = root;
  }

  /**
   * Reads a policy of a configuration group ({@code /Channel/Application} and the name {@value
   * #ENDORSEMENT} for the channel's endorsement policy).
   *
   * @param group the group
   * @param path the group's path, for messages ({@code /Channel/Application})
   * @param name the policy's name in the group
   * @return the policy; one that is never satisfied if the group has none of that name or it cannot
   *     be read
   */
  static EndorsementPolicy of(ConfigGroup group, String path, String name) {
    return new EndorsementPolicy(node(group, name, path + "/" + name));
  }

  /**
   * Whether the signers satisfy the policy.
   *
   * @param signers the identities whose signatures hold, each once
   * @return whether it is satisfied
   */
  boolean satisfiedBy(List<Signer> signers) {
    return root.satisfiedBy(signers, new boolean[signers.size()]);
  }

  /** The policy in Fabric's policy language. */
  @Override
  public String toString() {
    return root.text();
  }

  private static Node node(ConfigGroup group, String name, String path) {
    ConfigPolicy configured = group == null ? null : group.getPoliciesMap().get(name);
    if (configured == null) {
      return never("no policy " + path);
    }
    Policy policy = configured.getPolicy();
    try {
      return switch (policy.getType()) {
        case Policy.PolicyType.SIGNATURE_VALUE -> {
          SignaturePolicyEnvelope envelope = SignaturePolicyEnvelope.parseFrom(policy.getValue());
          yield signature(envelope.getRule(), envelope.getIdentitiesList());
        }
        case Policy.PolicyType.IMPLICIT_META_VALUE ->
            implicitMeta(group, ImplicitMetaPolicy.parseFrom(policy.getValue()), path);
        default -> never("policy " + path + " of type " + policy.getType() + ", not supported");
      };
    } catch (InvalidProtocolBufferException e) {
      return never("policy " + path + " cannot be read: " + e.getMessage());
    }
  }

  private static Node implicitMeta(ConfigGroup group, ImplicitMetaPolicy meta, String path) {
    Map<String, ConfigGroup> sorted = new TreeMap<>(group.getGroupsMap());
    List<Node> subPolicies = new ArrayList<>();
    String parent = path.substring(0, path.lastIndexOf('/'));
    for (Map.Entry<String, ConfigGroup> sub : sorted.entrySet()) {
      subPolicies.add(
          node(
              sub.getValue(),
              meta.getSubPolicy(),
              parent + "/" + sub.getKey() + "/" + meta.getSubPolicy()));
    }
    int threshold =
        switch (meta.getRule()) {
          case ANY -> 1;
          case ALL -> subPolicies.size();
          case MAJORITY -> subPolicies.size() / 2 + 1;
          default -> Integer.MAX_VALUE;
        };
    String text =
        meta.getRule()
            + " "
            + meta.getSubPolicy()
            + " "
            + subPolicies.stream().map(Node::text).collect(Collectors.joining(", ", "[", "]"));
    return new Node() {
      @Override
      public boolean satisfiedBy(List<Signer> signers, boolean[] used) {
        // implicitmeta evaluates each sub-policy on the whole signature set
        int held = 0;
        for (Node sub : subPolicies) {
          if (sub.satisfiedBy(signers, new boolean[signers.size()])) {
            held++;
          }
        }
        return held >= threshold;
      }

      @Override
      public String text() {
        return text;
      }
    };
  }

  private static Node signature(SignaturePolicy rule, List<MSPPrincipal> identities) {
    return switch (rule.getTypeCase()) {
      case SIGNED_BY -> signedBy(rule.getSignedBy(), identities);
      case N_OUT_OF -> {
        List<Node> rules = new ArrayList<>();
        rule.getNOutOf().getRulesList().forEach(r -> rules.add(signature(r, identities)));
        yield outOf(rule.getNOutOf().getN(), rules);
      }
      default -> never("an empty signature rule");
    };
  }

  private static Node outOf(int n, List<Node> rules) {
    String text = rules.stream().map(Node::text).collect(Collectors.joining(", "));
    return new Node() {
      @Override
      public boolean satisfiedBy(List<Signer> signers, boolean[] used) {
        // as cauthdsl: a rule that holds keeps the signers it took; one that fails frees them
        int verified = 0;
        boolean[] trial = new boolean[used.length];
        for (Node rule : rules) {
          System.arraycopy(used, 0, trial, 0, used.length);
          if (rule.satisfiedBy(signers, trial)) {
            verified++;
            System.arraycopy(trial, 0, used, 0, used.length);
          }
        }
        return verified >= n;
      }

      @Override
      public String text() {
        return "OutOf(" + n + ", " + text + ")";
      }
    };
  }

  private static Node signedBy(int index, List<MSPPrincipal> identities) {
    if (index < 0 || index >= identities.size()) {
      return never("signed_by " + index + " names no principal");
    }
    MSPPrincipal principal = identities.get(index);
    if (principal.getPrincipalClassification() != MSPPrincipal.Classification.ROLE) {
      return never("a " + principal.getPrincipalClassification() + " principal, not supported");
    }
    MSPRole role;
    try {
      role = MSPRole.parseFrom(principal.getPrincipal());
    } catch (InvalidProtocolBufferException e) {
      return never("a role principal that cannot be read");
    }
    String text = "'" + role.getMspIdentifier() + "." + role.getRole().name().toLowerCase() + "'";
    return new Node() {
      @Override
      public boolean satisfiedBy(List<Signer> signers, boolean[] used) {
        for (int i = 0; i < signers.size(); i++) {
          Signer s = signers.get(i);
          if (!used[i]
              && s.mspId().equals(role.getMspIdentifier())
              && s.roles().contains(role.getRole())) {
            used[i] = true;
            return true;
          }
        }
        return false;
      }

      @Override
      public String text() {
        return text;
      }
    };
  }

  private static Node never(String why) {
    return new Node() {
      @Override
      public boolean satisfiedBy(List<Signer> signers, boolean[] used) {
        return false;
      }

      @Override
      public String text() {
        return "<" + why + ">";
      }
    };
  }
}
