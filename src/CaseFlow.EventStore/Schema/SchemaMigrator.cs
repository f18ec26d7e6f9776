using Npgsql;

namespace CaseFlow.EventStore.Schema;

/// <summary>One numbered, idempotent schema change of a module.</summary>
public sealed record Migration(int Version, string Name, string Sql);

/// <summary>A named set of migrations (the event store's own, the domain's read models, ...).</summary>
public sealed record SchemaModule(string Name, IReadOnlyList<Migration> Migrations);

/// <summary>
/// Applies modules' migrations at start-up. Each migration runs once, in its own transaction, recorded in
/// <c>es.schema_migrations</c>; a session-level advisory lock makes concurrent start-ups wait for each other instead of
/// racing. Migrations are written to be idempotent as well (<c>if not exists</c>), so a half-known state heals.
/// </summary>
public static class SchemaMigrator
{
    private const long MigrationLockKey = 0x43_46_4D_49_47; // "CFMIG"

    public static async Task<IReadOnlyList<string>> MigrateAsync(NpgsqlDataSource dataSource, IEnumerable<SchemaModule> modules, CancellationToken ct = default)
    {
        var applied = new List<string>();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using (var lockCmd = new NpgsqlCommand("select pg_advisory_lock($1)", conn) { Parameters = { new() { Value = MigrationLockKey } } })
        {
            await lockCmd.ExecuteNonQueryAsync(ct);
        }

        try
        {
            await using (var init = new NpgsqlCommand(
                """
                create schema if not exists es;
                create table if not exists es.schema_migrations (
                  module     text        not null,
                  version    int         not null,
                  name       text        not null,
                  applied_at timestamptz not null default now(),
                  primary key (module, version));
                """, conn))
            {
                await init.ExecuteNonQueryAsync(ct);
            }

            foreach (var module in modules)
            {
                var done = new HashSet<int>();
                await using (var cmd = new NpgsqlCommand("select version from es.schema_migrations where module = $1", conn) { Parameters = { new() { Value = module.Name } } })
                await using (var reader = await cmd.ExecuteReaderAsync(ct))
                {
                    while (await reader.ReadAsync(ct))
                    {
                        done.Add(reader.GetInt32(0));
                    }
                }

                foreach (var migration in module.Migrations.OrderBy(m => m.Version))
                {
                    if (done.Contains(migration.Version))
                    {
                        continue;
                    }

                    await using var tx = await conn.BeginTransactionAsync(ct);
                    await using (var run = new NpgsqlCommand(migration.Sql, conn, tx))
                    {
                        await run.ExecuteNonQueryAsync(ct);
                    }

                    await using (var record = new NpgsqlCommand(
                        "insert into es.schema_migrations (module, version, name) values ($1, $2, $3)", conn, tx)
                    {
                        Parameters = { new() { Value = module.Name }, new() { Value = migration.Version }, new() { Value = migration.Name } },
                    })
                    {
                        await record.ExecuteNonQueryAsync(ct);
                    }

                    await tx.CommitAsync(ct);
                    applied.Add($"{module.Name} {migration.Version:D3} {migration.Name}");
                }
            }
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("select pg_advisory_unlock($1)", conn) { Parameters = { new() { Value = MigrationLockKey } } };
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }

        return applied;
    }

    public static async Task<int> SchemaVersionAsync(NpgsqlDataSource dataSource, string module, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("select coalesce(max(version), 0) from es.schema_migrations where module = $1");
        cmd.Parameters.Add(new() { Value = module });
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
