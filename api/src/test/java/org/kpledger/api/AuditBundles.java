package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Enumeration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.kpledger.anchoring.checkpoint.CheckpointVerifier;
import org.kpledger.anchoring.checkpoint.SignedTreeHead;
import org.kpledger.api.access.SignedRequest;
import org.kpledger.audit.AuditReport;
import org.kpledger.audit.BundleVerifier;
import org.kpledger.identity.TrustAnchors;

/** A node's audit endpoints as an auditor uses them: export, verify, and edit a bundle by hand. */
final class AuditBundles {
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final Path trustDir;
  private final Path dir;

  private final TestPki.TestActor signer;

  /** An auditor's view of the node at {@code port}, exporting as {@code signer}. */
  AuditBundles(int port, Path trustDir, TestPki.TestActor signer) throws IOException {
    this.signer = signer;
    this.base = "http://localhost:" + port;
    this.trustDir = trustDir;
    this.dir = Files.createTempDirectory("kp-audit-bundles");
  }

  String get(String path) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return r.body();
  }

  String verifierKey() throws Exception {
    return get("/api/log/verifier-key");
  }

  /** Waits until a signed head covers {@code size} leaves; returns its checkpoint. */
  String awaitCheckpoint(long size) throws Exception {
    CheckpointVerifier verifier = CheckpointVerifier.fromVerifierKey(verifierKey());
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/log/checkpoint")).build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) {
        SignedTreeHead head = verifier.verify(r.body());
        if (head.size() >= size) {
          return r.body();
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no signed head covered " + size + " leaves within 60 s");
  }

  /** Downloads a bundle; {@code query} as in {@code from=..&to=..} or {@code shipmentId=..}. */
  Path export(String query) throws Exception {
    Path file = Files.createTempFile(dir, "bundle", ".zip");
    String target = "/api/audit/bundle?" + query;
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + target));
    SignedRequest.headers("GET", target, Instant.now(), signer.certificate(), signer.key())
        .forEach(request::header);
    HttpResponse<Path> r = http.send(request.build(), HttpResponse.BodyHandlers.ofFile(file));
    if (r.statusCode() != 200) {
      throw new AssertionError(
          "export " + query + ": " + r.statusCode() + " " + Files.readString(file));
    }
    assertThat(r.headers().firstValue("Content-Type")).contains("application/zip");
    return file;
  }

  /** Verifies with the pinned log key and trust directory, as an auditor should. */
  AuditReport verify(Path bundle) throws Exception {
    return verify(bundle, Optional.empty());
  }

  AuditReport verify(Path bundle, Optional<String> previousCheckpoint) throws Exception {
    AuditReport report =
        new BundleVerifier(
                new BundleVerifier.Options(
                    Optional.of(verifierKey()),
                    Optional.of(TrustAnchors.loadDirectory(trustDir)),
                    previousCheckpoint,
                    false,
                    2))
            .verify(bundle);
    System.out.print(report.format());
    return report;
  }

  /** A copy of the bundle with one file's text rewritten. */
  Path edit(Path bundle, String entry, UnaryOperator<String> change) throws IOException {
    Path copy = Files.createTempFile(dir, "edited", ".zip");
    try (ZipFile in = new ZipFile(bundle.toFile());
        OutputStream file = Files.newOutputStream(copy);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
        ZipEntry z = e.nextElement();
        byte[] bytes;
        try (InputStream s = in.getInputStream(z)) {
          bytes = s.readAllBytes();
        }
        if (z.getName().equals(entry)) {
          bytes =
              change
                  .apply(new String(bytes, StandardCharsets.UTF_8))
                  .getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(z.getName()));
        out.write(bytes);
        out.closeEntry();
      }
    }
    return copy;
  }
}
