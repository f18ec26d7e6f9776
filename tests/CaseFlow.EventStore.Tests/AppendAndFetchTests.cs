using CaseFlow.EventStore.Jobs;
using CaseFlow.EventStore.Schema;
using NodaTime;

namespace CaseFlow.EventStore.Tests;

public sealed class AppendAndFetchTests(StoreFixture fx) : IClassFixture<StoreFixture>
{
    private const string Tenant = "agency-a";

    [Fact]
    public async Task Appended_events_read_back_in_order_with_versions_metadata_and_NodaTime_values_intact()
    {
        var id = Guid.CreateVersion7();
        var openedAt = Instant.FromUtc(2025, 3, 3, 1, 2, 3) + Duration.FromTicks(4567);
        await using (var session = await fx.Store.OpenSessionAsync(Tenant))
        {
            session.Metadata = new EventMetadata(Actor: "officer-1", CorrelationId: "corr-1");
            session.StartStream(id, Counter.StreamType, [new CounterOpened("甲", new LocalDate(2024, 2, 29), openedAt), new CounterIncremented(3, new LocalDate(2024, 12, 31))]);
            var appended = await session.SaveChangesAsync();
            appended.Single().Version.ShouldBe(2);
        }

        var events = await fx.Store.FetchStreamAsync(Tenant, id);
        events.Select(e => e.Version).ShouldBe([1, 2]);
        events[0].Data.ShouldBe(new CounterOpened("甲", new LocalDate(2024, 2, 29), openedAt));
        events[1].Data.ShouldBe(new CounterIncremented(3, new LocalDate(2024, 12, 31)));
        events[0].Type.ShouldBe("test.counter-opened.v1");
        events[0].Metadata.Actor.ShouldBe("officer-1");
        events[0].Metadata.CorrelationId.ShouldBe("corr-1");
        events[0].Seq.ShouldBeLessThan(events[1].Seq);
        events[0].RecordedAt.ShouldBe(fx.Clock.GetCurrentInstant());
        (await fx.Store.FetchStreamInfoAsync(Tenant, id))!.Version.ShouldBe(2);
    }

    [Fact]
    public async Task The_stored_type_is_the_registered_alias_never_the_CLR_name()
    {
        var id = await fx.OpenCounterAsync(Tenant);
        (await fx.ScalarAsync("select count(*) from es.events where stream_id = $1 and type = 'test.counter-opened.v1'", id)).ShouldBe(1);
        (await fx.ScalarAsync("select count(*) from es.events where stream_id = $1 and type like '%CounterOpened%'", id)).ShouldBe(0);
    }

