package org.kpledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.kpledger.audit.AuditBundle.Anchor;
import org.kpledger.audit.AuditBundle.CaCertificate;
import org.kpledger.audit.AuditBundle.ChannelConfigBlock;
import org.kpledger.audit.AuditBundle.Consistency;
import org.kpledger.audit.AuditBundle.FabricAnchor;
import org.kpledger.audit.AuditBundle.Head;
import org.kpledger.audit.AuditBundle.Inclusion;
import org.kpledger.audit.AuditBundle.Leaf;
import org.kpledger.audit.AuditBundle.LeafRange;
import org.kpledger.audit.AuditBundle.Manifest;
import org.kpledger.audit.AuditBundle.RevocationList;

/** The JSON form of every bundle record, both ways. Hashes and DER are standard base64. */
final class BundleCodec {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Base64.Encoder B64 = Base64.getEncoder();
  private static final Base64.Decoder UNB64 = Base64.getDecoder();

  private BundleCodec() {}

  interface Parser<T> {
    T parse(JsonNode line);
  }

  /** Reads the in-memory parts of a bundle, collecting problems instead of throwing. */
  static final class Reader {
    private final ZipFile zip;
    private final List<String> problems;

    Reader(ZipFile zip, List<String> problems) {
      this.zip = zip;
      this.problems = problems;
    }

    Manifest manifest() throws IOException {
      ZipEntry entry = zip.getEntry(AuditBundle.MANIFEST);
      if (entry == null) {
        problems.add(AuditBundle.MANIFEST + ": missing");
        return null;
      }
      try {
        return BundleCodec.manifest(JSON.readTree(zip.getInputStream(entry)));
      } catch (IOException | RuntimeException e) {
        problems.add(AuditBundle.MANIFEST + ": " + e.getMessage());
        return null;
      }
    }

