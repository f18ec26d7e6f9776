using Npgsql;

namespace CaseFlow.EventStore.Projections;

/// <summary>Creates projections' live tables and progress rows; says which projections need a rebuild.</summary>
public static class ProjectionTables
{
    public static async Task EnsureAsync(EventStore store, CancellationToken ct = default)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var lockCmd = connection.Command("select pg_advisory_xact_lock($1)", tx, Db.Param(0x43_46_50_52_4A_54L))) // "CFPRJT"
        {
            await lockCmd.ExecuteNonQueryAsync(ct);
        }

        bool hasEvents;
        await using (var any = connection.Command("select exists (select 1 from es.events)", tx))
        {
            hasEvents = (bool)(await any.ExecuteScalarAsync(ct))!;
        }

        foreach (var projection in store.Projections.All)
        {
            var created = false;
            foreach (var table in projection.Tables)
            {
                if (!await ExistsAsync(connection, tx, table.Name, ct))
                {
                    await using var ddl = connection.Command(table.Ddl(table.Name), tx);
                    await ddl.ExecuteNonQueryAsync(ct);
                    created = true;
                }
            }

            // A projection added to a store that already has events starts stale (version 0): it must be rebuilt.
            var version = created && hasEvents ? 0 : projection.Version;
            await using var progress = connection.Command(
                "insert into es.progress (name, projection_version) values ($1, $2) on conflict (name) do nothing", tx,
                Db.Param(projection.Name), Db.Param(version));
            await progress.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>Projections whose stored version differs from the code's: they must be rebuilt before they are read.</summary>
    public static async Task<IReadOnlyList<IProjection>> StaleAsync(EventStore store, CancellationToken ct = default)
    {
        var stored = new Dictionary<string, int>();
        await using (var command = store.DataSource.CreateCommand("select name, projection_version from es.progress"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                stored[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        return store.Projections.All.Where(p => stored.GetValueOrDefault(p.Name, -1) != p.Version).ToList();
    }

    internal static async Task<bool> ExistsAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string qualifiedName, CancellationToken ct)
    {
        await using var command = connection.Command("select to_regclass($1) is not null", tx, Db.Param(qualifiedName));
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    internal static (string Schema, string Table) Split(string qualifiedName)
    {
        var dot = qualifiedName.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? ("public", qualifiedName) : (qualifiedName[..dot], qualifiedName[(dot + 1)..]);
    }
}
