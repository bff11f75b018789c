package dev.flowgate.billing.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowgate.billing.invoices.InvoiceCalculator.Calculation;
import dev.flowgate.billing.invoices.LineItem.Kind;
import dev.flowgate.billing.plans.Plan;
import dev.flowgate.billing.plans.PlanSegment;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceCalculatorTest {

  static final Plan FREE = new Plan("free", "Free", "USD", 0, 10_000, 0, 10_000L);
  static final Plan STARTER = new Plan("starter", "Starter", "USD", 2_900, 100_000, 50, null);
  static final Plan GROWTH = new Plan("growth", "Growth", "USD", 19_900, 2_000_000, 20, null);

  @Test
  void a_month_within_the_included_calls_costs_the_base_price_only() {
    Calculation bill = InvoiceCalculator.calculate(STARTER, 99_999, List.of());

    assertThat(bill.lineItems()).containsExactly(
        new LineItem(Kind.BASE, "Starter plan, monthly base price", 1, 2_900, 2_900));
    assertThat(bill.subtotalMinor()).isEqualTo(2_900);
    assertThat(bill.totalMinor()).isEqualTo(2_900);
  }

  @Test
  void exactly_the_included_calls_have_no_overage() {
    assertThat(InvoiceCalculator.calculate(STARTER, 100_000, List.of()).lineItems())
        .extracting(LineItem::kind).containsExactly(Kind.BASE);
  }

  @ParameterizedTest(name = "{0} calls on starter → {1} started thousands, total {2}")
  @CsvSource({
    "100001, 1, 2950",
    "101000, 1, 2950",
    "101001, 2, 3000",
    "112345, 13, 3550",
    "1100000, 1000, 52900",
  })
  void overage_is_charged_per_started_thousand(long calls, long units, long total) {
    Calculation bill = InvoiceCalculator.calculate(STARTER, calls, List.of());

    LineItem overage = bill.lineItems().get(1);
    assertThat(overage.kind()).isEqualTo(Kind.OVERAGE);
    assertThat(overage.quantity()).isEqualTo(units);
    assertThat(overage.unitAmountMinor()).isEqualTo(50);
    assertThat(overage.amountMinor()).isEqualTo(units * 50);
    assertThat(bill.totalMinor()).isEqualTo(total);
  }

  @Test
  void the_overage_line_says_how_many_calls_were_over() {
    Calculation bill = InvoiceCalculator.calculate(GROWTH, 2_345_678, List.of());

    assertThat(bill.lineItems().get(1).description())
        .isEqualTo("345,678 calls over the 2,000,000 included, per started 1,000");
    assertThat(bill.lineItems().get(1).amountMinor()).isEqualTo(346 * 20);
    assertThat(bill.totalMinor()).isEqualTo(19_900 + 6_920);
  }

  @Test
  void a_free_month_is_a_zero_invoice_with_its_base_line() {
    Calculation bill = InvoiceCalculator.calculate(FREE, 0, List.of());

    assertThat(bill.lineItems()).singleElement().satisfies(line -> {
      assertThat(line.kind()).isEqualTo(Kind.BASE);
      assertThat(line.amountMinor()).isZero();
    });
    assertThat(bill.totalMinor()).isZero();
  }

  @Test
  void a_plan_without_an_overage_price_charges_nothing_above_its_included_calls() {
    assertThat(InvoiceCalculator.calculate(FREE, 50_000, List.of()).lineItems()).hasSize(1);
  }

  @Test
  void credits_reduce_the_total_but_not_the_subtotal() {
    Calculation bill = InvoiceCalculator.calculate(STARTER, 0, List.of(new Credit("Outage on 3 Nov", 900)));

    assertThat(bill.lineItems().getLast()).isEqualTo(new LineItem(Kind.CREDIT, "Outage on 3 Nov", 1, -900, -900));
    assertThat(bill.subtotalMinor()).isEqualTo(2_900);
    assertThat(bill.totalMinor()).isEqualTo(2_000);
  }

  @Test
  void credits_never_take_the_total_below_zero() {
    Calculation bill = InvoiceCalculator.calculate(STARTER, 0,
        List.of(new Credit("Goodwill", 2_000), new Credit("Migration", 5_000), new Credit("Spare", 100)));

    assertThat(bill.lineItems()).extracting(LineItem::amountMinor).containsExactly(2_900L, -2_000L, -900L);
    assertThat(bill.totalMinor()).isZero();
  }

  @Test
  void line_amounts_add_up_to_the_total() {
    Calculation bill = InvoiceCalculator.calculate(GROWTH, 9_999_999, List.of(new Credit("Loyalty", 1_234)));

    assertThat(bill.lineItems().stream().mapToLong(LineItem::amountMinor).sum()).isEqualTo(bill.totalMinor());
  }

  @Test
  void a_plan_change_mid_month_prorates_each_base_price_by_time_on_it() {
    Instant start = Instant.parse("2026-11-01T00:00:00Z");
    Instant change = Instant.parse("2026-11-11T00:00:00Z");
    Instant end = Instant.parse("2026-12-01T00:00:00Z");

    Calculation bill = InvoiceCalculator.calculate(
        List.of(new PlanSegment(STARTER, start, change), new PlanSegment(GROWTH, change, end)), 2_000_500, List.of());

    assertThat(bill.lineItems()).extracting(LineItem::kind).containsExactly(Kind.BASE, Kind.BASE, Kind.OVERAGE);
    assertThat(bill.lineItems().get(0).amountMinor()).isEqualTo(967); // 2,900 × 10/30 = 966.67
    assertThat(bill.lineItems().get(1).amountMinor()).isEqualTo(13_267); // 19,900 × 20/30 = 13,266.67
    assertThat(bill.lineItems().get(0).description())
        .isEqualTo("Starter plan, 2026-11-01 00:00 to 2026-11-11 00:00 UTC, prorated 10 of 30 days");
    assertThat(bill.lineItems().get(2).quantity()).as("overage against growth's included calls").isEqualTo(1);
    assertThat(bill.lineItems().get(2).unitAmountMinor()).isEqualTo(20);
    assertThat(bill.totalMinor()).isEqualTo(967 + 13_267 + 20);
  }

  @Test
  void prorated_days_are_shown_to_a_tenth() {
    Instant start = Instant.parse("2026-02-01T00:00:00Z");
    Instant change = Instant.parse("2026-02-03T12:00:00Z");
    Instant end = Instant.parse("2026-03-01T00:00:00Z");

    Calculation bill = InvoiceCalculator.calculate(
        List.of(new PlanSegment(FREE, start, change), new PlanSegment(STARTER, change, end)), 0, List.of());

    assertThat(bill.lineItems().get(0).description()).endsWith("prorated 2.5 of 28 days");
    assertThat(bill.lineItems().get(1).amountMinor()).isEqualTo(2_641); // 2,900 × 25.5/28 = 2,641.07
  }

  @Test
  void one_segment_is_the_plain_monthly_base_price() {
    Instant start = Instant.parse("2026-11-01T00:00:00Z");

    assertThat(InvoiceCalculator.calculate(List.of(new PlanSegment(STARTER, start, start.plusSeconds(86_400 * 30))), 0,
        List.of())).isEqualTo(InvoiceCalculator.calculate(STARTER, 0, List.of()));
  }

  @ParameterizedTest(name = "{0} × {1}/{2} → {3}")
  @CsvSource({"100, 1, 3, 33", "100, 2, 3, 67", "1, 1, 2, 1", "0, 5, 7, 0", "2900, 30, 30, 2900"})
  void proration_rounds_half_up(long amount, long part, long whole, long expected) {
    assertThat(InvoiceCalculator.prorate(amount, part, whole)).isEqualTo(expected);
  }

  @Test
  void plans_of_one_period_must_share_a_currency() {
    Plan euro = new Plan("eu", "Euro", "EUR", 1_000, 0, 0, null);
    Instant start = Instant.parse("2026-11-01T00:00:00Z");

    assertThatThrownBy(() -> InvoiceCalculator.calculate(List.of(new PlanSegment(STARTER, start, start.plusSeconds(60)),
        new PlanSegment(euro, start.plusSeconds(60), start.plusSeconds(120))), 0, List.of()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void negative_calls_are_refused() {
    assertThatThrownBy(() -> InvoiceCalculator.calculate(STARTER, -1, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_credit_must_be_positive() {
    assertThatThrownBy(() -> new Credit("nothing", 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void amounts_that_overflow_fail_instead_of_wrapping() {
    Plan absurd = new Plan("x", "X", "USD", 0, 0, Long.MAX_VALUE / 2, null);

    assertThatThrownBy(() -> InvoiceCalculator.calculate(absurd, 3_000, List.of()))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void tax_is_charged_on_what_remains_after_credits_rounded_half_up() {
    Calculation bill = InvoiceCalculator.calculate(STARTER, 0, List.of(new Credit("Goodwill", 900)),
        new TaxRates.TaxRate(2_000, "VAT"));

    assertThat(bill.lineItems()).extracting(LineItem::kind).containsExactly(Kind.BASE, Kind.CREDIT, Kind.TAX);
    assertThat(bill.lineItems().get(1).amountMinor()).isEqualTo(-900);
    assertThat(bill.lineItems().get(2).amountMinor()).isEqualTo(400); // 20% of 2,000
    assertThat(bill.lineItems().get(2).description()).isEqualTo("VAT 20%");
    assertThat(bill.subtotalMinor()).isEqualTo(2_900);
    assertThat(bill.totalMinor()).isEqualTo(2_400);
    assertThat(InvoiceCalculator.calculate(STARTER, 0, List.of(), new TaxRates.TaxRate(725, "Sales tax"))
        .totalMinor()).isEqualTo(2_900 + 210); // 7.25% of 2,900 = 210.25
  }

  @Test
  void a_fully_credited_invoice_has_no_tax_line() {
    Calculation bill = InvoiceCalculator.calculate(STARTER, 0, List.of(new Credit("Outage", 5_000)),
        new TaxRates.TaxRate(2_000, "VAT"));

    assertThat(bill.lineItems()).extracting(LineItem::kind).containsExactly(Kind.BASE, Kind.CREDIT);
    assertThat(bill.totalMinor()).isZero();
  }

  @Test
  void credits_are_used_oldest_first_up_to_the_subtotal() {
    assertThat(InvoiceCalculator.appliedCredits(1_000, List.of(new Credit("a", 600), new Credit("b", 600),
        new Credit("c", 5)))).containsExactly(600, 400, 0);
  }

  @Test
  void tax_rates_read_as_percentages() {
    assertThat(InvoiceCalculator.percent(2_000)).isEqualTo("20%");
    assertThat(InvoiceCalculator.percent(725)).isEqualTo("7.25%");
    assertThat(InvoiceCalculator.percent(1_250)).isEqualTo("12.5%");
    assertThat(InvoiceCalculator.percent(5)).isEqualTo("0.05%");
  }
}
