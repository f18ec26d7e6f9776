using Microsoft.Extensions.Logging;
using Npgsql;

namespace CaseFlow.EventStore.Projections;

/// <summary>
/// Runs one async projection (Marten's async daemon shard): pages the log from its progress row, applies each page
/// and moves the progress row in the same transaction, so read models are never ahead of or behind their progress.
/// The progress row is locked with SKIP LOCKED: a second node, or a rebuild's switch-over, makes this one skip a turn.
/// A page that fails is retried event by event; an event that still fails is parked in <c>es.dead_letters</c> and
/// skipped (continuous mode only: rebuilds stop on the first error).
/// </summary>
public sealed class AsyncProjector(EventStore store, IProjection projection, ILogger logger, int batchSize = 500)
{
    public IProjection Projection => projection;

    /// <summary>Applies at most one page; returns the number of events read (0: caught up, busy elsewhere, or stale).</summary>
    public async Task<int> RunBatchAsync(CancellationToken ct)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        LogPosition position;
        await using (var progress = connection.Command(
            "select last_tx, last_seq, projection_version from es.progress where name = $1 for update skip locked", tx, Db.Param(projection.Name)))
        await using (var reader = await progress.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct))
            {
                return 0;
            }

            if (reader.GetInt32(2) != projection.Version)
            {
                return 0; // stale: a rebuild must run first
            }

            position = new LogPosition(reader.GetInt64(0), reader.GetInt64(1));
        }

        var page = await EventLog.ReadPageAsync(connection, tx, position, projection.EventTypes, batchSize, belowHorizon: true, ct);
        if (page.Count == 0)
        {
            return 0;
        }

        var context = new ProjectionContext(connection, tx, store.Registry, ProjectionMode.Continuous);
        await ApplyGuardedAsync(context, tx, page, ct);
        await using (var update = connection.Command(
            "update es.progress set last_tx = $2, last_seq = $3, events_applied = events_applied + $4, updated_at = now() where name = $1", tx,
            Db.Param(projection.Name), Db.Param(page[^1].TxId), Db.Param(page[^1].Seq), Db.Param((long)page.Count)))
        {
            await update.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return page.Count;
    }

    private async Task ApplyGuardedAsync(ProjectionContext context, NpgsqlTransaction tx, IReadOnlyList<RawEvent> page, CancellationToken ct)
    {
        await tx.SaveAsync("page", ct);
        try
        {
            await projection.ApplyAsync(context, page.Select(e => e.Deserialize(store.Registry)).ToList(), ct);
            return;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Projection {Projection} failed on a page of {Count}; retrying event by event", projection.Name, page.Count);
            await tx.RollbackAsync("page", ct);
        }

        foreach (var raw in page)
        {
            await tx.SaveAsync("one", ct);
            try
            {
                await projection.ApplyAsync(context, [raw.Deserialize(store.Registry)], ct);
                await tx.ReleaseAsync("one", ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                await tx.RollbackAsync("one", ct);
                logger.LogError(e, "Projection {Projection} parked event {Seq} ({Type}) as a dead letter", projection.Name, raw.Seq, raw.Type);
                await using var dead = context.Command(
                    """
                    insert into es.dead_letters (projection, tenant_id, seq, event_type, stream_id, error) values ($1, $2, $3, $4, $5, $6)
                    on conflict do nothing
                    """);
                dead.Parameters.AddRange(new[] { Db.Param(projection.Name), Db.Param(raw.TenantId), Db.Param(raw.Seq), Db.Param(raw.Type), Db.Param(raw.StreamId), Db.Param(e.Message) });
                await dead.ExecuteNonQueryAsync(ct);
            }
        }
    }
}
