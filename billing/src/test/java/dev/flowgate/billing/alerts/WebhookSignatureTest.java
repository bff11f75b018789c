package dev.flowgate.billing.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  @Test
  void the_header_carries_the_time_and_the_hex_hmac_of_time_dot_body() {
    // expected value computed independently: python hmac.new(b'whsec_test', b'1700000000.{"a":1}', sha256)
    assertThat(WebhookSignature.header("whsec_test", 1_700_000_000L, "{\"a\":1}"))
        .isEqualTo("t=1700000000,v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789");
  }
}