    [Fact]
    public async Task A_stream_folds_as_of_a_version_and_as_of_a_recorded_instant()
    {
        var id = await fx.OpenCounterAsync(Tenant);
        var firstRecorded = fx.Clock.GetCurrentInstant();
        fx.Clock.Advance(Duration.FromHours(1));
        await fx.Pipeline.ExecuteAsync(fx.Increment(Tenant, id, 5));
        fx.Clock.Advance(Duration.FromHours(1));
        await fx.Pipeline.ExecuteAsync(fx.Increment(Tenant, id, 7));

        (await fx.Store.AggregateStreamAsync(Tenant, id, Counter.Initial, Counter.Evolve)).State.Total.ShouldBe(12);
        (await fx.Store.AggregateStreamAsync(Tenant, id, Counter.Initial, Counter.Evolve, toVersion: 2)).State.Total.ShouldBe(5);
        var asOfStart = await fx.Store.AggregateStreamAsync(Tenant, id, Counter.Initial, Counter.Evolve, recordedBy: firstRecorded);
        asOfStart.State.Total.ShouldBe(0);
        asOfStart.Version.ShouldBe(1);
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_typed_conflict_and_nothing_is_overwritten()
    {
        var id = await fx.OpenCounterAsync(Tenant);
        await fx.Pipeline.ExecuteAsync(fx.Increment(Tenant, id));

        await using (var stale = await fx.Store.OpenSessionAsync(Tenant))
        {
            stale.Append(id, Counter.StreamType, ExpectedVersion.Exactly(1), [new CounterIncremented(100, new LocalDate(2025, 3, 4))]);
            var conflict = await Should.ThrowAsync<ConcurrencyException>(() => stale.SaveChangesAsync());
            conflict.Actual.ShouldBe(2);
            conflict.StreamId.ShouldBe(id);
        }

        var events = await fx.Store.FetchStreamAsync(Tenant, id);
        events.Count.ShouldBe(2);
        events.OfType<RecordedEvent>().Select(e => e.Data).OfType<CounterIncremented>().Sum(i => i.By).ShouldBe(1);
    }

    [Fact]
    public async Task Starting_an_existing_stream_fails_and_concurrent_creators_leave_exactly_one_stream()
    {
        var id = await fx.OpenCounterAsync(Tenant);
        await using (var again = await fx.Store.OpenSessionAsync(Tenant))
        {
            again.StartStream(id, Counter.StreamType, [new CounterOpened("again", new LocalDate(2025, 3, 3), fx.Clock.GetCurrentInstant())]);
            await Should.ThrowAsync<StreamAlreadyExistsException>(() => again.SaveChangesAsync());
        }

        var contested = Guid.CreateVersion7();
        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            await using var session = await fx.Store.OpenSessionAsync(Tenant);
            session.StartStream(contested, Counter.StreamType, [new CounterOpened($"creator {i}", new LocalDate(2025, 3, 3), fx.Clock.GetCurrentInstant())]);
            try
            {
                await session.SaveChangesAsync();
                return true;
            }
            catch (StreamAlreadyExistsException)
            {
                return false;
            }
        }));

        attempts.Count(won => won).ShouldBe(1);
        (await fx.Store.FetchStreamAsync(Tenant, contested)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Tenants_are_isolated_even_for_the_same_stream_id()
    {
        var id = Guid.CreateVersion7();
        foreach (var tenant in new[] { "agency-x", "agency-y" })
        {
            await using var session = await fx.Store.OpenSessionAsync(tenant);
            session.StartStream(id, Counter.StreamType, [new CounterOpened(tenant, new LocalDate(2025, 3, 3), fx.Clock.GetCurrentInstant())]);
            await session.SaveChangesAsync();
        }

        ((CounterOpened)(await fx.Store.FetchStreamAsync("agency-x", id)).Single().Data).Name.ShouldBe("agency-x");
        ((CounterOpened)(await fx.Store.FetchStreamAsync("agency-y", id)).Single().Data).Name.ShouldBe("agency-y");
    }

    [Fact]
    public async Task An_archived_stream_leaves_normal_reads_and_refuses_appends()
    {
        var id = await fx.OpenCounterAsync(Tenant);
        await fx.Store.ArchiveStreamAsync(Tenant, id);

        (await fx.Store.FetchStreamAsync(Tenant, id)).ShouldBeEmpty();
        await using var session = await fx.Store.OpenSessionAsync(Tenant);
        session.Append(id, Counter.StreamType, [new CounterIncremented(1, new LocalDate(2025, 3, 4))]);
        await Should.ThrowAsync<StreamArchivedException>(() => session.SaveChangesAsync());
    }

    [Fact]
    public async Task A_failed_transaction_leaves_no_events_no_stream_and_no_job()
    {
        var id = Guid.CreateVersion7();
        await using (var session = await fx.Store.OpenSessionAsync(Tenant))
        {
            session.StartStream(id, Counter.StreamType, [new CounterOpened("doomed", new LocalDate(2025, 3, 3), fx.Clock.GetCurrentInstant())]);
            session.Schedule(new JobRequest("test.remind", "{}", fx.Clock.GetCurrentInstant(), DedupKey: $"doomed:{id}"));
            // A write that must touch one row but touches none fails the whole unit of work.
            session.Enqueue(Db.BatchCommand(
                """
                with touched as (update es.progress set updated_at = now() where name = 'no such projection' returning 1)
                select es.expect_rows((select count(*) from touched)::int, 1, 'CF499', 'expected one row')
                """));
            (await Should.ThrowAsync<EventStoreWriteException>(() => session.SaveChangesAsync())).SqlState.ShouldBe("CF499");
        }

        (await fx.ScalarAsync("select count(*) from es.events where stream_id = $1", id)).ShouldBe(0);
        (await fx.ScalarAsync("select count(*) from es.streams where id = $1", id)).ShouldBe(0);
        (await fx.ScalarAsync("select count(*) from es.jobs where dedup_key = $1", $"doomed:{id}")).ShouldBe(0);
        (await fx.ScalarAsync("select count(*) from tst.counter_summary_inline where id = $1", id)).ShouldBe(0);
    }

    [Fact]
    public async Task Blind_appends_check_versions_existence_type_and_archiving_in_the_database()
    {
        const string Plain = "plain-counter"; // no inline projection: appends go through es.append
        var id = Guid.CreateVersion7();
        var on = new LocalDate(2025, 3, 4);

        async Task<IReadOnlyList<AppendedStream>> AppendAsync(string type, ExpectedVersion expected, int events = 1)
        {
            await using var session = await fx.Store.OpenSessionAsync(Tenant);
            session.Append(id, type, expected, Enumerable.Range(0, events).Select(_ => (object)new CounterIncremented(1, on)));
            return await session.SaveChangesAsync();
        }

        (await Should.ThrowAsync<StreamNotFoundException>(() => AppendAsync(Plain, ExpectedVersion.Exactly(3)))).StreamId.ShouldBe(id);
        (await AppendAsync(Plain, ExpectedVersion.Any, 2)).Single().Version.ShouldBe(2);
        (await AppendAsync(Plain, ExpectedVersion.Exactly(2))).Single().Version.ShouldBe(3);
        var conflict = await Should.ThrowAsync<ConcurrencyException>(() => AppendAsync(Plain, ExpectedVersion.Exactly(2)));
        conflict.Actual.ShouldBe(3);
        conflict.StreamId.ShouldBe(id);
        (await Should.ThrowAsync<StreamAlreadyExistsException>(() => AppendAsync(Plain, ExpectedVersion.New))).StreamId.ShouldBe(id);
        await Should.ThrowAsync<StreamTypeMismatchException>(() => AppendAsync("another-type", ExpectedVersion.Any));
        await fx.Store.ArchiveStreamAsync(Tenant, id);
        await Should.ThrowAsync<StreamArchivedException>(() => AppendAsync(Plain, ExpectedVersion.Any));

        (await fx.ScalarAsync("select max(version) from es.events where stream_id = $1", id)).ShouldBe(3);
        (await fx.ScalarAsync("select count(*) from es.events where stream_id = $1", id)).ShouldBe(3);
    }

    [Fact]
    public async Task One_session_appends_to_several_streams_atomically()
    {
        var existing = await fx.OpenCounterAsync(Tenant);
        var fresh = Guid.CreateVersion7();
        var blind = Guid.CreateVersion7();
        await using (var session = await fx.Store.OpenSessionAsync(Tenant))
        {
            await session.FetchForWritingAsync(existing);
            session.Append(existing, Counter.StreamType, [new CounterIncremented(2, new LocalDate(2025, 3, 4))]);
            session.StartStream(fresh, Counter.StreamType, [new CounterOpened("fresh", new LocalDate(2025, 3, 4), fx.Clock.GetCurrentInstant())]);
            session.Append(blind, "plain-counter", [new CounterIncremented(1, new LocalDate(2025, 3, 4)), new CounterIncremented(1, new LocalDate(2025, 3, 4))]);
            var appended = await session.SaveChangesAsync();
            appended.Select(a => (a.StreamId, a.Version)).ShouldBe([(existing, 2L), (fresh, 1L), (blind, 2L)], ignoreOrder: true);
        }

        (await fx.Store.FetchStreamAsync(Tenant, existing)).Count.ShouldBe(2);
        (await fx.Store.FetchStreamAsync(Tenant, fresh)).Count.ShouldBe(1);
        (await fx.Store.FetchStreamAsync(Tenant, blind)).Select(e => e.Version).ShouldBe([1, 2]);
        (await fx.InlineSummary.LoadAsync(fx.Store.DataSource, fx.Store.Registry.Json, Tenant, existing))!.Total.ShouldBe(2);
    }

    [Fact]
    public async Task The_inline_projection_commits_with_the_append()
    {
        var id = await fx.OpenCounterAsync(Tenant, "inline");
        await fx.Pipeline.ExecuteAsync(fx.Increment(Tenant, id, 4));

        var summary = await fx.InlineSummary.LoadAsync(fx.Store.DataSource, fx.Store.Registry.Json, Tenant, id);
        summary.ShouldBe(new CounterSummary("inline", 4, 1, new LocalDate(2025, 3, 4), false));
        (await fx.ScalarAsync("select version from tst.counter_summary_inline where id = $1", id)).ShouldBe(2);
    }

    [Fact]
    public async Task Migrations_are_idempotent_and_record_the_schema_version()
    {
        var applied = await fx.Store.MigrateAsync([Counter.Schema]);
        applied.ShouldBeEmpty();
        (await SchemaMigrator.SchemaVersionAsync(fx.Store.DataSource, EventStoreSchema.ModuleName)).ShouldBe(EventStoreSchema.Module.Migrations.Max(m => m.Version));
    }
}
