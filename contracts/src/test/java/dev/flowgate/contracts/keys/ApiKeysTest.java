package dev.flowgate.contracts.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

  static final byte[] PEPPER = "test-pepper".getBytes(StandardCharsets.UTF_8);

  @Test
  void generatedKeysHaveThePrefixAnd32Base62Characters() {
    String live = ApiKeys.generate(true);
    String test = ApiKeys.generate(false);

    assertThat(live).matches("fg_live_[0-9A-Za-z]{32}");
    assertThat(test).matches("fg_test_[0-9A-Za-z]{32}");
    assertThat(ApiKeys.looksLikeKey(live)).isTrue();
  }

  @Test
  void generatedKeysDoNotRepeat() {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      keys.add(ApiKeys.generate(true));
    }
    assertThat(keys).hasSize(10_000);
  }

  @Test
  void lookupPrefixIsTheFirstEightCharactersAfterThePrefix() {
    assertThat(ApiKeys.lookupPrefix("fg_live_AbCd1234efgh5678ijkl9012mnop3456")).contains("AbCd1234");
    assertThat(ApiKeys.lookupPrefix("fg_live_short")).isEmpty();
    assertThat(ApiKeys.lookupPrefix("xx_live_AbCd1234efgh5678ijkl9012mnop3456")).isEmpty();
    assertThat(ApiKeys.lookupPrefix("fg_live_AbCd1234efgh5678ijkl9012mnop345!")).isEmpty();
  }

  @Test
  void digestIsAStableHmacThatDependsOnThePepper() {
    String key = "fg_live_AbCd1234efgh5678ijkl9012mnop3456";

    // RFC 2104 HMAC-SHA256, computed independently with `openssl dgst -sha256 -hmac test-pepper`
    assertThat(ApiKeys.digest(PEPPER, key))
        .isEqualTo("07054ff13314fe331b089e3ba5f4f02ff716bf8816740968d0cab03094251c08")
        .isNotEqualTo(ApiKeys.digest("other".getBytes(StandardCharsets.UTF_8), key));
  }
}
