package dev.flowgate.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A port that refuses connections until {@link #open()}, then forwards them to a real service:
 * lets a test start a client against a service that is "down" and bring it up later.
 */
public final class TcpGate implements AutoCloseable {

  private final int port;
  private final String targetHost;
  private final int targetPort;
  private volatile ServerSocket server;

  public TcpGate(String targetHost, int targetPort) {
    this.port = GatewayInstance.freePort();
    this.targetHost = targetHost;
    this.targetPort = targetPort;
  }

  public int port() {
    return port;
  }

  public void open() throws IOException {
    ServerSocket socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    server = socket;
    Thread.ofVirtual().start(() -> {
      while (!socket.isClosed()) {
        try {
          Socket client = socket.accept();
          Socket target = new Socket(targetHost, targetPort);
          Thread.ofVirtual().start(() -> pipe(client, target));
          Thread.ofVirtual().start(() -> pipe(target, client));
        } catch (IOException e) {
          return;
        }
      }
    });
  }

  private static void pipe(Socket from, Socket to) {
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException ignored) {
      // either side closed
    } finally {
      try {
        from.close();
        to.close();
      } catch (IOException ignored) {
        // already closed
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (server != null) {
      server.close();
    }
  }
}
