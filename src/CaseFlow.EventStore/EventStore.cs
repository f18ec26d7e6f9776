using System.Text.Json;
using CaseFlow.EventStore.Projections;
using CaseFlow.EventStore.Schema;
using CaseFlow.EventStore.Serialization;
using NodaTime;
using Npgsql;

namespace CaseFlow.EventStore;

/// <summary>
/// The entry point, in the role of Marten's <c>DocumentStore</c>: it owns the data source, the event type registry and
/// the projection registry, opens sessions (units of work) and reads streams.
/// </summary>
public sealed class EventStore(NpgsqlDataSource dataSource, EventTypeRegistry registry, ProjectionRegistry projections, IClock clock)
{
    public const string NotifyChannel = "caseflow_events";

    public NpgsqlDataSource DataSource { get; } = dataSource;
    public EventTypeRegistry Registry { get; } = registry;
    public ProjectionRegistry Projections { get; } = projections;
    public IClock Clock { get; } = clock;

    /// <summary>Signalled in-process after every commit that appended events: projectors and job runners wake on it.</summary>
    public WakeUpSignal Appended { get; } = new();

    /// <summary>Applies the event store's migrations, then the given modules', then creates missing projection tables.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(IEnumerable<SchemaModule> modules, CancellationToken ct = default)
    {
        var applied = await SchemaMigrator.MigrateAsync(DataSource, [EventStoreSchema.Module, .. modules], ct);
        await ProjectionTables.EnsureAsync(this, ct);
        return applied;
    }

    public async Task<EventSession> OpenSessionAsync(string tenantId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        var connection = await DataSource.OpenConnectionAsync(ct);
        return new EventSession(this, tenantId, connection);
    }

    /// <summary>A stream's events in order; optionally only up to a version, or only those recorded by an instant.</summary>
    public async Task<IReadOnlyList<RecordedEvent>> FetchStreamAsync(string tenantId, Guid streamId, long? toVersion = null, Instant? recordedBy = null, CancellationToken ct = default)
    {
        await using var connection = await DataSource.OpenConnectionAsync(ct);
        return await FetchStreamAsync(connection, null, tenantId, streamId, toVersion, recordedBy, ct);
    }

    internal async Task<IReadOnlyList<RecordedEvent>> FetchStreamAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string tenantId, Guid streamId, long? toVersion, Instant? recordedBy, CancellationToken ct)
    {
        await using var command = connection.Command(
            $"""
            select {EventColumns} from es.events
             where tenant_id = $1 and stream_id = $2 and not is_archived
               and ($3::bigint is null or version <= $3) and ($4::timestamptz is null or recorded_at <= $4)
             order by version
            """,
            transaction,
            Db.Param(tenantId), Db.Param(streamId), Db.Param(toVersion, NpgsqlTypes.NpgsqlDbType.Bigint),
            Db.Param(recordedBy?.ToDateTimeUtc(), NpgsqlTypes.NpgsqlDbType.TimestampTz));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var events = new List<RecordedEvent>();
        while (await reader.ReadAsync(ct))
        {
            events.Add(ReadEvent(reader, tenantId, streamId));
        }

        return events;
    }

    /// <summary>Live aggregation: folds the stream's events (optionally as of a version or an instant).</summary>
    public async Task<(TState State, long Version)> AggregateStreamAsync<TState>(
        string tenantId, Guid streamId, TState initial, Func<TState, object, TState> evolve,
        long? toVersion = null, Instant? recordedBy = null, CancellationToken ct = default)
    {
        var events = await FetchStreamAsync(tenantId, streamId, toVersion, recordedBy, ct);
        var state = initial;
        foreach (var e in events)
        {
            state = evolve(state, e.Data);
        }

        return (state, events.Count == 0 ? 0 : events[^1].Version);
    }

    public async Task<StreamInfo?> FetchStreamInfoAsync(string tenantId, Guid streamId, CancellationToken ct = default)
    {
        await using var command = DataSource.CreateCommand(
            """
            select s.type, coalesce(e.version, 0), s.is_archived, s.created_at, coalesce(e.recorded_at, s.created_at)
              from es.streams s
              left join lateral (select version, recorded_at from es.events
                                  where tenant_id = s.tenant_id and stream_id = s.id order by version desc limit 1) e on true
             where s.tenant_id = $1 and s.id = $2
            """);
        command.Parameters.Add(Db.Param(tenantId));
        command.Parameters.Add(Db.Param(streamId));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new StreamInfo(tenantId, streamId, reader.GetString(0), reader.GetInt64(1), reader.GetBoolean(2), reader.GetInstant(3), reader.GetInstant(4))
            : null;
    }

    /// <summary>Archives a stream: its events stay stored but leave normal reads, and it refuses appends.</summary>
    public async Task ArchiveStreamAsync(string tenantId, Guid streamId, CancellationToken ct = default)
    {
        await using var connection = await DataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var streams = connection.Command("update es.streams set is_archived = true where tenant_id = $1 and id = $2", tx, Db.Param(tenantId), Db.Param(streamId)))
        {
            if (await streams.ExecuteNonQueryAsync(ct) == 0)
            {
                throw new StreamNotFoundException(streamId);
            }
        }

        await using (var events = connection.Command("update es.events set is_archived = true where tenant_id = $1 and stream_id = $2", tx, Db.Param(tenantId), Db.Param(streamId)))
        {
            await events.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>Wakes projectors in other processes (e.g. a running web app after a CLI import).</summary>
    public async Task NotifyOtherProcessesAsync(CancellationToken ct = default)
    {
        await using var command = DataSource.CreateCommand($"notify {NotifyChannel}");
        await command.ExecuteNonQueryAsync(ct);
    }

    internal const string EventColumns = "seq, tx_id, id, version, type, data::text, metadata::text, recorded_at";

    internal static string EventColumnsOf(string alias) =>
        $"{alias}.seq, {alias}.tx_id, {alias}.id, {alias}.version, {alias}.type, {alias}.data::text, {alias}.metadata::text, {alias}.recorded_at";

    /// <summary>Reads a row selected with <see cref="EventColumns"/>.</summary>
    internal RecordedEvent ReadEvent(NpgsqlDataReader reader, string tenantId, Guid streamId, int offset = 0)
    {
        var type = reader.GetString(offset + 4);
        return new RecordedEvent(
            tenantId,
            reader.GetInt64(offset),
            reader.GetInt64(offset + 1),
            reader.GetGuid(offset + 2),
            streamId,
            reader.GetInt64(offset + 3),
            type,
            Registry.Deserialize(type, reader.GetString(offset + 5)),
            JsonSerializer.Deserialize<EventMetadata>(reader.GetString(offset + 6), Registry.Json) ?? EventMetadata.None,
            reader.GetInstant(offset + 7));
    }
}

/// <summary>An in-process wake-up: waiters get a task that completes at the next signal (or their timeout).</summary>
public sealed class WakeUpSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();

    public void Signal()
    {
        TaskCompletionSource current;
        lock (_lock)
        {
            current = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        current.TrySetResult();
    }

    /// <summary>Completes at the next signal, or after the timeout; true when signalled.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        Task waiter;
        lock (_lock)
        {
            waiter = _next.Task;
        }

        var finished = await Task.WhenAny(waiter, Task.Delay(timeout, ct));
        ct.ThrowIfCancellationRequested();
        return finished == waiter;
    }
}
