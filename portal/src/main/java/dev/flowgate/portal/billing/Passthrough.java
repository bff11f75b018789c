package dev.flowgate.portal.billing;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Hands a streamed answer of billing on to the portal's caller chunk by chunk: each chunk is
 * flushed as it arrives, so a large export reaches the caller while billing is still writing it,
 * and the portal never holds more than one buffer of it.
 */
public final class Passthrough {

  private static final int CHUNK = 8192;

  private Passthrough() {}

  /** Sets the caller's headers from billing's (type, length, row count), then copies the body as an attachment. */
  public static void toResponse(HttpHeaders billing, InputStream body, HttpServletResponse response, String contentType,
      String fileName) throws IOException {
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(contentType);
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString());
    if (billing.getContentLength() >= 0) {
      response.setContentLengthLong(billing.getContentLength());
    }
    String rows = billing.getFirst("X-Total-Rows");
    if (rows != null) {
      response.setHeader("X-Total-Rows", rows);
    }
    copy(body, response.getOutputStream());
  }

  /** Copies and flushes chunk by chunk; returns the bytes copied. */
  public static long copy(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[CHUNK];
    long total = 0;
    for (int read; (read = in.read(buffer)) >= 0; ) {
      out.write(buffer, 0, read);
      out.flush();
      total += read;
    }
    return total;
  }
}
