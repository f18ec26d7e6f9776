using System.Diagnostics;
using CaseFlow.Requests.GettingDetails;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;

namespace CaseFlow.Infrastructure;

/// <summary>How far a rebuild has come: events applied of the events in the store.</summary>
public readonly record struct RebuildProgress(string Projection, long Sequence, long HighWaterMark);

public sealed record RebuildResult(string Projection, long HighWaterMark, TimeSpan Elapsed);

/// <summary>
/// Rebuilding read models from the events with Marten's daemon (<c>ops/caseflow rebuild [NAME]</c>): the projection's
/// documents are cleared and every event replayed; progress is read from Marten's progression table while it runs.
/// Rebuild inline projections with the writers stopped (ADR 0006): Marten does not fence concurrent appends during the
/// switch-over.
/// </summary>
public static class Rebuilding
{
    /// <summary>The projections that can be rebuilt (inline and async; live folds have nothing stored).</summary>
    public static IReadOnlyList<string> Names(CaseFlowApp app) =>
        [.. ((DocumentStore)app.Store).Options.Projections.All.Where(p => p.Lifecycle != ProjectionLifecycle.Live).Select(p => p.Name)];

    public static async Task<RebuildResult> RebuildAsync(CaseFlowApp app, string name, IProgress<RebuildProgress>? progress, CancellationToken ct)
    {
        if (!Names(app).Contains(name))
        {
            throw new KeyNotFoundException(name);
        }

        var started = Stopwatch.StartNew();
        var statistics = await app.Store.Advanced.FetchEventStoreStatistics(token: ct);
        var highWater = statistics.EventSequenceNumber;
        await RebuildWithProgressAsync(app.Store, name, highWater, progress, ct);
        return new RebuildResult(name, highWater, started.Elapsed);
    }

    /// <summary>Marten's daemon rebuilds one projection; its progress is read from the progression table meanwhile.</summary>
    private static async Task RebuildWithProgressAsync(IDocumentStore store, string name, long highWater, IProgress<RebuildProgress>? progress, CancellationToken ct)
    {
        using var daemon = await store.BuildProjectionDaemonAsync(logger: NullLogger.Instance);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var poll = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                try
                {
                    var shards = await store.Advanced.AllProjectionProgress(token: done.Token);
                    var shard = shards.FirstOrDefault(s => s.ShardName.StartsWith(name + ":", StringComparison.Ordinal));
                    progress?.Report(new RebuildProgress(name, shard?.Sequence ?? 0, highWater));
                    await Task.Delay(500, done.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }, CancellationToken.None);
        try
        {
            await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(60), ct);
        }
        finally
        {
            await done.CancelAsync();
            await poll;
        }

        progress?.Report(new RebuildProgress(name, highWater, highWater));
    }

    /// <summary>The schema the request files are rebuilt in, beside the live ones.</summary>
    public const string BesideSchema = "rm_rebuild";

    /// <summary>
    /// Rebuilds the request files (the projection every list, page and report reads) <b>beside</b> the live table while
    /// the app keeps reading and writing it: a second Marten store projects every event into <see cref="BesideSchema"/>;
    /// the requests written meanwhile are folded again; then, for the moment it takes to fold the last few and swap, the
    /// live table is locked (request reads and writes wait), and the new table replaces it in that transaction. Nothing
    /// recorded during the rebuild is lost, and readers never see an empty or half-built table.
    /// </summary>
    public static async Task<RebuildResult> RebuildBesideAsync(CaseFlowApp app, IProgress<RebuildProgress>? progress, CancellationToken ct)
    {
        const string Name = "requests.files";
        var started = Stopwatch.StartNew();
        await ExecuteAsync(app, $"drop schema if exists {BesideSchema} cascade", ct);
        using var beside = new DocumentStore(Options(app));
        await beside.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var from = (await app.Store.Advanced.FetchEventStoreStatistics(token: ct)).EventSequenceNumber;

        await RebuildWithProgressAsync(beside, Name, from, progress, ct);

        // A freshly written table has no statistics and no visibility map: without them the report's index-only scans
        // read the heap and the planner guesses. The live table has both; so must its replacement before the swap.
        await ExecuteAsync(app, $"vacuum (analyze) {BesideSchema}.mt_doc_request_files", ct);

        // Requests written while the rebuild ran are folded again: first with the app running; then, the live table
        // locked (every request write passes through it, so none is in flight), whatever is still behind; then the new
        // table replaces the live one in that transaction. Only this lock is taken: no cycle with a writer's locks.
        await CatchUpAsync(app, beside, null, null, ct);
        await using var connection = await app.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var fence = new Npgsql.NpgsqlCommand($"lock table {MartenSetup.ReadSchema}.mt_doc_request_files in access exclusive mode", connection, transaction))
        {
            await fence.ExecuteNonQueryAsync(ct);
        }

        await CatchUpAsync(app, beside, connection, transaction, ct);
        await using (var swap = new Npgsql.NpgsqlCommand(
            $"drop table {MartenSetup.ReadSchema}.mt_doc_request_files; alter table {BesideSchema}.mt_doc_request_files set schema {MartenSetup.ReadSchema}",
            connection, transaction))
        {
            await swap.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        await ExecuteAsync(app, $"drop schema if exists {BesideSchema} cascade", ct);
        return new RebuildResult(Name, from, started.Elapsed);
    }

    /// <summary>Folds again every request whose new file is missing or behind its stream (by version).</summary>
    private static async Task CatchUpAsync(CaseFlowApp app, DocumentStore beside, Npgsql.NpgsqlConnection? connection, Npgsql.NpgsqlTransaction? transaction, CancellationToken ct)
    {
        var behind = new List<(string Tenant, Guid Stream)>();
        var sql = $"""
            select s.tenant_id, s.id from {MartenSetup.EventSchema}.mt_streams s
              left join {BesideSchema}.mt_doc_request_files f on f.tenant_id = s.tenant_id and f.id = s.id
             where s.type = 'request_file' and (f.id is null or (f.data->>'version')::bigint <> s.version) -- request streams: their aggregate is the file
            """;
        await using (var command = connection is null ? app.DataSource.CreateCommand(sql) : new Npgsql.NpgsqlCommand(sql, connection, transaction))
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                behind.Add((reader.GetString(0), reader.GetGuid(1)));
            }
        }

        foreach (var tenant in behind.GroupBy(w => w.Tenant))
        {
            await using var session = beside.LightweightSession(tenant.Key);
            foreach (var (_, stream) in tenant)
            {
                var events = await session.Events.FetchStreamAsync(stream, token: ct);
                if (RequestFile.Fold(events, app.OutcomePolicies) is { } file)
                {
                    session.Store(file with { Id = stream });
                }
            }

            await session.SaveChangesAsync(ct);
        }
    }

    private static StoreOptions Options(CaseFlowApp app)
    {
        var options = new StoreOptions();
        MartenSetup.ConfigureRequestFilesIn(options, app.DataSource, app.Settings, BesideSchema);
        return options;
    }

    private static async Task ExecuteAsync(CaseFlowApp app, string sql, CancellationToken ct)
    {
        await using var command = app.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct);
    }
}
