using System.Collections.Concurrent;
using CaseFlow.EventStore.Jobs;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace CaseFlow.EventStore.Tests;

public sealed class JobTests(StoreFixture fx) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task A_job_scheduled_with_events_exists_only_if_they_commit()
    {
        var committed = Guid.CreateVersion7();
        await using (var session = await fx.Store.OpenSessionAsync("jobs"))
        {
            session.StartStream(committed, Counter.StreamType, [new CounterOpened("with job", new LocalDate(2025, 3, 3), fx.Clock.GetCurrentInstant())]);
            session.Schedule(new JobRequest("test.check", $"{{\"counter\":\"{committed}\"}}", fx.Clock.GetCurrentInstant() + Duration.FromDays(1), DedupKey: $"check:{committed}"));
            await session.SaveChangesAsync();
        }

        await using (var abandoned = await fx.Store.OpenSessionAsync("jobs"))
        {
            abandoned.Schedule(new JobRequest("test.check", "{}", fx.Clock.GetCurrentInstant(), DedupKey: "never"));
            // disposed without saving: rolled back
        }

        (await fx.ScalarAsync("select count(*) from es.jobs where dedup_key = $1 and status = 'pending'", $"check:{committed}")).ShouldBe(1);
        (await fx.ScalarAsync("select count(*) from es.jobs where dedup_key = 'never'")).ShouldBe(0);
    }

    [Fact]
    public async Task Scheduling_the_same_dedup_key_twice_keeps_one_job()
    {
        var due = fx.Clock.GetCurrentInstant() + Duration.FromDays(2);
        await fx.Jobs.ScheduleAsync("jobs", new JobRequest("test.once", "{}", due, DedupKey: "once"));
        await fx.Jobs.ScheduleAsync("jobs", new JobRequest("test.once", "{}", due, DedupKey: "once"));
        (await fx.ScalarAsync("select count(*) from es.jobs where dedup_key = 'once'")).ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_workers_claim_every_due_job_exactly_once()
    {
        var tenant = "claims";
        for (var i = 0; i < 300; i++)
        {
            await fx.Jobs.ScheduleAsync(tenant, new JobRequest("test.claim", $"{{\"n\":{i}}}", fx.Clock.GetCurrentInstant() - Duration.FromMinutes(i % 7)));
        }

        var claims = new ConcurrentBag<Guid>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            while (true)
            {
                var batch = await fx.Jobs.ClaimAsync($"worker-{w}", 5);
                if (batch.Count == 0)
                {
                    return;
                }

                foreach (var job in batch)
                {
                    if (job.TenantId == tenant)
                    {
                        claims.Add(job.Id);
                    }

                    await fx.Jobs.CompleteAsync(job);
                }
            }
        })));

        claims.Count.ShouldBe(300);
        claims.Distinct().Count().ShouldBe(300);
        (await fx.ScalarAsync("select count(*) from es.jobs where tenant_id = $1 and status = 'done' and attempts = 1", tenant)).ShouldBe(300);
    }

    [Fact]
    public async Task A_failing_job_is_retried_with_backoff_and_ends_dead_after_its_last_attempt()
    {
        var tenant = "retry";
        await fx.Jobs.ScheduleAsync(tenant, new JobRequest("test.fail", "{}", fx.Clock.GetCurrentInstant(), DedupKey: "fail-me", MaxAttempts: 3));
        var failures = new List<(JobStatus Status, Instant DueAt)>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var job = (await fx.Jobs.ClaimAsync("worker", 50)).Single(j => j.DedupKey == "fail-me");
            job.Attempts.ShouldBe(attempt);
            failures.Add((await fx.Jobs.FailAsync(job, $"boom {attempt}"), fx.Clock.GetCurrentInstant()));
            (await fx.Jobs.ClaimAsync("worker", 50)).ShouldNotContain(j => j.DedupKey == "fail-me"); // not due yet
            fx.Clock.Advance(JobStore.Backoff(attempt) + Duration.FromSeconds(1));
        }

        failures.Select(f => f.Status).ShouldBe([JobStatus.Pending, JobStatus.Pending, JobStatus.Dead]);
        JobStore.Backoff(1).ShouldBe(Duration.FromSeconds(10));
        JobStore.Backoff(2).ShouldBe(Duration.FromSeconds(20));
        var row = (await fx.Jobs.ListAsync(tenant, JobStatus.Dead)).Single();
        row.LastError.ShouldBe("boom 3");
        row.Attempts.ShouldBe(3);
    }

    [Fact]
    public async Task The_reaper_returns_a_crashed_workers_job_and_the_late_worker_cannot_complete_it()
    {
        var tenant = "orphans";
        await fx.Jobs.ScheduleAsync(tenant, new JobRequest("test.orphan", "{}", fx.Clock.GetCurrentInstant(), DedupKey: "orphan"));
        var crashed = (await fx.Jobs.ClaimAsync("crashed-worker", 50, Duration.FromMinutes(1))).Single(j => j.DedupKey == "orphan");

        fx.Clock.Advance(Duration.FromMinutes(2));
        (await fx.Jobs.ReapOrphansAsync()).ShouldBeGreaterThanOrEqualTo(1);
        var rescued = (await fx.Jobs.ClaimAsync("healthy-worker", 50)).Single(j => j.DedupKey == "orphan");
        rescued.Attempts.ShouldBe(2);

        await Should.ThrowAsync<JobClaimLostException>(() => fx.Jobs.CompleteAsync(crashed));
        await fx.Jobs.CompleteAsync(rescued);
        (await fx.Jobs.ListAsync(tenant, JobStatus.Done)).Single().LastError!.ShouldContain("crashed-worker");
    }

    [Fact]
    public async Task The_runner_does_a_jobs_work_and_its_completion_in_one_transaction()
    {
        var tenant = "runner";
        var counter = await fx.OpenCounterAsync(tenant);
        await fx.Jobs.ScheduleAsync(tenant, new JobRequest("test.increment", $"\"{counter}\"", fx.Clock.GetCurrentInstant(), DedupKey: "runner-ok"));
        await fx.Jobs.ScheduleAsync(tenant, new JobRequest("test.broken", "{}", fx.Clock.GetCurrentInstant(), DedupKey: "runner-broken"));
        await fx.Jobs.ScheduleAsync(tenant, new JobRequest("test.unknown-kind", "{}", fx.Clock.GetCurrentInstant(), DedupKey: "runner-unknown"));
        var handlers = new Dictionary<string, JobHandler>
        {
            ["test.increment"] = async (context, ct) =>
            {
                var id = Guid.Parse(System.Text.Json.JsonSerializer.Deserialize<string>(context.Job.PayloadJson)!);
                await fx.Pipeline.ExecuteAsync(fx.Increment(context.Job.TenantId, id, 10), context.OpenSessionAsync, ct);
            },
            ["test.broken"] = (_, _) => throw new InvalidOperationException("handler bug"),
        };
        var runner = new JobRunner(fx.Store, fx.Jobs, handlers, NullLogger.Instance);

        await runner.RunDueAsync(CancellationToken.None);

        (await fx.Store.AggregateStreamAsync(tenant, counter, Counter.Initial, Counter.Evolve)).State.Total.ShouldBe(10);
        (await fx.ScalarAsync("select count(*) from es.jobs where dedup_key = 'runner-ok' and status = 'done'")).ShouldBe(1);
        (await fx.ScalarAsync("select count(*) from es.jobs where dedup_key = 'runner-broken' and status = 'pending' and last_error like '%handler bug%'")).ShouldBe(1);
        (await fx.ScalarAsync("select count(*) from es.jobs where dedup_key = 'runner-unknown' and status = 'pending' and last_error like '%no handler%'")).ShouldBe(1);

        // Running again does not repeat the completed job.
        await runner.RunDueAsync(CancellationToken.None);
        (await fx.Store.AggregateStreamAsync(tenant, counter, Counter.Initial, Counter.Evolve)).State.Total.ShouldBe(10);
    }
}
