using NodaTime;
using Npgsql;

namespace CaseFlow.EventStore.Jobs;

/// <summary>A job to run at <see cref="DueAt"/>. With a <see cref="DedupKey"/>, scheduling it twice keeps one row.</summary>
public sealed record JobRequest(string Kind, string PayloadJson, Instant DueAt, string? DedupKey = null, int MaxAttempts = 8);

/// <summary>A job a worker has claimed: it holds the lease until <see cref="LockedUntil"/>.</summary>
public sealed record ClaimedJob(string TenantId, Guid Id, string Kind, string PayloadJson, Instant DueAt, int Attempts, int MaxAttempts, string? DedupKey, string WorkerId, Instant LockedUntil);

public enum JobStatus
{
    Pending,
    Running,
    Done,
    Dead,
    Cancelled,
}

/// <summary>A row of <c>es.jobs</c> as shown to administrators.</summary>
public sealed record JobRow(string TenantId, Guid Id, string Kind, string PayloadJson, Instant DueAt, JobStatus Status, int Attempts, int MaxAttempts, string? LockedBy, string? LastError, string? DedupKey, Instant? CompletedAt);

/// <summary>
/// Durable scheduled jobs in <c>es.jobs</c> (design decision 4). Jobs are inserted in the same transaction as the
/// events that create them (<see cref="EventSession.Schedule"/>), claimed with <c>FOR UPDATE SKIP LOCKED</c> so any number
/// of workers can poll without a leader, completed in the same transaction as their work (conditional on still holding
/// the claim), retried with exponential backoff, and parked as dead after their last attempt. A reaper returns the jobs
/// of crashed workers (expired leases) to the queue.
/// </summary>
public sealed class JobStore(NpgsqlDataSource dataSource, IClock clock)
{
    public static readonly Duration DefaultLease = Duration.FromMinutes(5);

    public static NpgsqlBatchCommand InsertCommand(string tenantId, JobRequest job) =>
        Db.BatchCommand(
            """
            insert into es.jobs (tenant_id, id, kind, payload, due_at, max_attempts, dedup_key)
            values ($1, $2, $3, $4, $5, $6, $7)
            on conflict (tenant_id, dedup_key) where dedup_key is not null do nothing
            """,
            Db.Param(tenantId), Db.Param(Guid.CreateVersion7()), Db.Param(job.Kind), Db.Jsonb(job.PayloadJson),
            Db.Timestamp(job.DueAt), Db.Param(job.MaxAttempts), Db.Param(job.DedupKey, NpgsqlTypes.NpgsqlDbType.Text));

