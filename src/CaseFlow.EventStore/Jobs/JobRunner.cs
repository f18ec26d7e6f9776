using Microsoft.Extensions.Logging;

namespace CaseFlow.EventStore.Jobs;

/// <summary>What a job handler gets: the claimed job and a way to do its work in one transaction with its completion.</summary>
public sealed class JobContext(EventStore store, ClaimedJob job)
{
    private readonly List<EventSession> _sessions = [];

    public ClaimedJob Job { get; } = job;
    public EventStore Store { get; } = store;

    /// <summary>True once a session opened here has saved (and so marked the job done).</summary>
    public bool Completed => _sessions.Any(s => s.IsSaved);

    /// <summary>
    /// Opens a session whose save also marks the job done (only if the claim still holds). A handler that writes
    /// through this session gets exactly-once effects on the database.
    /// </summary>
    public async Task<EventSession> OpenSessionAsync(CancellationToken ct)
    {
        var session = await Store.OpenSessionAsync(Job.TenantId, ct);
        JobStore.CompleteWithin(session, Job, Store.Clock.GetCurrentInstant());
        _sessions.Add(session);
        return session;
    }
}

public delegate Task JobHandler(JobContext context, CancellationToken ct);

/// <summary>
/// Polls <c>es.jobs</c> and runs due jobs with their handlers. Handlers are registered explicitly by kind; a job of an
/// unknown kind fails (and ends dead) rather than being dropped.
/// </summary>
public sealed class JobRunner(EventStore store, JobStore jobs, IReadOnlyDictionary<string, JobHandler> handlers, ILogger logger)
{
    public string WorkerId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Claims and runs one round of due jobs; returns how many ran (successfully or not).</summary>
    public async Task<int> RunDueAsync(CancellationToken ct, int max = 20)
    {
        await jobs.ReapOrphansAsync(ct);
        var claimed = await jobs.ClaimAsync(WorkerId, max, ct: ct);
        foreach (var job in claimed)
        {
            await RunAsync(job, ct);
        }

        return claimed.Count;
    }

    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (await RunDueAsync(ct) > 0)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Job polling failed; retrying after the poll interval");
            }

            try
            {
                await store.Appended.WaitAsync(PollInterval, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RunAsync(ClaimedJob job, CancellationToken ct)
    {
        if (!handlers.TryGetValue(job.Kind, out var handler))
        {
            await jobs.FailAsync(job, $"no handler for job kind '{job.Kind}'", ct);
            logger.LogError("Job {JobId} has unknown kind {Kind}", job.Id, job.Kind);
            return;
        }

        try
        {
            var context = new JobContext(store, job);
            await handler(context, ct);
            if (!context.Completed)
            {
                await jobs.CompleteAsync(job, ct);
            }
        }
        catch (JobClaimLostException)
        {
            logger.LogWarning("Job {JobId} lost its claim; another worker runs it", job.Id);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            var status = await jobs.FailAsync(job, e.ToString(), ct);
            logger.LogError(e, "Job {JobId} ({Kind}) failed on attempt {Attempt}; now {Status}", job.Id, job.Kind, job.Attempts, status);
        }
    }
}