    <T> List<T> lines(String name, boolean required, Parser<T> parser) throws IOException {
      List<T> out = new ArrayList<>();
      ZipEntry entry = zip.getEntry(name);
      if (entry == null) {
        if (required) {
          problems.add(name + ": missing");
        }
        return out;
      }
      List<String> text = new ArrayList<>();
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          text.add(line);
        }
      }
      List<Object> parsed =
          IntStream.range(0, text.size())
              .parallel()
              .mapToObj(i -> parse(name, i + 1, text.get(i), parser))
              .toList();
      for (Object p : parsed) {
        if (p instanceof String problem) {
          problems.add(problem);
        } else if (p != null) {
          @SuppressWarnings("unchecked")
          T record = (T) p;
          out.add(record);
        }
      }
      return out;
    }
  }

  /** The parsed record, {@code null} for a blank line, or a problem as a string. */
  private static Object parse(String name, int number, String line, Parser<?> parser) {
    if (line.isEmpty()) {
      return null;
    }
    try {
      return parser.parse(JSON.readTree(line));
    } catch (IOException | RuntimeException e) {
      return name + ":" + number + ": " + e.getMessage();
    }
  }

  static Manifest manifest(JsonNode m) {
    String format = text(m, "format");
    JsonNode range = m.path("leafRange");
    Optional<LeafRange> leafRange =
        range.isObject()
            ? Optional.of(
                new LeafRange(
                    number(range, "from"), number(range, "to"), hashes(range.path("prefix"))))
            : Optional.empty();
    List<String> expected = new ArrayList<>();
    JsonNode sinks = m.path("expectedAnchors");
    if (!sinks.isMissingNode() && !sinks.isArray()) {
      throw new IllegalArgumentException("member 'expectedAnchors' is not an array of sink names");
    }
    sinks.forEach(
        sink -> {
          if (!sink.isTextual()) {
            throw new IllegalArgumentException("member 'expectedAnchors' holds a non-string");
          }
          expected.add(sink.textValue());
        });
    return new Manifest(
        text(m, "origin"),
        text(m, "verifierKey"),
        Instant.parse(text(m, "createdAt")),
        m.path("scope"),
        number(m, "treeSize"),
        leafRange,
        expected,
        format);
  }

  static ObjectNode json(Manifest m) {
    ObjectNode o = JSON.createObjectNode();
    o.put("format", m.format());
    o.put("origin", m.origin());
    o.put("verifierKey", m.verifierKey());
    o.put("createdAt", m.createdAt().toString());
    o.set("scope", m.scope());
    o.put("treeSize", m.treeSize());
    m.leafRange()
        .ifPresent(
            r -> {
              ObjectNode range = o.putObject("leafRange");
              range.put("from", r.from());
              range.put("to", r.to());
              range.set("prefix", json(r.prefix()));
            });
    if (!m.expectedAnchors().isEmpty()) {
      ArrayNode sinks = o.putArray("expectedAnchors");
      m.expectedAnchors().forEach(sinks::add);
    }
    return o;
  }

  /** An {@value AuditBundle#ENVELOPES} line: the declared digest and the envelope text. */
  static ObjectNode envelope(String sha256, String envelope) {
    ObjectNode o = JSON.createObjectNode();
    o.put("envelopeSha256", sha256);
    o.put("envelope", envelope);
    return o;
  }

  /**
   * Reads an {@value AuditBundle#ENVELOPES} line.
   *
   * @return {@code [declared digest, envelope text]}
   */
  static String[] envelope(JsonNode line) {
    return new String[] {text(line, "envelopeSha256"), text(line, "envelope")};
  }

  static Head head(JsonNode h) {
    List<Anchor> anchors = new ArrayList<>();
    h.path("anchors")
        .forEach(
            a ->
                anchors.add(
                    new Anchor(
                        text(a, "sink"),
                        text(a, "reference"),
                        Instant.parse(text(a, "anchoredAt")))));
    return new Head(number(h, "treeSize"), text(h, "checkpoint"), anchors);
  }

  static ObjectNode json(Head h) {
    ObjectNode o = JSON.createObjectNode();
    o.put("treeSize", h.treeSize());
    o.put("checkpoint", h.checkpoint());
    ArrayNode anchors = o.putArray("anchors");
    for (Anchor a : h.anchors()) {
      anchors
          .addObject()
          .put("sink", a.sink())
          .put("reference", a.reference())
          .put("anchoredAt", a.anchoredAt().toString());
    }
    return o;
  }

  static Consistency consistency(JsonNode c) {
    return new Consistency(
        number(c, "fromSize"), number(c, "toSize"), hashes(required(c, "proof")));
  }

  static ObjectNode json(Consistency c) {
    ObjectNode o = JSON.createObjectNode();
    o.put("fromSize", c.fromSize());
    o.put("toSize", c.toSize());
    o.set("proof", json(c.proof()));
    return o;
  }

  static Leaf leaf(JsonNode l) {
    return new Leaf(
        number(l, "leafIndex"),
        text(l, "eventId"),
        UNB64.decode(text(l, "leafHash")),
        Instant.parse(text(l, "anchoredAt")));
  }

  static ObjectNode json(Leaf l) {
    ObjectNode o = JSON.createObjectNode();
    o.put("leafIndex", l.leafIndex());
    o.put("eventId", l.eventId());
    o.put("leafHash", B64.encodeToString(l.leafHash()));
    o.put("anchoredAt", l.anchoredAt().toString());
    return o;
  }

  static Inclusion inclusion(JsonNode i) {
    return new Inclusion(
        number(i, "leafIndex"), number(i, "treeSize"), hashes(required(i, "proof")));
  }

  static ObjectNode json(Inclusion i) {
    ObjectNode o = JSON.createObjectNode();
    o.put("leafIndex", i.leafIndex());
    o.put("treeSize", i.treeSize());
    o.set("proof", json(i.proof()));
    return o;
  }

  static CaCertificate caCertificate(JsonNode c) {
    return new CaCertificate(text(c, "organisationId"), UNB64.decode(text(c, "certificate")));
  }

  static ObjectNode json(CaCertificate c) {
    ObjectNode o = JSON.createObjectNode();
    o.put("organisationId", c.organisationId());
    o.put("certificate", B64.encodeToString(c.der()));
    return o;
  }

  static RevocationList revocationList(JsonNode r) {
    return new RevocationList(
        text(r, "organisationId"),
        number(r, "crlNumber"),
        text(r, "eventId"),
        UNB64.decode(text(r, "crl")));
  }

  static ObjectNode json(RevocationList r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("organisationId", r.organisationId());
    o.put("crlNumber", r.crlNumber());
    o.put("eventId", r.eventId());
    o.put("crl", B64.encodeToString(r.der()));
    return o;
  }

  static FabricAnchor fabricAnchor(JsonNode a) {
    return new FabricAnchor(
        text(a, "sink"),
        number(a, "treeSize"),
        text(a, "txId"),
        number(a, "blockNumber"),
        Instant.parse(text(a, "committedAt")),
        UNB64.decode(text(a, "block")));
  }

  static ObjectNode json(FabricAnchor a) {
    ObjectNode o = JSON.createObjectNode();
    o.put("sink", a.sink());
    o.put("treeSize", a.treeSize());
    o.put("txId", a.txId());
    o.put("blockNumber", a.blockNumber());
    o.put("committedAt", a.committedAt().toString());
    o.put("block", B64.encodeToString(a.block()));
    return o;
  }

  static ChannelConfigBlock channelConfig(JsonNode c) {
    return new ChannelConfigBlock(
        text(c, "channel"), number(c, "blockNumber"), UNB64.decode(text(c, "block")));
  }

  static ObjectNode json(ChannelConfigBlock c) {
    ObjectNode o = JSON.createObjectNode();
    o.put("channel", c.channel());
    o.put("blockNumber", c.blockNumber());
    o.put("block", B64.encodeToString(c.block()));
    return o;
  }

  private static ArrayNode json(List<byte[]> hashes) {
    ArrayNode a = JSON.createArrayNode();
    hashes.forEach(h -> a.add(B64.encodeToString(h)));
    return a;
  }

  private static List<byte[]> hashes(JsonNode array) {
    if (!array.isArray()) {
      throw new IllegalArgumentException("expected an array of base64 hashes");
    }
    List<byte[]> out = new ArrayList<>(array.size());
    array.forEach(h -> out.add(UNB64.decode(h.asText())));
    return out;
  }

  private static JsonNode required(JsonNode o, String name) {
    JsonNode v = o.get(name);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("member '" + name + "' is missing");
    }
    return v;
  }

  private static String text(JsonNode o, String name) {
    JsonNode v = required(o, name);
    if (!v.isTextual()) {
      throw new IllegalArgumentException("member '" + name + "' is not a string");
    }
    return v.textValue();
  }

  private static long number(JsonNode o, String name) {
    JsonNode v = required(o, name);
    if (!v.canConvertToLong() || !v.isIntegralNumber()) {
      throw new IllegalArgumentException("member '" + name + "' is not an integer");
    }
    return v.longValue();
  }
}
