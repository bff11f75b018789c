package dev.flowgate.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.NamespaceState;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TemporalDevServerTest {

    private TemporalDevServer server;

    @BeforeEach
    void start() throws Exception {
        server = TemporalDevServer.start(0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listens_on_loopback_only() {
        assertThat(server.grpcServer().getListenSockets())
                .isNotEmpty()
                .allSatisfy(address -> assertThat(((InetSocketAddress) address).getAddress().isLoopbackAddress()).isTrue());
    }

    @Test
    void serves_the_default_namespace_to_the_java_sdk() {
        WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + server.port()).build());
        try {
            var namespace = stubs.blockingStub()
                    .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace("default").build());

            assertThat(namespace.getNamespaceInfo().getState()).isEqualTo(NamespaceState.NAMESPACE_STATE_REGISTERED);
        } finally {
            stubs.shutdownNow();
        }
    }
}
