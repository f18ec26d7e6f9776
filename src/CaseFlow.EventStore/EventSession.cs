using System.Text.Json;
using System.Text.RegularExpressions;
using CaseFlow.EventStore.Jobs;
using CaseFlow.EventStore.Projections;
using NodaTime;
using Npgsql;

namespace CaseFlow.EventStore;

/// <summary>A stream locked for writing in this session: its row (null when it does not exist yet) and its events.</summary>
public sealed record StreamForWriting(Guid StreamId, StreamInfo? Info, IReadOnlyList<RecordedEvent> Events)
{
    public bool Exists => Info is not null;
    public long Version => Info?.Version ?? 0;

    public TState Fold<TState>(TState initial, Func<TState, object, TState> evolve)
    {
        var state = initial;
        foreach (var e in Events)
        {
            state = evolve(state, e.Data);
        }

        return state;
    }
}

/// <summary>A command id found already applied: the stream, version and result it recorded.</summary>
public sealed record AppliedCommand(Guid StreamId, long Version, string? ResultJson);

/// <summary>
/// A unit of work over one connection and one transaction, in the role of Marten's <c>IDocumentSession</c>:
/// lock streams (<see cref="FetchForWritingAsync(Guid, CancellationToken)"/>), queue appends, scheduled jobs, command
/// records and other writes, then <see cref="SaveChangesAsync"/> appends, runs inline projections and commits, all in
/// one transaction and, when it can, one round trip. Disposing without saving rolls everything back.
/// </summary>
public sealed partial class EventSession : IAsyncDisposable
{
    private readonly EventStore _store;
    private readonly Dictionary<Guid, StreamForWriting> _locked = [];
    private readonly List<PendingStream> _pending = [];
    private readonly List<NpgsqlBatchCommand> _writes = [];
    private NpgsqlTransaction? _transaction;
    private bool _saved;

    internal EventSession(EventStore store, string tenantId, NpgsqlConnection connection)
    {
        _store = store;
        TenantId = tenantId;
        Connection = connection;
    }

    public string TenantId { get; }
    public NpgsqlConnection Connection { get; }

    /// <summary>
    /// The session's transaction, begun on first use (a lock, a read, or the caller's own statements). A session that
    /// only appends never begins one: its single batch runs as one implicit transaction.
    /// </summary>
    public NpgsqlTransaction Transaction => _transaction ??= Connection.BeginTransaction();

    /// <summary>Stamped on every event appended by this session.</summary>
    public EventMetadata Metadata { get; set; } = EventMetadata.None;

    public bool HasChanges => _pending.Count > 0 || _writes.Count > 0;

    public bool IsSaved => _saved;

    public async Task<StreamForWriting> FetchForWritingAsync(Guid streamId, CancellationToken ct = default) =>
        (await FetchForWritingAsync([streamId], ct))[streamId];

    /// <summary>
    /// Locks the streams' rows (in id order, so two sessions never deadlock on them) and loads their events, in one
    /// round trip. Writers of the same stream queue here instead of failing later.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, StreamForWriting>> FetchForWritingAsync(IReadOnlyCollection<Guid> streamIds, CancellationToken ct = default) =>
        (await FetchAsync(streamIds, null, ct)).Item1;

    /// <summary>
    /// As <see cref="FetchForWritingAsync(IReadOnlyCollection{Guid}, CancellationToken)"/>, and in the same round trip,
    /// after the locks are held, whether <paramref name="commandId"/> was already applied.
    /// </summary>
    public Task<(IReadOnlyDictionary<Guid, StreamForWriting> Streams, AppliedCommand? Applied)> FetchForCommandAsync(
        IReadOnlyCollection<Guid> streamIds, string commandId, CancellationToken ct = default) =>
        FetchAsync(streamIds, commandId, ct);

