package dev.flowgate.portal.tenants;

import java.text.Normalizer;
import java.util.Locale;

/** Turns an organisation name into a host-safe slug ({@code Acme GmbH & Co.} → {@code acme-gmbh-co}). */
public final class Slugs {

  static final int MAX_LENGTH = 40;

  private Slugs() {}

  public static String of(String name) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (slug.length() > MAX_LENGTH) {
      slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "org" : slug;
  }
}
