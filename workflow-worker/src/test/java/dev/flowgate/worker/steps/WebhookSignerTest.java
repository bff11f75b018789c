package dev.flowgate.worker.steps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignerTest {

  @Test
  void the_signature_is_the_hex_hmac_of_timestamp_dot_body() {
    // reference value computed with Python's hmac module
    assertThat(WebhookSigner.signature("whsec_test", 1_700_000_000L, "{\"ok\":true}"))
        .isEqualTo("t=1700000000,v1=85876387ad9d6be57a04653bc0729da757049f58afb10ba6cac3bedaecf4fda3");
  }

  @Test
  void each_tenant_gets_its_own_secret_derived_from_the_signing_secret() {
    assertThat(WebhookSigner.tenantSecret("master", "tenant-1"))
        .isEqualTo("76e25cc6af670f9137b37278005faf6562b3a2f0aee493d0dde1f802af2fab14")
        .isNotEqualTo(WebhookSigner.tenantSecret("master", "tenant-2"));
  }
}