    private async Task<(IReadOnlyDictionary<Guid, StreamForWriting>, AppliedCommand?)> FetchAsync(IReadOnlyCollection<Guid> streamIds, string? commandId, CancellationToken ct)
    {
        var ids = streamIds.Distinct().Where(id => !_locked.ContainsKey(id)).ToArray();
        AppliedCommand? applied = null;
        if (ids.Length > 0 || commandId is not null)
        {
            // Two statements, not one join: a READ COMMITTED statement takes its snapshot when it starts, so only a
            // statement that starts after the lock is granted sees the events of the writer we may have waited for.
            await using var batch = new NpgsqlBatch(Connection, Transaction);
            if (ids.Length > 0)
            {
                batch.BatchCommands.Add(Db.BatchCommand(
                    "select id, type, is_archived, created_at from es.streams where tenant_id = $1 and id = any($2) order by id for update",
                    Db.Param(TenantId), Db.Param(ids)));

                // With our transaction id, read after the lock (row locking assigns it only once the lock is granted).
                batch.BatchCommands.Add(Db.BatchCommand(
                    $"""
                    select stream_id, {EventStore.EventColumns}, pg_current_xact_id()::text::bigint
                      from es.events where tenant_id = $1 and stream_id = any($2) and not is_archived order by stream_id, version
                    """,
                    Db.Param(TenantId), Db.Param(ids)));
            }

            if (commandId is not null)
            {
                // Also after the lock: a concurrent run of the same command has committed or not by now.
                batch.BatchCommands.Add(Db.BatchCommand(
                    "select stream_id, version, result::text from es.commands where tenant_id = $1 and id = $2",
                    Db.Param(TenantId), Db.Param(commandId)));
            }

            await using var reader = await batch.ExecuteReaderAsync(ct);
            if (ids.Length > 0)
            {
                var rows = new Dictionary<Guid, (string Type, bool IsArchived, Instant CreatedAt)>();
                while (await reader.ReadAsync(ct))
                {
                    rows[reader.GetGuid(0)] = (reader.GetString(1), reader.GetBoolean(2), reader.GetInstant(3));
                }

                await reader.NextResultAsync(ct);
                var events = ids.ToDictionary(id => id, _ => new List<RecordedEvent>());
                long transactionId = 0; // ours, read after the lock; only needed when a locked stream has events
                while (await reader.ReadAsync(ct))
                {
                    var streamId = reader.GetGuid(0);
                    events[streamId].Add(_store.ReadEvent(reader, TenantId, streamId, offset: 1));
                    transactionId = reader.GetInt64(9);
                }

                foreach (var id in ids)
                {
                    StreamInfo? info = null;
                    if (rows.TryGetValue(id, out var row))
                    {
                        // The version is the last event's, read under the lock.
                        var last = events[id].Count > 0 ? events[id][^1] : null;
                        info = new StreamInfo(TenantId, id, row.Type, last?.Version ?? 0, row.IsArchived, row.CreatedAt, last?.RecordedAt ?? row.CreatedAt);
                        if (last is not null && last.TxId > transactionId)
                        {
                            // A transaction younger than ours wrote the stream first: appending would invert transaction
                            // order within the stream, which projectors rely on (ADR 0001). Retry with a new transaction.
                            throw new TransactionOrderException(id, new InvalidOperationException($"stream last written by transaction {last.TxId}, this is {transactionId}"));
                        }
                    }

                    _locked[id] = new StreamForWriting(id, info, events[id]);
                }

                await reader.NextResultAsync(ct);
            }

            if (commandId is not null && await reader.ReadAsync(ct))
            {
                applied = new AppliedCommand(reader.GetGuid(0), reader.GetInt64(1), reader.GetStringOrNull(2));
            }
        }

        return (streamIds.Distinct().ToDictionary(id => id, id => _locked[id]), applied);
    }

    /// <summary>Starts a new stream; saving fails with <see cref="StreamAlreadyExistsException"/> if it exists.</summary>
    public void StartStream(Guid streamId, string streamType, IEnumerable<object> events) =>
        Append(streamId, streamType, ExpectedVersion.New, events);

    /// <summary>
    /// Appends to a stream. When the stream was fetched for writing in this session, the version read then is the
    /// expected version; otherwise any version is accepted.
    /// </summary>
    public void Append(Guid streamId, string streamType, IEnumerable<object> events)
    {
        var expected = _locked.TryGetValue(streamId, out var locked)
            ? locked.Exists ? ExpectedVersion.Exactly(locked.Version) : ExpectedVersion.New
            : ExpectedVersion.Any;
        Append(streamId, streamType, expected, events);
    }

    public void Append(Guid streamId, string streamType, ExpectedVersion expected, IEnumerable<object> events)
    {
        ObjectDisposedException.ThrowIf(_saved, this);
        var list = events.ToList();
        if (list.Count == 0)
        {
            return;
        }

        var pending = _pending.FirstOrDefault(p => p.StreamId == streamId);
        if (pending is null)
        {
            _pending.Add(new PendingStream(streamId, streamType, expected, list));
            return;
        }

        if (pending.StreamType != streamType || pending.Expected != expected)
        {
            throw new InvalidOperationException($"Stream {streamId} was already appended to with another type or expected version in this session.");
        }

        pending.Events.AddRange(list);
    }

