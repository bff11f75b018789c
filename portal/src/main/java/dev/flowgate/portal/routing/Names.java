package dev.flowgate.portal.routing;

import java.util.regex.Pattern;

/** The rule for names of services and routes. */
final class Names {

  static final String RULE = "must be 1-100 characters: letters, digits, spaces, '.', '_' or '-'";
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,99}");

  private Names() {}

  static boolean valid(String name) {
    return NAME.matcher(name.strip()).matches();
  }
}
