package dev.flowgate.billing.alerts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who one alert mail goes to, across its attempts: the configured addresses, then the tenant's
 * contacts once the portal named them. Addresses are compared without case, so one person listed
 * both ways (or as owner and in the configured list) is mailed once.
 */
final class AlertRecipients {

  /** lower-cased address → address as given; true once mailed */
  private final Map<String, String> addresses = new LinkedHashMap<>();
  private final Map<String, Boolean> mailed = new LinkedHashMap<>();
  private boolean contactsKnown;

  /** @param withoutContacts true when tenant recipients are switched off (nothing to look up) */
  AlertRecipients(List<String> configured, boolean withoutContacts) {
    configured.forEach(this::add);
    this.contactsKnown = withoutContacts;
  }

  boolean contactsKnown() {
    return contactsKnown;
  }

  void addContacts(List<String> emails) {
    emails.forEach(this::add);
    contactsKnown = true;
  }

  private void add(String address) {
    String stripped = address.strip();
    String key = stripped.toLowerCase(Locale.ROOT);
    if (!stripped.isEmpty() && addresses.putIfAbsent(key, stripped) == null) {
      mailed.put(key, false);
    }
  }

  /** The addresses not mailed yet, in the order they were added. */
  List<String> pending() {
    return addresses.entrySet().stream().filter(e -> !mailed.get(e.getKey())).map(Map.Entry::getValue).toList();
  }

  void mailed(String address) {
    mailed.put(address.strip().toLowerCase(Locale.ROOT), true);
  }

  boolean mailedNone() {
    return !mailed.containsValue(true);
  }
}
