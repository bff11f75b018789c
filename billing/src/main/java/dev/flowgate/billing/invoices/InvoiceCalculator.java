package dev.flowgate.billing.invoices;

import dev.flowgate.billing.plans.Plan;
import dev.flowgate.billing.plans.PlanSegment;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Turns the plans of a period, its calls and credits into line items, in minor units with exact
 * integer arithmetic: the base price (prorated by time on each plan when the plan changed during
 * the period), overage per started 1,000 calls above the included calls of the plan in force at
 * the end of the period, then credits, which never take the total below zero, then tax on what
 * remains when a rate is set. The subtotal is the charges before credits and tax.
 */
public final class InvoiceCalculator {

  /** The lines and sums of one invoice. */
  public record Calculation(List<LineItem> lineItems, long subtotalMinor, long totalMinor) {}

  static final long CALLS_PER_OVERAGE_UNIT = 1_000;
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
  private static final long SECONDS_PER_DAY = 86_400;
  private static final long BASIS_POINTS = 10_000;

  private InvoiceCalculator() {}

  /** A whole period on one plan. */
  public static Calculation calculate(Plan plan, long calls, List<Credit> credits) {
    return calculate(plan, calls, credits, null);
  }

  /** A whole period on one plan, taxed at {@code tax} when given. */
  public static Calculation calculate(Plan plan, long calls, List<Credit> credits, TaxRates.@Nullable TaxRate tax) {
    return build(List.of(baseLine(plan)), plan, calls, credits, tax);
  }

  /** A period on one or more plans, in order and without gaps. */
  public static Calculation calculate(List<PlanSegment> segments, long calls, List<Credit> credits) {
    return calculate(segments, calls, credits, null);
  }

  /** A period on one or more plans, taxed at {@code tax} when given. */
  public static Calculation calculate(List<PlanSegment> segments, long calls, List<Credit> credits,
      TaxRates.@Nullable TaxRate tax) {
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("a period has at least one plan");
    }
    Plan last = segments.getLast().plan();
    if (segments.size() == 1) {
      return calculate(last, calls, credits, tax);
    }
    long periodSeconds = Duration.between(segments.getFirst().from(), segments.getLast().to()).toSeconds();
    List<LineItem> baseLines = new ArrayList<>();
    for (PlanSegment segment : segments) {
      if (!segment.plan().currency().equals(last.currency())) {
        throw new IllegalStateException("plans of one period differ in currency: " + segment.plan().currency()
            + " and " + last.currency());
      }
      long seconds = segment.length().toSeconds();
      long amount = prorate(segment.plan().basePriceMinor(), seconds, periodSeconds);
      baseLines.add(new LineItem(LineItem.Kind.BASE,
          "%s plan, %s to %s UTC, prorated %s of %s days".formatted(segment.plan().name(),
              MINUTE.format(segment.from()), MINUTE.format(segment.to()), days(seconds), days(periodSeconds)),
          1, amount, amount));
    }
    return build(baseLines, last, calls, credits, tax);
  }

  /** {@code amount × part / whole}, rounded half up. */
  static long prorate(long amount, long part, long whole) {
    return Math.floorDiv(Math.addExact(Math.multiplyExact(Math.multiplyExact(2, amount), part), whole), 2 * whole);
  }

  private static LineItem baseLine(Plan plan) {
    return new LineItem(LineItem.Kind.BASE, plan.name() + " plan, monthly base price", 1,
        plan.basePriceMinor(), plan.basePriceMinor());
  }

  /** How much of each credit a subtotal absorbs, oldest first: never below zero in total. */
  static long[] appliedCredits(long subtotal, List<Credit> credits) {
    long[] applied = new long[credits.size()];
    long remaining = subtotal;
    for (int i = 0; i < credits.size(); i++) {
      applied[i] = Math.max(0, Math.min(credits.get(i).amountMinor(), remaining));
      remaining -= applied[i];
    }
    return applied;
  }

  private static Calculation build(List<LineItem> baseLines, Plan plan, long calls, List<Credit> credits,
      TaxRates.@Nullable TaxRate tax) {
    if (calls < 0) {
      throw new IllegalArgumentException("calls cannot be negative: " + calls);
    }
    List<LineItem> lines = new ArrayList<>(baseLines);
    long over = calls - plan.includedCalls();
    if (over > 0 && plan.overagePerThousandMinor() > 0) {
      long units = Math.ceilDiv(over, CALLS_PER_OVERAGE_UNIT);
      lines.add(new LineItem(LineItem.Kind.OVERAGE,
          String.format(Locale.ROOT, "%,d calls over the %,d included, per started 1,000", over, plan.includedCalls()),
          units, plan.overagePerThousandMinor(), Math.multiplyExact(units, plan.overagePerThousandMinor())));
    }
    long subtotal = lines.stream().mapToLong(LineItem::amountMinor).reduce(0, Math::addExact);
    long remaining = subtotal;
    long[] applied = appliedCredits(subtotal, credits);
    for (int i = 0; i < credits.size(); i++) {
      if (applied[i] > 0) {
        lines.add(new LineItem(LineItem.Kind.CREDIT, credits.get(i).description(), 1, -applied[i], -applied[i]));
        remaining -= applied[i];
      }
    }
    if (tax != null && tax.rateBasisPoints() > 0 && remaining > 0) {
      // tax on what is charged after credits, rounded half up to the minor unit
      long amount = prorate(remaining, tax.rateBasisPoints(), BASIS_POINTS);
      lines.add(new LineItem(LineItem.Kind.TAX, tax.label() + " " + percent(tax.rateBasisPoints()), 1, amount,
          amount));
      remaining = Math.addExact(remaining, amount);
    }
    return new Calculation(List.copyOf(lines), subtotal, remaining);
  }

  /** 2000 → "20%", 725 → "7.25%". */
  static String percent(int basisPoints) {
    int whole = basisPoints / 100;
    int cents = basisPoints % 100;
    return cents == 0 ? whole + "%" : whole + "." + (cents % 10 == 0 ? String.valueOf(cents / 10) : "%02d".formatted(cents)) + "%";
  }

  /** Days with one decimal, from whole seconds, without floating point. */
  private static String days(long seconds) {
    long tenths = (seconds * 10 + SECONDS_PER_DAY / 2) / SECONDS_PER_DAY;
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "." + (tenths % 10);
  }
}
