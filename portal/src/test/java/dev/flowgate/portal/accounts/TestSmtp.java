package dev.flowgate.portal.accounts;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.flowgate.portal.base.mail.PortalMailProperties;
import dev.flowgate.portal.base.mail.PortalMailer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server in the test JVM (GreenMail, loopback, a free port) and mailers pointed at it or at nothing. */
final class TestSmtp implements AutoCloseable {

  final GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  TestSmtp() {
    server.start();
  }

  PortalMailer mailer() {
    return mailerAt(server.getSmtp().getPort());
  }

  /** Configured, but nothing listens on its port: every send fails. */
  static PortalMailer unreachable() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return mailerAt(port);
  }

  static PortalMailer none() {
    return new PortalMailer(new PortalMailProperties(null, 25, null, null, false, "portal@flowgate.test", Duration.ofSeconds(2)));
  }

  private static PortalMailer mailerAt(int port) {
    return new PortalMailer(new PortalMailProperties("127.0.0.1", port, null, null, false, "portal@flowgate.test",
        Duration.ofSeconds(2)));
  }

  MimeMessage[] received() {
    return server.getReceivedMessages();
  }

  static String body(MimeMessage message) {
    return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
  }

  /** The first link to the portal path in the mail, e.g. {@code /reset-password/}. */
  static String link(MimeMessage message, String path) {
    Matcher matcher = Pattern.compile("https?://\\S+" + Pattern.quote(path) + "[0-9a-f]+").matcher(body(message));
    if (!matcher.find()) {
      throw new AssertionError("no " + path + " link in: " + body(message));
    }
    return matcher.group();
  }

  @Override
  public void close() {
    server.stop();
  }
}
