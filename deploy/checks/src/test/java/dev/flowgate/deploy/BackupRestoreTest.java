package dev.flowgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/local/backup and deploy/local/restore against the local PostgreSQL (skipped when it does
 * not answer): a scratch database with known rows, including a table under forced, closed-by-default
 * row-level security like the portal's, backed up and restored into a second scratch database,
 * must come back with the same rows in every table.
 */
class BackupRestoreTest {

  private static final String PORT = System.getenv().getOrDefault("FLOWGATE_PG_PORT", "5432");
  private static final List<String> TABLES = List.of("portal.tenants", "portal.users", "billing.invoices");

  private final String source = "flowgate_bkp_" + UUID.randomUUID().toString().substring(0, 8);
  private final String target = source + "_restored";

  @TempDir Path backups;

  @BeforeEach
  void scratchDatabaseWithKnownRows() throws Exception {
    assumeTrue(run("pg_isready", "-q", "-h", "127.0.0.1", "-p", PORT).exitCode() == 0, "no PostgreSQL on 127.0.0.1:" + PORT);
    assumeTrue(asPostgres("postgres", "select 1").exitCode() == 0, "cannot connect as postgres on loopback");
    check(asPostgres("postgres", "create database " + source + " owner flowgate"));
    check(asApp(source, """
        create schema portal;
        create schema billing;
        create table portal.tenants (id uuid primary key, name text not null);
        create table portal.users (id uuid primary key, tenant_id uuid not null references portal.tenants (id), email text);
        create function portal.current_tenant_allows(row_tenant uuid) returns boolean language sql stable as $$
          select coalesce(current_setting('flowgate.platform', true) = 'on', false)
              or row_tenant::text = nullif(current_setting('flowgate.tenant_id', true), '')
        $$;
        alter table portal.users enable row level security;
        alter table portal.users force row level security;
        create policy tenant_isolation on portal.users using (portal.current_tenant_allows(tenant_id));
        create table billing.invoices (id bigserial primary key, amount_minor bigint, note text);
        select set_config('flowgate.platform', 'on', false);
        insert into portal.tenants select gen_random_uuid(), 'tenant ' || i from generate_series(1, 5) i;
        insert into portal.users select gen_random_uuid(), t.id, 'u' || i || '@' || t.name
          from portal.tenants t, generate_series(1, 40) i;
        insert into billing.invoices (amount_minor, note) select i * 100, 'ünïcode ' || i from generate_series(1, 25) i;
        """));
  }

  @AfterEach
  void dropScratchDatabases() throws Exception {
    for (String db : List.of(source, target)) {
      asPostgres("postgres", "drop database if exists " + db + " with (force)");
    }
  }

  @Test
  void a_restored_backup_holds_the_same_rows_in_every_table() throws Exception {
    Result backup = run(Repo.path("deploy/local/backup").toString(), "--db", source, "--to", backups + "/");
    check(backup);
    Path file = Path.of(backup.output().lines().reduce((first, last) -> last).orElseThrow().strip());
    assertThat(file).exists().hasParent(backups);
    assertThat(file.getFileName().toString()).matches(source + "-\\d{8}T\\d{6}Z\\.dump");

    check(run(Repo.path("deploy/local/restore").toString(), file.toString(), "--into", target));

    Map<String, String> original = fingerprints(source);
    assertThat(original.get("portal.tenants")).startsWith("5:");
    assertThat(original.get("portal.users")).startsWith("200:");
    assertThat(original.get("billing.invoices")).startsWith("25:");
    assertThat(fingerprints(target)).isEqualTo(original);
    // the policy came back too: without a tenant or the platform scope the restored users are hidden
    assertThat(asApp(target, "select count(*) from portal.users").output().strip()).isEqualTo("0");
  }

  @Test
  void restore_refuses_a_database_that_already_has_tables() throws Exception {
    Result backup = run(Repo.path("deploy/local/backup").toString(), "--db", source, "--to", backups.resolve("b.dump").toString());
    check(backup);

    Result restore = run(Repo.path("deploy/local/restore").toString(), backups.resolve("b.dump").toString(), "--into", source);

    assertThat(restore.exitCode()).isNotZero();
    assertThat(restore.output()).contains("already has");
  }

  /** Row count and an md5 over the table's rows in a fixed order, per table, seen in the platform scope. */
  private Map<String, String> fingerprints(String db) throws Exception {
    Map<String, String> result = new LinkedHashMap<>();
    for (String table : TABLES) {
      Result row = asApp(db, "select set_config('flowgate.platform', 'on', false) is not null; select count(*) || ':' || "
          + "coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from " + table + " t");
      check(row);
      result.put(table, row.output().lines().reduce((first, last) -> last).orElse(""));
    }
    return result;
  }

  private static Result asPostgres(String db, String sql) throws IOException, InterruptedException {
    return run("psql", "-h", "127.0.0.1", "-p", PORT, "-U", "postgres", "-d", db, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql);
  }

  private static Result asApp(String db, String sql) throws IOException, InterruptedException {
    return run("psql", "-h", "127.0.0.1", "-p", PORT, "-U", "flowgate", "-d", db, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql);
  }

  private static void check(Result result) {
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  private record Result(int exitCode, String output) {}

  private static Result run(String... command) throws IOException, InterruptedException {
    Path log = Files.createTempFile("backup-restore", ".log");
    try {
      Process process = new ProcessBuilder(new ArrayList<>(List.of(command)))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
      }
      return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
