package dev.flowgate.stack;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The Temporal Java test server as the local dev server, bound to loopback only.
 *
 * <p>{@code io.temporal.testserver.TestServer <port>} binds every interface, which a developer
 * machine should not expose; this wires the same services onto a loopback-only Netty server.
 * Runs are kept in memory: a restart loses them (see PRODUCT.md on reconciliation).
 *
 * <p>Usage: {@code TemporalDevServer [port]} (default 7233, or env {@code TEMPORAL_DEV_PORT}).
 */
public final class TemporalDevServer implements AutoCloseable {

    private final TestServicesStarter services;
    private final Server server;

    private TemporalDevServer(TestServicesStarter services, Server server) {
        this.services = services;
        this.server = server;
    }

    /** Starts a server on 127.0.0.1; port 0 picks a free one. */
    public static TemporalDevServer start(int port) throws IOException {
        // true: time skipping locked, so timers and sleeps take real time like a real cluster
        TestServicesStarter services = new TestServicesStarter(true, 0);
        NettyServerBuilder builder = NettyServerBuilder.forAddress(
                new InetSocketAddress("127.0.0.1", port), InsecureServerCredentials.create());
        GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
        return new TemporalDevServer(services, builder.build().start());
    }

    public int port() {
        return ((InetSocketAddress) server.getListenSockets().getFirst()).getPort();
    }

    Server grpcServer() {
        return server;
    }

    @Override
    public void close() {
        server.shutdown();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        services.close();
        server.shutdownNow();
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        TemporalDevServer dev = start(Ports.fromArgsOrEnv(args, "TEMPORAL_DEV_PORT", 7233));
        Runtime.getRuntime().addShutdownHook(new Thread(dev::close, "temporal-dev-shutdown"));
        System.out.println("Temporal dev server listening on 127.0.0.1:" + dev.port());
        dev.server.awaitTermination();
    }
}
