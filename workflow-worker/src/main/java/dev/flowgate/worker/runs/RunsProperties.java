package dev.flowgate.worker.runs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The worker's internal API and its peers, under {@code flowgate.worker}.
 *
 * @param internalToken bearer token of every {@code /internal/**} call (FLOWGATE_INTERNAL_TOKEN);
 *     while blank, the internal API refuses every call
 * @param portalUrl where triggered runs fetch their pinned definition (FLOWGATE_PORTAL_URL)
 * @param reconcileQuiet the reconciler leaves runs updated more recently than this alone: a run
 *     registered a moment ago may not have reached Temporal yet
 * @param reconcileConfirm how long the reconciler waits before asking Temporal again about a run it
 *     did not know: longer than a waiting trigger takes to start its run once Temporal is back
 */
@ConfigurationProperties("flowgate.worker")
public record RunsProperties(
    @DefaultValue("") String internalToken, @DefaultValue("http://127.0.0.1:8080") String portalUrl,
    @DefaultValue("30s") Duration reconcileQuiet, @DefaultValue("5s") Duration reconcileConfirm) {}
