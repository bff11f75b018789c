package dev.flowgate.stack;

/** Port selection shared by the mains: first argument, then an environment variable, then a default. */
final class Ports {

    private Ports() {
    }

    static int fromArgsOrEnv(String[] args, String envName, int defaultPort) {
        if (args.length > 0) {
            return Integer.parseInt(args[0]);
        }
        String fromEnv = System.getenv(envName);
        return fromEnv == null || fromEnv.isBlank() ? defaultPort : Integer.parseInt(fromEnv.trim());
    }
}
