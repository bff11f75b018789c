package dev.flowgate.billing.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvoiceStatusTest {

  @Test
  void an_open_invoice_can_be_paid_fail_or_be_voided() {
    assertThat(InvoiceStatus.OPEN.mayBecome(InvoiceStatus.PAID)).isTrue();
    assertThat(InvoiceStatus.OPEN.mayBecome(InvoiceStatus.PAYMENT_FAILED)).isTrue();
    assertThat(InvoiceStatus.OPEN.mayBecome(InvoiceStatus.VOID)).isTrue();
    assertThat(InvoiceStatus.OPEN.mayBecome(InvoiceStatus.DRAFT)).isFalse();
  }

  @Test
  void paid_and_void_are_final_so_late_events_do_not_reopen_them() {
    for (InvoiceStatus next : InvoiceStatus.values()) {
      assertThat(InvoiceStatus.PAID.mayBecome(next)).isFalse();
      assertThat(InvoiceStatus.VOID.mayBecome(next)).isFalse();
    }
  }

  @Test
  void a_failed_payment_can_still_be_paid() {
    assertThat(InvoiceStatus.PAYMENT_FAILED.mayBecome(InvoiceStatus.PAID)).isTrue();
  }

  @Test
  void states_are_written_in_lower_case() {
    assertThat(InvoiceStatus.PAYMENT_FAILED.wire()).isEqualTo("payment_failed");
    assertThat(InvoiceStatus.fromWire("payment_failed")).isEqualTo(InvoiceStatus.PAYMENT_FAILED);
  }
}
