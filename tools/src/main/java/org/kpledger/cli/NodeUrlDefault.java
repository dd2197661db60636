package org.kpledger.cli;

import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The default of every {@code --url}: the environment variable {@code KP_URL} when it is set, so a
 * user who runs a node elsewhere says so once; otherwise the option's own default.
 */
final class NodeUrlDefault implements IDefaultValueProvider {
  static final String VARIABLE = "KP_URL";

  private final Map<String, String> environment;

  NodeUrlDefault(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Override
  public String defaultValue(ArgSpec argument) {
    if (argument instanceof OptionSpec option && option.longestName().equals("--url")) {
      String url = environment.get(VARIABLE);
      return url == null || url.isBlank() ? null : url.strip();
    }
    return null;
  }
}
