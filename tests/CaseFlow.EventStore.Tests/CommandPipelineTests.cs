using CaseFlow.EventStore.Commands;
using NodaTime;

namespace CaseFlow.EventStore.Tests;

public sealed class CommandPipelineTests(StoreFixture fx) : IClassFixture<StoreFixture>
{
    private const string Tenant = "agency-p";

    [Fact]
    public async Task Concurrent_commands_on_one_stream_queue_on_its_lock_and_all_land()
    {
        var id = await fx.OpenCounterAsync(Tenant);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 40).Select(i => fx.Pipeline.ExecuteAsync(fx.Increment(Tenant, id, i))));

        outcomes.ShouldAllBe(o => o is CommandOutcome.Applied);
        outcomes.Select(o => o.Version).Order().ShouldBe(Enumerable.Range(2, 40).Select(v => (long)v));
        var (state, version) = await fx.Store.AggregateStreamAsync(Tenant, id, Counter.Initial, Counter.Evolve);
        version.ShouldBe(41);
        state.Total.ShouldBe(Enumerable.Range(1, 40).Sum());
        var summary = await fx.InlineSummary.LoadAsync(fx.Store.DataSource, fx.Store.Registry.Json, Tenant, id);
        summary!.Total.ShouldBe(state.Total);
        summary.Increments.ShouldBe(40);
    }

    [Fact]
    public async Task A_stale_If_Match_is_a_precondition_failure_and_appends_nothing()
    {
        var id = await fx.OpenCounterAsync(Tenant);
        await fx.Pipeline.ExecuteAsync(fx.Increment(Tenant, id));

        var stale = await fx.Pipeline.ExecuteAsync(fx.Increment(Tenant, id, 9, ifMatch: 1));
        var rejected = stale.ShouldBeOfType<CommandOutcome.Rejected>();
        rejected.Kind.ShouldBe(RejectionKind.PreconditionFailed);
        rejected.Code.ShouldBe("version.mismatch");
        rejected.Version.ShouldBe(2);

        var fresh = await fx.Pipeline.ExecuteAsync(fx.Increment(Tenant, id, 9, ifMatch: 2));
        fresh.ShouldBeOfType<CommandOutcome.Applied>().Version.ShouldBe(3);
    }

    [Fact]
    public async Task A_missing_stream_is_not_found()
    {
        var outcome = await fx.Pipeline.ExecuteAsync(fx.Increment(Tenant, Guid.CreateVersion7()));
        var rejected = outcome.ShouldBeOfType<CommandOutcome.Rejected>();
        rejected.Kind.ShouldBe(RejectionKind.NotFound);
        rejected.Code.ShouldBe("counter.not-found");
    }

    [Fact]
    public async Task A_rule_rejection_carries_its_code_and_rolls_everything_back()
    {
        var id = await fx.OpenCounterAsync(Tenant);
        await using (var session = await fx.Store.OpenSessionAsync(Tenant))
        {
            session.Append(id, Counter.StreamType, [new CounterClosed(new LocalDate(2025, 3, 5))]);
            await session.SaveChangesAsync();
        }

        var outcome = await fx.Pipeline.ExecuteAsync(fx.Increment(Tenant, id, commandId: "closed-increment"));

        var rejected = outcome.ShouldBeOfType<CommandOutcome.Rejected>();
        rejected.Code.ShouldBe("counter.closed");
        rejected.Kind.ShouldBe(RejectionKind.Rule);
        (await fx.Store.FetchStreamAsync(Tenant, id)).Count.ShouldBe(2);
        (await fx.ScalarAsync("select count(*) from es.commands where id = 'closed-increment'")).ShouldBe(0);
    }

    [Fact]
    public async Task A_command_id_applied_once_is_answered_from_the_record_and_appends_nothing_again()
    {
        var id = await fx.OpenCounterAsync(Tenant);
        var command = fx.Increment(Tenant, id, 3, commandId: $"inc-{id}") with { Result = applied => $"{{\"version\":{applied.Version}}}" };

        var first = await fx.Pipeline.ExecuteAsync(command);
        var second = await fx.Pipeline.ExecuteAsync(command);

        first.ShouldBeOfType<CommandOutcome.Applied>().Version.ShouldBe(2);
        var repeat = second.ShouldBeOfType<CommandOutcome.AlreadyApplied>();
        repeat.Version.ShouldBe(2);
        repeat.ResultJson.ShouldBe("{\"version\": 2}");
        (await fx.Store.FetchStreamAsync(Tenant, id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_same_command_id_sent_concurrently_is_applied_exactly_once()
    {
        var id = await fx.OpenCounterAsync(Tenant);
        var command = fx.Increment(Tenant, id, 1, commandId: $"dup-{id}");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => fx.Pipeline.ExecuteAsync(command)));

        outcomes.Count(o => o is CommandOutcome.Applied).ShouldBe(1);
        outcomes.Count(o => o is CommandOutcome.AlreadyApplied).ShouldBe(11);
        (await fx.Store.FetchStreamAsync(Tenant, id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_create_command_on_an_existing_stream_is_a_conflict()
    {
        var id = await fx.OpenCounterAsync(Tenant);
        var create = new WriteCommand(Tenant,
            [StreamDecider.For(id, Counter.StreamType, StreamRule.MustBeNew, Counter.Initial, Counter.Evolve,
                _ => Decision.Accept(new CounterOpened("dup", new LocalDate(2025, 3, 3), Instant.FromUtc(2025, 3, 3, 0, 0))))],
            EventMetadata.None);

        var outcome = await fx.Pipeline.ExecuteAsync(create);

        var rejected = outcome.ShouldBeOfType<CommandOutcome.Rejected>();
        rejected.Kind.ShouldBe(RejectionKind.Conflict);
        rejected.Code.ShouldBe("counter.already-exists");
    }

    [Fact]
    public async Task A_decision_with_no_events_is_unchanged_not_an_error()
    {
        var id = await fx.OpenCounterAsync(Tenant);
        var noop = new WriteCommand(Tenant,
            [StreamDecider.For(id, Counter.StreamType, StreamRule.MustExist, Counter.Initial, Counter.Evolve, _ => Decision.NoChange)],
            EventMetadata.None);

        var outcome = await fx.Pipeline.ExecuteAsync(noop);

        outcome.ShouldBeOfType<CommandOutcome.Unchanged>().Version.ShouldBe(1);
    }

    [Fact]
    public async Task A_command_writing_two_streams_commits_both_or_neither()
    {
        var a = await fx.OpenCounterAsync(Tenant);
        var b = await fx.OpenCounterAsync(Tenant);
        await using (var session = await fx.Store.OpenSessionAsync(Tenant))
        {
            session.Append(b, Counter.StreamType, [new CounterClosed(new LocalDate(2025, 3, 5))]);
            await session.SaveChangesAsync();
        }

        var on = new LocalDate(2025, 3, 6);
        var both = new WriteCommand(Tenant,
        [
            StreamDecider.For(a, Counter.StreamType, StreamRule.MustExist, Counter.Initial, Counter.Evolve, s => Counter.Increment(s, 1, on)),
            StreamDecider.For(b, Counter.StreamType, StreamRule.MustExist, Counter.Initial, Counter.Evolve, s => Counter.Increment(s, 1, on)),
        ], EventMetadata.None);

        (await fx.Pipeline.ExecuteAsync(both)).ShouldBeOfType<CommandOutcome.Rejected>().Code.ShouldBe("counter.closed");
        (await fx.Store.FetchStreamAsync(Tenant, a)).Count.ShouldBe(1);
        (await fx.Store.FetchStreamAsync(Tenant, b)).Count.ShouldBe(2);
    }
}
