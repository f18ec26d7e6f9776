using Microsoft.Extensions.Logging;
using Npgsql;

namespace CaseFlow.EventStore.Projections;

/// <summary>
/// Runs every async projection of the store: wakes on in-process appends, on <c>NOTIFY caseflow_events</c> from other
/// processes, and otherwise polls. Stale projections (version changed) are rebuilt first.
/// </summary>
public sealed class ProjectionDaemon(EventStore store, ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger<ProjectionDaemon>();
    private readonly List<AsyncProjector> _projectors =
        store.Projections.Async.Select(p => new AsyncProjector(store, p, loggers.CreateLogger<AsyncProjector>())).ToList();

    public TimeSpan IdlePoll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>One pass over all projections; returns the number of events applied.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var total = 0;
        foreach (var projector in _projectors)
        {
            total += await projector.RunBatchAsync(ct);
        }

        return total;
    }

    /// <summary>Runs until every async projection has applied every event committed before the call (or the timeout).</summary>
    public async Task CatchUpAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        var target = await LastCommittedAsync(cts.Token);
        while (true)
        {
            if (await RunOnceAsync(cts.Token) > 0)
            {
                continue;
            }

            if (await AllReachedAsync(target, cts.Token))
            {
                return;
            }

            await Task.Delay(20, cts.Token); // an older transaction still runs: the horizon will move
        }
    }

    public async Task RunAsync(CancellationToken ct)
    {
        await RebuildStaleAsync(ct);
        var listener = ListenAsync(ct);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (await RunOnceAsync(ct) > 0)
                {
                    continue;
                }

                await store.Appended.WaitAsync(IdlePoll, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                _logger.LogError(e, "Projection daemon pass failed; retrying");
                try
                {
                    await Task.Delay(IdlePoll, ct);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        await listener;
    }

    public async Task RebuildStaleAsync(CancellationToken ct)
    {
        foreach (var projection in await ProjectionTables.StaleAsync(store, ct))
        {
            _logger.LogWarning("Projection {Projection} is stale (version {Version} not built); rebuilding", projection.Name, projection.Version);
            var result = await ProjectionRebuilder.RebuildAsync(store, projection, ct: ct);
            _logger.LogInformation("Rebuilt {Projection}: {Events} events in {Elapsed}", result.Projection, result.EventsApplied, result.Elapsed);
        }
    }

    private async Task<LogPosition> LastCommittedAsync(CancellationToken ct)
    {
        await using var command = store.DataSource.CreateCommand("select tx_id, seq from es.events order by tx_id desc, seq desc limit 1");
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new LogPosition(reader.GetInt64(0), reader.GetInt64(1)) : LogPosition.Start;
    }

    private async Task<bool> AllReachedAsync(LogPosition target, CancellationToken ct)
    {
        foreach (var projector in _projectors)
        {
            // Caught up when no event of interest lies between its progress and the target.
            await using var command = store.DataSource.CreateCommand(
                """
                select not exists (
                  select 1 from es.events e, es.progress p
                   where p.name = $1 and (e.tx_id, e.seq) > (p.last_tx, p.last_seq) and (e.tx_id, e.seq) <= ($2, $3)
                     and ($4::text[] is null or e.type = any($4)) and not e.is_archived)
                """);
            command.Parameters.Add(Db.Param(projector.Projection.Name));
            command.Parameters.Add(Db.Param(target.TxId));
            command.Parameters.Add(Db.Param(target.Seq));
            command.Parameters.Add(Db.Param(projector.Projection.EventTypes?.ToArray(), NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text));
            if (!(bool)(await command.ExecuteScalarAsync(ct))!)
            {
                return false;
            }
        }

        return true;
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await store.DataSource.OpenConnectionAsync(ct);
                connection.Notification += (_, _) => store.Appended.Signal();
                await using (var listen = new NpgsqlCommand($"listen {EventStore.NotifyChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }

                while (!ct.IsCancellationRequested)
                {
                    await connection.WaitAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "Listening for event notifications failed; polling meanwhile and reconnecting");
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
