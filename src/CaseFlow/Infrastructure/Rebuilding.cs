using System.Diagnostics;
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
        using var daemon = await app.Store.BuildProjectionDaemonAsync(logger: NullLogger.Instance);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var poll = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                try
                {
                    var shards = await app.Store.Advanced.AllProjectionProgress(token: done.Token);
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
            await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(30), ct);
        }
        finally
        {
            await done.CancelAsync();
            await poll;
        }

        progress?.Report(new RebuildProgress(name, highWater, highWater));
        return new RebuildResult(name, highWater, started.Elapsed);
    }
}
