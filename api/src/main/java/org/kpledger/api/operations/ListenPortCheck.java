package org.kpledger.api.operations;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Refuses to start a node whose HTTP port is taken before any part of it starts (issue #17): the
 * web server binds its port last, after Axon's processors, the database and the projections have
 * started, so a port clash used to surface as Axon's and Hibernate's stack traces while they were
 * stopped again, ending in "Failed to start bean 'webServerStartStop'". Checked once the settings
 * are known ({@code server.port}, {@code server.address}, from every source), by binding the port
 * as the web server would and letting it go; a port that cannot be bound and answers a connection
 * is Spring Boot's {@link PortInUseException}, which its failure analysis reports in a few plain
 * lines. A port taken in the moment between this check and the web server's start still fails as
 * before. Registered in {@code META-INF/spring.factories}, since it runs before the application
 * context exists.
 */
public class ListenPortCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {
  private static final int CONNECT_TIMEOUT_MS = 2000;

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    Environment settings = event.getEnvironment();
    int port;
    try {
      port = settings.getProperty("server.port", Integer.class, 8080);
    } catch (RuntimeException e) {
      return; // not a number: Spring Boot's binding of server.port reports it, as it always did
    }
    if (port <= 0) {
      return; // a port the system chooses is never taken
    }
    InetSocketAddress where;
    try {
      String address = settings.getProperty("server.address");
      where =
          address == null || address.isBlank()
              ? new InetSocketAddress(port)
              : new InetSocketAddress(InetAddress.getByName(address), port);
    } catch (IOException e) {
      return; // an address that does not resolve: the web server reports it as it always did
    }
    if (!bindable(where) && listening(where)) {
      throw new PortInUseException(port);
    }
  }

  private static boolean bindable(InetSocketAddress where) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true); // as the web server binds: a closed connection's port is free
      probe.bind(where);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Whether something answers on the port: a bind refused for another reason (a privileged port, an
   * address of no interface here) is left to the web server to report.
   */
  private static boolean listening(InetSocketAddress where) {
    InetAddress host =
        where.getAddress().isAnyLocalAddress()
            ? InetAddress.getLoopbackAddress()
            : where.getAddress();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, where.getPort()), CONNECT_TIMEOUT_MS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
