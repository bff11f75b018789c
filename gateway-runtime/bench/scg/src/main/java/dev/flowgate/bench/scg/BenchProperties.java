package dev.flowgate.bench.scg;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bench.*}, set by gateway-runtime/bench/run.
 *
 * @param upstream where every call goes
 * @param keyPepper HMAC pepper of key digests, as Flowgate's FLOWGATE_KEY_PEPPER
 * @param keyDigest hex HMAC-SHA256 of the one accepted key
 * @param limit tokens per {@code windowSeconds} of each key's bucket
 */
@ConfigurationProperties("bench")
public record BenchProperties(
    @DefaultValue("http://127.0.0.1:18080") URI upstream,
    @DefaultValue("bench-pepper") String keyPepper,
    @DefaultValue("") String keyDigest,
    @DefaultValue("1000000000") long limit,
    @DefaultValue("60") int windowSeconds) {}