    /// <summary>Schedules a job on its own (outside any event append).</summary>
    public async Task ScheduleAsync(string tenantId, JobRequest job, CancellationToken ct = default)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(InsertCommand(tenantId, job));
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Claims up to <paramref name="max"/> due jobs for this worker, in a short transaction of its own.</summary>
    public async Task<IReadOnlyList<ClaimedJob>> ClaimAsync(string workerId, int max, Duration? lease = null, CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        var until = now + (lease ?? DefaultLease);
        await using var command = dataSource.CreateCommand(
            """
            with next as (
              select tenant_id, id from es.jobs
               where status = 'pending' and due_at <= $1
               order by due_at
               limit $2
                 for update skip locked)
            update es.jobs j
               set status = 'running', attempts = j.attempts + 1, locked_by = $3, locked_until = $4
              from next
             where j.tenant_id = next.tenant_id and j.id = next.id
            returning j.tenant_id, j.id, j.kind, j.payload::text, j.due_at, j.attempts, j.max_attempts, j.dedup_key
            """);
        command.Parameters.Add(Db.Timestamp(now));
        command.Parameters.Add(Db.Param(max));
        command.Parameters.Add(Db.Param(workerId));
        command.Parameters.Add(Db.Timestamp(until));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var jobs = new List<ClaimedJob>();
        while (await reader.ReadAsync(ct))
        {
            jobs.Add(new ClaimedJob(reader.GetString(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetInstant(4),
                reader.GetInt32(5), reader.GetInt32(6), reader.GetStringOrNull(7), workerId, until));
        }

        return jobs.OrderBy(j => j.DueAt).ToList();
    }

    /// <summary>
    /// Marks the job done inside <paramref name="session"/>'s transaction, only if this worker still holds the claim;
    /// otherwise the save fails with <see cref="JobClaimLostException"/> and everything the job did rolls back.
    /// </summary>
    public static void CompleteWithin(EventSession session, ClaimedJob job, Instant now) =>
        session.Enqueue(Db.BatchCommand(
            """
            with done as (
              update es.jobs set status = 'done', completed_at = $4, locked_by = null, locked_until = null
               where tenant_id = $1 and id = $2 and locked_by = $3 and status = 'running'
              returning 1)
            select es.expect_rows((select count(*) from done)::int, 1, 'CF412', 'the claim on job ' || $2::text || ' was lost')
            """,
            Db.Param(job.TenantId), Db.Param(job.Id), Db.Param(job.WorkerId), Db.Timestamp(now)));

    /// <summary>Completes a job that wrote nothing else.</summary>
    public async Task CompleteAsync(ClaimedJob job, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            update es.jobs set status = 'done', completed_at = $4, locked_by = null, locked_until = null
             where tenant_id = $1 and id = $2 and locked_by = $3 and status = 'running'
            """);
        command.Parameters.AddRange(new[] { Db.Param(job.TenantId), Db.Param(job.Id), Db.Param(job.WorkerId), Db.Timestamp(clock.GetCurrentInstant()) });
        if (await command.ExecuteNonQueryAsync(ct) != 1)
        {
            throw new JobClaimLostException(job.Id);
        }
    }

    /// <summary>Records a failure: back to pending after a backoff, or dead after the last attempt.</summary>
    public async Task<JobStatus> FailAsync(ClaimedJob job, string error, CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        await using var command = dataSource.CreateCommand(
            """
            update es.jobs
               set status = case when attempts >= max_attempts then 'dead' else 'pending' end,
                   due_at = case when attempts >= max_attempts then due_at else $4 end,
                   last_error = $5, locked_by = null, locked_until = null
             where tenant_id = $1 and id = $2 and locked_by = $3 and status = 'running'
            returning status
            """);
        command.Parameters.AddRange(new[]
        {
            Db.Param(job.TenantId), Db.Param(job.Id), Db.Param(job.WorkerId), Db.Timestamp(now + Backoff(job.Attempts)), Db.Param(Truncate(error, 4000)),
        });
        var status = (string?)await command.ExecuteScalarAsync(ct);
        return status == "dead" ? JobStatus.Dead : JobStatus.Pending;
    }

    /// <summary>Returns the jobs of workers whose lease expired (crashed or hung) to the queue.</summary>
    public async Task<int> ReapOrphansAsync(CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            update es.jobs
               set status = case when attempts >= max_attempts then 'dead' else 'pending' end,
                   last_error = coalesce(last_error, '') || case when last_error is null then '' else E'\n' end
                                || 'lease of worker ' || locked_by || ' expired',
                   locked_by = null, locked_until = null
             where status = 'running' and locked_until < $1
            """);
        command.Parameters.Add(Db.Timestamp(clock.GetCurrentInstant()));
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Cancels a tenant's pending jobs with the given dedup keys (e.g. reminders that no longer apply).</summary>
    public static NpgsqlBatchCommand CancelCommand(string tenantId, string dedupKeyPrefix) =>
        Db.BatchCommand(
            "update es.jobs set status = 'cancelled' where tenant_id = $1 and status = 'pending' and dedup_key like $2",
            Db.Param(tenantId), Db.Param(EscapeLike(dedupKeyPrefix) + "%"));

    public async Task<IReadOnlyList<JobRow>> ListAsync(string? tenantId, JobStatus? status, int limit = 200, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            select tenant_id, id, kind, payload::text, due_at, status, attempts, max_attempts, locked_by, last_error, dedup_key, completed_at
              from es.jobs
             where ($1::text is null or tenant_id = $1) and ($2::text is null or status = $2)
             order by due_at desc
             limit $3
            """);
        command.Parameters.Add(Db.Param(tenantId, NpgsqlTypes.NpgsqlDbType.Text));
        command.Parameters.Add(Db.Param(status?.ToString().ToLowerInvariant(), NpgsqlTypes.NpgsqlDbType.Text));
        command.Parameters.Add(Db.Param(limit));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<JobRow>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new JobRow(reader.GetString(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetInstant(4),
                Enum.Parse<JobStatus>(reader.GetString(5), ignoreCase: true), reader.GetInt32(6), reader.GetInt32(7),
                reader.GetStringOrNull(8), reader.GetStringOrNull(9), reader.GetStringOrNull(10), reader.GetInstantOrNull(11)));
        }

        return rows;
    }

    /// <summary>10 s, 20 s, 40 s ... capped at one hour.</summary>
    public static Duration Backoff(int attempts) =>
        Duration.FromSeconds(Math.Min(3600, 10 * Math.Pow(2, Math.Max(0, attempts - 1))));

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
