package org.kpledger.api.tls;

import org.kpledger.api.config.LedgerProperties;
import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Registers the SSL bundle {@value NodeTls#BUNDLE} when the server is told to serve it ({@code
 * server.ssl.bundle}, set by the profiles {@code tls} and {@code mtls}); otherwise the node makes
 * no TLS material and needs none.
 */
@Configuration
class TlsConfiguration {
  @Bean
  SslBundleRegistrar nodeTlsBundle(LedgerProperties props, Environment env) {
    return registry -> {
      if (NodeTls.BUNDLE.equals(env.getProperty("server.ssl.bundle"))) {
        registry.registerBundle(NodeTls.BUNDLE, NodeTls.bundle(props.dataDir(), props.trustDir()));
      }
    };
  }
}
