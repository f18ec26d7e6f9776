using Npgsql;

namespace CaseFlow.EventStore.Projections;

public sealed record RebuildProgress(string Projection, long EventsApplied, long EventsEstimated, bool Switching);

public sealed record RebuildResult(string Projection, long EventsApplied, TimeSpan Elapsed, LogPosition Position);

/// <summary>
/// Rebuilds a projection into fresh tables while the old ones keep serving reads, then switches over
/// (Marten's rebuild, blue/green style):
/// <list type="number">
/// <item>create <c>&lt;table&gt;__rebuild</c> copies;</item>
/// <item>replay the log from the start in pages, each committed on its own (no long transaction holds back other
/// projectors' horizon);</item>
/// <item>switch in one short transaction: async projections lock their progress row (the live projector skips
/// meanwhile); inline projections lock es.events in SHARE mode (appends wait a moment). Apply the remaining
/// tail, rename the copies over the live tables, set the progress row and the projection version, commit.</item>
/// </list>
/// A rebuild stops on the first failing event (nothing is switched); it can simply be run again.
/// </summary>
public static class ProjectionRebuilder
{
    public static async Task<RebuildResult> RebuildAsync(EventStore store, IProjection projection, IProgress<RebuildProgress>? progress = null, int batchSize = 2000, CancellationToken ct = default)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var isInline = store.Projections.IsInline(projection);
        await using var guard = await store.DataSource.OpenConnectionAsync(ct);
        await using (var lockCmd = guard.Command("select pg_advisory_lock(hashtext('caseflow.rebuild:' || $1))", null, Db.Param(projection.Name)))
        {
            await lockCmd.ExecuteNonQueryAsync(ct);
        }

        try
        {
            await CreateFreshTablesAsync(store, projection, ct);
            var estimated = await EventLog.CountAfterAsync(store.DataSource, LogPosition.Start, projection.EventTypes, ct);
            var position = LogPosition.Start;
            long applied = 0;
            while (true)
            {
                await using var connection = await store.DataSource.OpenConnectionAsync(ct);
                await using var tx = await connection.BeginTransactionAsync(ct);
                var page = await EventLog.ReadPageAsync(connection, tx, position, projection.EventTypes, batchSize, belowHorizon: true, ct);
                if (page.Count == 0)
                {
                    break;
                }

                await ApplyAsync(store, projection, connection, tx, page, ct);
                await tx.CommitAsync(ct);
                position = page[^1].Position;
                applied += page.Count;
                progress?.Report(new RebuildProgress(projection.Name, applied, Math.Max(estimated, applied), Switching: false));
            }

            progress?.Report(new RebuildProgress(projection.Name, applied, Math.Max(estimated, applied), Switching: true));
            (position, applied) = await SwitchOverAsync(store, projection, isInline, position, applied, batchSize, ct);
            return new RebuildResult(projection.Name, applied, started.Elapsed, position);
        }
        finally
        {
            await using var unlock = guard.Command("select pg_advisory_unlock(hashtext('caseflow.rebuild:' || $1))", null, Db.Param(projection.Name));
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task CreateFreshTablesAsync(EventStore store, IProjection projection, CancellationToken ct)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var table in projection.Tables)
        {
            await using (var drop = connection.Command($"drop table if exists {table.RebuildName}", tx))
            {
                await drop.ExecuteNonQueryAsync(ct);
            }

            await using var create = connection.Command(table.Ddl(table.RebuildName), tx);
            await create.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
    }

    private static async Task<(LogPosition, long)> SwitchOverAsync(EventStore store, IProjection projection, bool isInline, LogPosition position, long applied, int batchSize, CancellationToken ct)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (isInline)
        {
            // Every append inserts into es.events: holding SHARE on it waits for appends in flight and holds new ones
            // back until the swap commits. Every committed event is then final, so no horizon is needed.
            await using var barrier = connection.Command("lock table es.events in share mode", tx);
            await barrier.ExecuteNonQueryAsync(ct);
        }
        else
        {
            await using var lockProgress = connection.Command("select 1 from es.progress where name = $1 for update", tx, Db.Param(projection.Name));
            await lockProgress.ExecuteNonQueryAsync(ct);
        }

        while (true)
        {
            var page = await EventLog.ReadPageAsync(connection, tx, position, projection.EventTypes, batchSize, belowHorizon: !isInline, ct);
            if (page.Count == 0)
            {
                break;
            }

            await ApplyAsync(store, projection, connection, tx, page, ct);
            position = page[^1].Position;
            applied += page.Count;
        }

        foreach (var table in projection.Tables)
        {
            var (schema, name) = ProjectionTables.Split(table.Name);
            await using var swap = connection.Command(
                $"""
                alter table if exists {schema}.{name} rename to {name}__old;
                alter table {table.RebuildName} rename to {name};
                drop table if exists {schema}.{name}__old;
                """, tx);
            await swap.ExecuteNonQueryAsync(ct);
        }

        await using (var update = connection.Command(
            """
            insert into es.progress (name, projection_version, last_tx, last_seq, events_applied, updated_at) values ($1, $2, $3, $4, $5, now())
            on conflict (name) do update set projection_version = $2, last_tx = $3, last_seq = $4, events_applied = $5, updated_at = now()
            """, tx,
            Db.Param(projection.Name), Db.Param(projection.Version), Db.Param(position.TxId), Db.Param(position.Seq), Db.Param(applied)))
        {
            await update.ExecuteNonQueryAsync(ct);
        }

        await using (var clearDead = connection.Command("delete from es.dead_letters where projection = $1", tx, Db.Param(projection.Name)))
        {
            await clearDead.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return (position, applied);
    }

    private static Task ApplyAsync(EventStore store, IProjection projection, NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<RawEvent> page, CancellationToken ct) =>
        projection.ApplyAsync(new ProjectionContext(connection, tx, store.Registry, ProjectionMode.Rebuild), page.Select(e => e.Deserialize(store.Registry)).ToList(), ct);
}
