package dev.flowgate.billing.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AlertRecipientsTest {

  @Test
  void an_address_given_twice_in_any_case_is_pending_once_and_the_first_spelling_is_kept() {
    AlertRecipients recipients = new AlertRecipients(List.of("Team@Flowgate.test", " "), false);
    recipients.addContacts(List.of("owner@tenant.test", "team@flowgate.test", "OWNER@tenant.test"));

    assertThat(recipients.pending()).containsExactly("Team@Flowgate.test", "owner@tenant.test");
  }

  @Test
  void a_mailed_address_is_not_pending_again_and_contacts_added_later_still_are() {
    AlertRecipients recipients = new AlertRecipients(List.of("team@flowgate.test"), false);
    assertThat(recipients.contactsKnown()).isFalse();
    assertThat(recipients.mailedNone()).isTrue();

    recipients.mailed("team@flowgate.test");
    recipients.addContacts(List.of("TEAM@flowgate.test", "owner@tenant.test"));

    assertThat(recipients.contactsKnown()).isTrue();
    assertThat(recipients.mailedNone()).isFalse();
    assertThat(recipients.pending()).containsExactly("owner@tenant.test");
  }

  @Test
  void switched_off_there_are_no_contacts_to_look_up() {
    assertThat(new AlertRecipients(List.of(), true).contactsKnown()).isTrue();
  }
}
