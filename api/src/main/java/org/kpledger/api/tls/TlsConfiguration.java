package org.kpledger.api.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.kpledger.api.settings.LedgerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Registers the SSL bundle {@value NodeTls#BUNDLE} when the server is told to serve it ({@code
 * server.ssl.bundle}, set by the profiles {@code tls} and {@code mtls}); otherwise the node makes
 * no TLS material and needs none. While it serves it, the trust directory is checked every few
 * seconds and the bundle updated when it changed, so the clients of an organisation enrolled
 * without a restart can connect, as its signed commands and reads are accepted at once.
 */
@Configuration
class TlsConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(TlsConfiguration.class);

  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService trustDirectoryFollower() {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, "tls-trust-follower");
          t.setDaemon(true);
          return t;
        });
  }

  @Bean
  SslBundleRegistrar nodeTlsBundle(
      LedgerProperties props, Environment env, ScheduledExecutorService trustDirectoryFollower) {
    return registry -> {
      if (NodeTls.BUNDLE.equals(env.getProperty("server.ssl.bundle"))) {
        registry.registerBundle(NodeTls.BUNDLE, NodeTls.bundle(props.dataDir(), props.trustDir()));
        follow(registry, props, trustDirectoryFollower);
      }
    };
  }

  private static void follow(
      SslBundleRegistry registry, LedgerProperties props, ScheduledExecutorService follower) {
    long[] seen = {stamp(props.trustDir())};
    follower.scheduleWithFixedDelay(
        () -> {
          long now = stamp(props.trustDir());
          if (now != seen[0]) {
            try {
              registry.updateBundle(
                  NodeTls.BUNDLE, NodeTls.bundle(props.dataDir(), props.trustDir()));
              seen[0] = now;
              LOG.info("TLS trust store reloaded from {}", props.trustDir());
            } catch (RuntimeException e) {
              LOG.warn("TLS trust store not reloaded from {}: {}", props.trustDir(), e.toString());
            }
          }
        },
        2,
        2,
        TimeUnit.SECONDS);
  }

  /** Names and modification times of the trust directory's files, summed. */
  private static long stamp(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .mapToLong(
              p -> {
                try {
                  return Files.getLastModifiedTime(p).toMillis() ^ p.getFileName().hashCode();
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    } catch (IOException e) {
      return 0;
    }
  }
}