    /// <summary>Schedules a durable job in this transaction: it exists if and only if the session commits.</summary>
    public void Schedule(JobRequest job) => _writes.Add(JobStore.InsertCommand(TenantId, job));

    /// <summary>Records that a command id was applied, with its result, for idempotent repeats.</summary>
    public void RecordCommand(string commandId, Guid streamId, long version, string? resultJson) =>
        _writes.Add(Db.BatchCommand(
            "insert into es.commands (tenant_id, id, stream_id, version, result) values ($1, $2, $3, $4, $5)",
            Db.Param(TenantId), Db.Param(commandId), Db.Param(streamId), Db.Param(version), Db.Jsonb(resultJson)));

    /// <summary>
    /// Adds a write to the transaction. A write that must affect a number of rows says so in SQL, with
    /// <c>es.expect_rows</c>, so that the check runs before the commit in the same round trip.
    /// </summary>
    public void Enqueue(NpgsqlBatchCommand command) => _writes.Add(command);

    /// <summary>Appends, runs inline projections, writes everything queued, commits. One round trip when it can.</summary>
    public async Task<IReadOnlyList<AppendedStream>> SaveChangesAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_saved, this);
        var inline = _store.Projections.Inline;

        // Inline projections fold from the stream's prior events: lock and load those not yet known.
        var unknownPrior = _pending
            .Where(p => !_locked.ContainsKey(p.StreamId) && p.Expected != ExpectedVersion.New && inline.Any(i => i.HandlesStreamType(p.StreamType)))
            .Select(p => p.StreamId)
            .ToArray();
        if (unknownPrior.Length > 0)
        {
            await FetchForWritingAsync(unknownPrior, ct);
        }

        var now = _store.Clock.GetCurrentInstant();
        var plans = _pending.Select(Plan).ToList();

        // A batch alone runs as one implicit transaction. Once the session has begun a transaction (a lock, a read),
        // the batch ends with COMMIT itself: any failing statement before it aborts the whole transaction.
        var explicitTransaction = _transaction is not null;
        await using var batch = new NpgsqlBatch(Connection, _transaction);
        var metadataJson = JsonSerializer.Serialize(Metadata, _store.Registry.Json);
        foreach (var plan in plans)
        {
            plan.EventIds = plan.Stream.Events.Select(_ => Guid.CreateVersion7(now.ToDateTimeOffset())).ToArray();
        }

        // Streams whose version is unknown (blind appends) go through es.append, first in the batch: its result is the
        // batch's first result set.
        var blind = plans.Where(p => p.Mode == AppendMode.Blind).ToList();
        if (blind.Count > 0)
        {
            batch.BatchCommands.Add(AppendFunctionCall(blind, metadataJson, now));
        }

        // Streams that are new, or locked by this session, are written with plain statements: their versions are known.
        var known = plans.Where(p => p.Mode != AppendMode.Blind).ToList();
        // Streams that are new, or locked by this session, are written with one plain statement: their versions are
        // known. A locked stream's row is not written at all (its version is its events'); a new one's row is inserted.
        var created = known.Where(p => p.Mode == AppendMode.New).ToList();
        if (known.Count > 0)
        {
            batch.BatchCommands.Add(KnownStreamsAppend(known, created, metadataJson, now));
        }

        var inlineContext = new InlineProjectionContext(batch, _store.Registry);
        foreach (var plan in known)
        {
            var projections = inline.Where(x => x.HandlesStreamType(plan.Stream.StreamType)).ToList();
            if (projections.Count > 0)
            {
                var prior = _locked.GetValueOrDefault(plan.Stream.StreamId)?.Events ?? [];
                var change = new StreamChange(TenantId, plan.Stream.StreamId, plan.Stream.StreamType, prior, Recorded(plan, plan.Previous!.Value, now));
                foreach (var projection in projections)
                {
                    projection.ApplyInline(inlineContext, change);
                }
            }
        }

        foreach (var write in _writes)
        {
            batch.BatchCommands.Add(write);
        }

        if (explicitTransaction)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("commit"));
        }

        if (batch.BatchCommands.Count > 0)
        {
            try
            {
                await using var reader = await batch.ExecuteReaderAsync(ct);
                if (blind.Count > 0 && await reader.ReadAsync(ct))
                {
                    var versions = reader.GetFieldValue<long[]>(0);
                    for (var i = 0; i < blind.Count; i++)
                    {
                        blind[i].Previous = versions[i] - blind[i].Stream.Events.Count;
                    }
                }
            }
            catch (PostgresException e)
            {
                throw Translate(e, created);
            }
        }

        _saved = true;
        var appended = plans.Select(p => new AppendedStream(p.Stream.StreamId, p.Stream.StreamType, p.Previous!.Value, Recorded(p, p.Previous.Value, now))).ToList();
        if (appended.Count > 0)
        {
            _store.Appended.Signal();
        }

        return appended;
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }

        await Connection.DisposeAsync();
    }

    /// <summary>How a pending stream is appended: as new, as locked by this session (version known), or blind.</summary>
    private StreamPlan Plan(PendingStream pending)
    {
        if (_locked.TryGetValue(pending.StreamId, out var locked))
        {
            if (!locked.Exists)
            {
                return pending.Expected.Value > 0
                    ? throw new StreamNotFoundException(pending.StreamId)
                    : new StreamPlan(pending, AppendMode.New, 0);
            }

            if (locked.Info!.IsArchived)
            {
                throw new StreamArchivedException(pending.StreamId);
            }

            if (locked.Info.Type != pending.StreamType)
            {
                throw new StreamTypeMismatchException(pending.StreamId, pending.StreamType, locked.Info.Type);
            }

            if (pending.Expected == ExpectedVersion.New)
            {
                throw new StreamAlreadyExistsException(pending.StreamId);
            }

            if (pending.Expected.Value > 0 && pending.Expected.Value != locked.Version)
            {
                throw new ConcurrencyException(pending.StreamId, pending.Expected, locked.Version);
            }

            return new StreamPlan(pending, AppendMode.Locked, locked.Version);
        }

        return pending.Expected == ExpectedVersion.New ? new StreamPlan(pending, AppendMode.New, 0) : new StreamPlan(pending, AppendMode.Blind, null);
    }

    private NpgsqlBatchCommand KnownStreamsAppend(IReadOnlyList<StreamPlan> plans, IReadOnlyList<StreamPlan> created, string metadataJson, Instant now)
    {
        var streamIds = new List<Guid>();
        var ids = new List<Guid>();
        var versions = new List<long>();
        var types = new List<string>();
        var data = new List<string>();
        foreach (var plan in plans)
        {
            for (var j = 0; j < plan.Stream.Events.Count; j++)
            {
                var e = plan.Stream.Events[j];
                streamIds.Add(plan.Stream.StreamId);
                ids.Add(plan.EventIds[j]);
                versions.Add(plan.Previous!.Value + j + 1);
                types.Add(_store.Registry.AliasOf(e.GetType()));
                data.Add(_store.Registry.Serialize(e));
            }
        }

        return Db.BatchCommand(
            """
            with created as (
              insert into es.streams (tenant_id, id, type)
              select $1, s.id, s.type from unnest($9::uuid[], $10::text[]) as s(id, type))
            insert into es.events (tenant_id, stream_id, version, seq, id, type, data, metadata, recorded_at)
            select $1, e.stream_id, e.version, nextval('es.events_seq'), e.id, e.type, e.data, $7, $8
              from unnest($2::uuid[], $3::uuid[], $4::bigint[], $5::text[], $6::jsonb[]) as e(id, stream_id, version, type, data)
            """,
            Db.Param(TenantId), Db.Param(ids.ToArray()), Db.Param(streamIds.ToArray()), Db.Param(versions.ToArray()), Db.Param(types.ToArray()),
            Db.JsonbArray([.. data]), Db.Jsonb(metadataJson), Db.Timestamp(now),
            Db.Param(created.Select(p => p.Stream.StreamId).ToArray()), Db.Param(created.Select(p => p.Stream.StreamType).ToArray()));
    }

    private NpgsqlBatchCommand AppendFunctionCall(IReadOnlyList<StreamPlan> plans, string metadataJson, Instant now)
    {
        var eventStreams = new List<int>();
        var ids = new List<Guid>();
        var types = new List<string>();
        var data = new List<string>();
        for (var i = 0; i < plans.Count; i++)
        {
            for (var j = 0; j < plans[i].Stream.Events.Count; j++)
            {
                var e = plans[i].Stream.Events[j];
                eventStreams.Add(i + 1);
                ids.Add(plans[i].EventIds[j]);
                types.Add(_store.Registry.AliasOf(e.GetType()));
                data.Add(_store.Registry.Serialize(e));
            }
        }

        return Db.BatchCommand(
            "select es.append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            Db.Param(TenantId),
            Db.Param(plans.Select(p => p.Stream.StreamId).ToArray()),
            Db.Param(plans.Select(p => p.Stream.StreamType).ToArray()),
            Db.Param(plans.Select(p => p.Stream.Expected.Value).ToArray()),
            Db.Param(eventStreams.ToArray()),
            Db.Param(ids.ToArray()),
            Db.Param(types.ToArray()),
            Db.JsonbArray([.. data]),
            Db.JsonbArray(Enumerable.Repeat(metadataJson, ids.Count).ToArray()),
            Db.Timestamp(now));
    }

    private List<RecordedEvent> Recorded(StreamPlan plan, long previousVersion, Instant now) =>
        plan.Stream.Events.Select((e, i) => new RecordedEvent(
            TenantId, Seq: 0, TxId: 0, plan.EventIds[i], plan.Stream.StreamId, previousVersion + i + 1, _store.Registry.AliasOf(e.GetType()), e, Metadata, now)).ToList();

    private EventStoreException Translate(PostgresException e, IReadOnlyList<StreamPlan> created)
    {
        // Ids are in the message text (Detail is redacted unless the connection string includes error detail).
        var match = IdInMessage().Match(e.MessageText);
        var id = match.Success ? Guid.Parse(match.Value) : Guid.Empty;
        var pending = _pending.FirstOrDefault(p => p.StreamId == id);
        return e.SqlState switch
        {
            "CF409" when pending?.Expected == ExpectedVersion.New => new StreamAlreadyExistsException(id, e),
            "CF409" => new ConcurrencyException(id, pending?.Expected ?? ExpectedVersion.Any, long.TryParse(e.Hint, out var v) ? v : null, e),
            "CF404" => new StreamNotFoundException(id),
            "CF410" => new StreamArchivedException(id),
            "CF422" => new StreamTypeMismatchException(id, pending?.StreamType ?? "?", e.Hint ?? "?"),
            "CF411" => new TransactionOrderException(id, e),
            "CF412" => new JobClaimLostException(id),
            // A new stream that exists collides on the streams key, or on its events' key, whichever is written first.
            PostgresErrorCodes.UniqueViolation when e.TableName == "streams" || (e.TableName == "events" && created.Count > 0) =>
                new StreamAlreadyExistsException(created.Count == 1 ? created[0].Stream.StreamId : Guid.Empty, e),
            PostgresErrorCodes.UniqueViolation when e.TableName == "events" => new ConcurrencyException(_pending.Count == 1 ? _pending[0].StreamId : Guid.Empty, ExpectedVersion.Any, null, e),
            PostgresErrorCodes.UniqueViolation when e.TableName == "commands" => new DuplicateCommandException(e),
            _ => new EventStoreWriteException(e),
        };
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex IdInMessage();

    private sealed class PendingStream(Guid streamId, string streamType, ExpectedVersion expected, List<object> events)
    {
        public Guid StreamId { get; } = streamId;
        public string StreamType { get; } = streamType;
        public ExpectedVersion Expected { get; } = expected;
        public List<object> Events { get; } = events;
    }

    private enum AppendMode
    {
        New,
        Locked,
        Blind,
    }

    private sealed class StreamPlan(PendingStream stream, AppendMode mode, long? previous)
    {
        public PendingStream Stream { get; } = stream;
        public AppendMode Mode { get; } = mode;
        public long? Previous { get; set; } = previous;
        public Guid[] EventIds { get; set; } = [];
    }
}

/// <summary>
/// The stream was last written by a transaction that started after this one; appending now would put a lower
/// transaction id after a higher one in the stream. Retry the whole unit of work (ADR 0001).
/// </summary>
public sealed class TransactionOrderException(Guid streamId, Exception inner)
    : EventStoreException($"Stream {streamId} was written by a younger transaction; retry.", inner)
{
    public Guid StreamId { get; } = streamId;
}

/// <summary>The command id was recorded by a concurrent session first.</summary>
public sealed class DuplicateCommandException(Exception inner) : EventStoreException("The command was already applied.", inner);

/// <summary>Any other database failure while saving; the transaction is rolled back.</summary>
public sealed class EventStoreWriteException(PostgresException inner) : EventStoreException(inner.MessageText, inner)
{
    public string SqlState { get; } = inner.SqlState;
}
