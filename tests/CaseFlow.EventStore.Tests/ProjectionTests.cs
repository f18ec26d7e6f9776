using CaseFlow.EventStore.Projections;
using NodaTime;

namespace CaseFlow.EventStore.Tests;

public sealed class ProjectionTests(StoreFixture fx) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task Every_event_is_projected_exactly_once_while_many_connections_append_at_once()
    {
        var daemon = fx.Daemon();
        using var stop = new CancellationTokenSource();
        // The projector runs throughout, racing the writers: it must never skip an event still in flight.
        var projecting = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await daemon.RunOnceAsync(CancellationToken.None);
            }
        });

        var writers = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            var tenant = $"tenant-{w % 4}";
            var streams = new List<Guid>();
            for (var i = 0; i < 40; i++)
            {
                await using var session = await fx.Store.OpenSessionAsync(tenant);
                if (i % 3 == 0 || streams.Count == 0)
                {
                    var id = Guid.CreateVersion7();
                    streams.Add(id);
                    session.StartStream(id, Counter.StreamType, [new CounterOpened($"w{w}", new LocalDate(2025, 3, 3), Instant.FromUtc(2025, 3, 3, 0, 0))]);
                }
                else
                {
                    var id = streams[i % streams.Count];
                    await session.FetchForWritingAsync(id);
                    session.Append(id, Counter.StreamType, Enumerable.Range(0, 1 + (i % 3)).Select(_ => (object)new CounterIncremented(1, new LocalDate(2025, 3, 4))));
                }

                // Vary transaction length so commit order differs from sequence order.
                if (i % 5 == 0)
                {
                    await Task.Delay(Random.Shared.Next(1, 15));
                }

                await session.SaveChangesAsync();
            }
        })).ToArray();
        await Task.WhenAll(writers);
        await stop.CancelAsync();
        await projecting;
        await daemon.CatchUpAsync(TimeSpan.FromSeconds(60));

        var total = await fx.ScalarAsync("select count(*) from es.events");
        total.ShouldBeGreaterThan(16 * 40);
        (await fx.ScalarAsync("select count(*) from tst.event_ledger")).ShouldBe(total);
        (await fx.ScalarAsync("select count(distinct (tenant_id, seq)) from tst.event_ledger")).ShouldBe(total);
        (await fx.ScalarAsync("select count(*) from es.events e where not exists (select 1 from tst.event_ledger l where l.tenant_id = e.tenant_id and l.seq = e.seq)")).ShouldBe(0);
        // Within every stream, events reached the projection in version order.
        (await fx.ScalarAsync(
            """
            select count(*) from (
              select version, lag(version) over (partition by tenant_id, stream_id order by seq) as previous from tst.event_ledger) v
             where previous is not null and version <> previous + 1
            """)).ShouldBe(0);
        (await fx.ScalarAsync("select count(*) from es.dead_letters")).ShouldBe(0);
    }

    [Fact]
    public async Task Rebuilding_gives_the_same_read_model_as_inline_and_continuous_projection()
    {
        var tenant = "rebuild";
        var ids = new List<Guid>();
        for (var i = 0; i < 25; i++)
        {
            var id = await fx.OpenCounterAsync(tenant, $"counter {i}");
            ids.Add(id);
            for (var k = 0; k < i % 4; k++)
            {
                await fx.Pipeline.ExecuteAsync(fx.Increment(tenant, id, k + 1));
            }
        }

        await fx.Daemon().CatchUpAsync(TimeSpan.FromSeconds(30));
        var inlineBefore = await SnapshotAsync("tst.counter_summary_inline", tenant);
        var asyncBefore = await SnapshotAsync("tst.counter_summary_async", tenant);
        asyncBefore.ShouldBe(inlineBefore);
        inlineBefore.Count.ShouldBe(25);

        var reports = new List<RebuildProgress>();
        var inlineRebuild = await ProjectionRebuilder.RebuildAsync(fx.Store, fx.InlineSummary, new SyncProgress(reports));
        var asyncRebuild = await ProjectionRebuilder.RebuildAsync(fx.Store, fx.AsyncSummary);

        (await SnapshotAsync("tst.counter_summary_inline", tenant)).ShouldBe(inlineBefore);
        (await SnapshotAsync("tst.counter_summary_async", tenant)).ShouldBe(asyncBefore);
        inlineRebuild.EventsApplied.ShouldBe(await fx.ScalarAsync("select count(*) from es.events"));
        asyncRebuild.EventsApplied.ShouldBe(inlineRebuild.EventsApplied);
        reports.ShouldContain(r => r.Switching);
        (await fx.ScalarAsync("select count(*) from pg_tables where tablename like '%\\_\\_rebuild' or tablename like '%\\_\\_old'")).ShouldBe(0);

        // The live async projector continues from where the rebuild switched over.
        await fx.Pipeline.ExecuteAsync(fx.Increment(tenant, ids[0], 100));
        await fx.Daemon().CatchUpAsync(TimeSpan.FromSeconds(30));
        (await fx.ScalarAsync("select total from tst.counter_summary_async where id = $1", ids[0])).ShouldBe(100);
        (await fx.ScalarAsync("select total from tst.counter_summary_inline where id = $1", ids[0])).ShouldBe(100);
    }

    [Fact]
    public async Task A_poison_event_is_parked_as_a_dead_letter_and_the_projector_moves_on_but_a_rebuild_stops()
    {
        await fx.Daemon().CatchUpAsync(TimeSpan.FromSeconds(30));
        var poisoned = await fx.OpenCounterAsync("poison");
        var healthy = await fx.OpenCounterAsync("poison");
        EventLedgerProjection.PoisonStream = poisoned;
        try
        {
            await fx.Daemon().CatchUpAsync(TimeSpan.FromSeconds(30));

            (await fx.ScalarAsync("select count(*) from es.dead_letters where projection = 'test.ledger' and stream_id = $1", poisoned)).ShouldBe(1);
            (await fx.ScalarAsync("select count(*) from tst.event_ledger where stream_id = $1", healthy)).ShouldBe(1);
            (await fx.ScalarAsync("select count(*) from tst.event_ledger where stream_id = $1", poisoned)).ShouldBe(0);

            var ledgerRows = await fx.ScalarAsync("select count(*) from tst.event_ledger");
            await Should.ThrowAsync<InvalidOperationException>(() => ProjectionRebuilder.RebuildAsync(fx.Store, fx.Ledger));
            (await fx.ScalarAsync("select count(*) from tst.event_ledger")).ShouldBe(ledgerRows);
        }
        finally
        {
            EventLedgerProjection.PoisonStream = null;
        }
    }

    [Fact]
    public async Task A_projection_whose_version_is_not_built_is_stale_until_rebuilt()
    {
        await fx.OpenCounterAsync("stale");
        await using (var command = fx.Store.DataSource.CreateCommand("update es.progress set projection_version = 0 where name = 'test.summary-async'"))
        {
            await command.ExecuteNonQueryAsync();
        }

        (await ProjectionTables.StaleAsync(fx.Store)).Select(p => p.Name).ShouldBe(["test.summary-async"]);
        (await new AsyncProjector(fx.Store, fx.AsyncSummary, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance).RunBatchAsync(CancellationToken.None)).ShouldBe(0);

        await fx.Daemon().RebuildStaleAsync(CancellationToken.None);

        (await ProjectionTables.StaleAsync(fx.Store)).ShouldBeEmpty();
        (await fx.ScalarAsync("select count(*) from tst.counter_summary_async")).ShouldBe(await fx.ScalarAsync("select count(*) from tst.counter_summary_inline"));
    }

    private async Task<List<string>> SnapshotAsync(string table, string tenant)
    {
        await using var command = fx.Store.DataSource.CreateCommand($"select id::text || '|' || version || '|' || data::text || '|' || total || '|' || coalesce(last_on::text, '-') from {table} where tenant_id = $1 order by id");
        command.Parameters.Add(Db.Param(tenant));
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private sealed class SyncProgress(List<RebuildProgress> reports) : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value) => reports.Add(value);
    }
}
