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

/// <summary>
/// A unit of work over one connection and one transaction, in the role of Marten's <c>IDocumentSession</c>:
/// lock streams (<see cref="FetchForWritingAsync(Guid, CancellationToken)"/>), queue appends, scheduled jobs, command
/// records and other writes, then <see cref="SaveChangesAsync"/> appends, runs inline projections and commits,
/// all in one transaction. Disposing without saving rolls everything back.
/// </summary>
public sealed partial class EventSession : IAsyncDisposable
{
    private readonly EventStore _store;
    private readonly Dictionary<Guid, StreamForWriting> _locked = [];
    private readonly List<PendingStream> _pending = [];
    private readonly List<QueuedWrite> _writes = [];
    private bool _saved;

    internal EventSession(EventStore store, string tenantId, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _store = store;
        TenantId = tenantId;
        Connection = connection;
        Transaction = transaction;
    }

    public string TenantId { get; }
    public NpgsqlConnection Connection { get; }
    public NpgsqlTransaction Transaction { get; }

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
    public async Task<IReadOnlyDictionary<Guid, StreamForWriting>> FetchForWritingAsync(IReadOnlyCollection<Guid> streamIds, CancellationToken ct = default)
    {
        var ids = streamIds.Distinct().Where(id => !_locked.ContainsKey(id)).ToArray();
        if (ids.Length > 0)
        {
            await using var batch = new NpgsqlBatch(Connection, Transaction)
            {
                BatchCommands =
                {
                    Db.BatchCommand(
                        "select id, type, version, is_archived, created_at, updated_at from es.streams where tenant_id = $1 and id = any($2) order by id for update",
                        Db.Param(TenantId), Db.Param(ids)),
                    Db.BatchCommand(
                        $"select stream_id, {EventStore.EventColumns} from es.events where tenant_id = $1 and stream_id = any($2) and not is_archived order by stream_id, version",
                        Db.Param(TenantId), Db.Param(ids)),
                },
            };
            await using var reader = await batch.ExecuteReaderAsync(ct);
            var infos = new Dictionary<Guid, StreamInfo>();
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetGuid(0);
                infos[id] = new StreamInfo(TenantId, id, reader.GetString(1), reader.GetInt64(2), reader.GetBoolean(3), reader.GetInstant(4), reader.GetInstant(5));
            }

            await reader.NextResultAsync(ct);
            var events = ids.ToDictionary(id => id, _ => new List<RecordedEvent>());
            while (await reader.ReadAsync(ct))
            {
                var streamId = reader.GetGuid(0);
                events[streamId].Add(_store.ReadEvent(reader, TenantId, streamId, offset: 1));
            }

            foreach (var id in ids)
            {
                _locked[id] = new StreamForWriting(id, infos.GetValueOrDefault(id), events[id]);
            }
        }

        return streamIds.Distinct().ToDictionary(id => id, id => _locked[id]);
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
    public void Schedule(JobRequest job) => _writes.Add(new QueuedWrite(JobStore.InsertCommand(TenantId, job), null, null));

    /// <summary>Records that a command id was applied, with its result, for idempotent repeats.</summary>
    public void RecordCommand(string commandId, Guid streamId, long version, string? resultJson) =>
        _writes.Add(new QueuedWrite(
            Db.BatchCommand(
                "insert into es.commands (tenant_id, id, stream_id, version, result) values ($1, $2, $3, $4, $5)",
                Db.Param(TenantId), Db.Param(commandId), Db.Param(streamId), Db.Param(version), Db.Jsonb(resultJson)),
            null, null));

    /// <summary>
    /// Adds a write to the transaction. With <paramref name="expectedRows"/>, the whole save fails with the exception
    /// <paramref name="onMismatch"/> makes when the write affects another number of rows.
    /// </summary>
    public void Enqueue(NpgsqlBatchCommand command, int? expectedRows = null, Func<Exception>? onMismatch = null) =>
        _writes.Add(new QueuedWrite(command, expectedRows, onMismatch));

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
            foreach (var p in _pending.Where(p => unknownPrior.Contains(p.StreamId)))
            {
                var locked = _locked[p.StreamId];
                if (p.Expected == ExpectedVersion.Any)
                {
                    p.Expected = locked.Exists ? ExpectedVersion.Exactly(locked.Version) : ExpectedVersion.New;
                }
            }
        }

        var now = _store.Clock.GetCurrentInstant();
        var appended = new List<AppendedStream>();
        await using var batch = new NpgsqlBatch(Connection, Transaction);
        var eventIds = new Guid[_pending.Count][];
        if (_pending.Count > 0)
        {
            batch.BatchCommands.Add(BuildAppend(now, eventIds));
            var inlineContext = new InlineProjectionContext(batch, _store.Registry);
            for (var i = 0; i < _pending.Count; i++)
            {
                var p = _pending[i];
                var projections = inline.Where(x => x.HandlesStreamType(p.StreamType)).ToList();
                if (projections.Count == 0)
                {
                    continue;
                }

                var locked = _locked.GetValueOrDefault(p.StreamId);
                var change = new StreamChange(TenantId, p.StreamId, p.StreamType, locked?.Events ?? [], Recorded(p, locked?.Version ?? 0, eventIds[i], now));
                foreach (var projection in projections)
                {
                    projection.ApplyInline(inlineContext, change);
                }
            }
        }

        foreach (var write in _writes)
        {
            batch.BatchCommands.Add(write.Command);
        }

        if (batch.BatchCommands.Count > 0)
        {
            try
            {
                await using var reader = await batch.ExecuteReaderAsync(ct);
                if (_pending.Count > 0 && await reader.ReadAsync(ct))
                {
                    var versions = reader.GetFieldValue<long[]>(0);
                    for (var i = 0; i < _pending.Count; i++)
                    {
                        var previous = versions[i] - _pending[i].Events.Count;
                        appended.Add(new AppendedStream(_pending[i].StreamId, _pending[i].StreamType, previous, Recorded(_pending[i], previous, eventIds[i], now)));
                    }
                }
            }
            catch (PostgresException e)
            {
                throw Translate(e);
            }

            foreach (var write in _writes.Where(w => w.ExpectedRows is not null))
            {
                if (write.Command.RecordsAffected != write.ExpectedRows)
                {
                    throw write.OnMismatch?.Invoke() ?? new InvalidOperationException($"A write affected {write.Command.RecordsAffected} rows, not {write.ExpectedRows}.");
                }
            }
        }

        await Transaction.CommitAsync(ct);
        _saved = true;
        if (appended.Count > 0)
        {
            _store.Appended.Signal();
        }

        return appended;
    }

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }

    private NpgsqlBatchCommand BuildAppend(Instant now, Guid[][] eventIds)
    {
        var eventStreams = new List<int>();
        var ids = new List<Guid>();
        var types = new List<string>();
        var data = new List<string>();
        var metadata = new List<string>();
        var metadataJson = JsonSerializer.Serialize(Metadata, _store.Registry.Json);
        for (var i = 0; i < _pending.Count; i++)
        {
            eventIds[i] = new Guid[_pending[i].Events.Count];
            for (var j = 0; j < _pending[i].Events.Count; j++)
            {
                var e = _pending[i].Events[j];
                eventIds[i][j] = Guid.CreateVersion7(now.ToDateTimeOffset());
                eventStreams.Add(i + 1);
                ids.Add(eventIds[i][j]);
                types.Add(_store.Registry.AliasOf(e.GetType()));
                data.Add(_store.Registry.Serialize(e));
                metadata.Add(metadataJson);
            }
        }

        return Db.BatchCommand(
            "select es.append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            Db.Param(TenantId),
            Db.Param(_pending.Select(p => p.StreamId).ToArray()),
            Db.Param(_pending.Select(p => p.StreamType).ToArray()),
            Db.Param(_pending.Select(p => p.Expected.Value).ToArray()),
            Db.Param(eventStreams.ToArray()),
            Db.Param(ids.ToArray()),
            Db.Param(types.ToArray()),
            Db.JsonbArray([.. data]),
            Db.JsonbArray([.. metadata]),
            Db.Timestamp(now));
    }

    private List<RecordedEvent> Recorded(PendingStream p, long previousVersion, Guid[] ids, Instant now) =>
        p.Events.Select((e, i) => new RecordedEvent(
            TenantId, Seq: 0, TxId: 0, ids[i], p.StreamId, previousVersion + i + 1, _store.Registry.AliasOf(e.GetType()), e, Metadata, now)).ToList();

    private EventStoreException Translate(PostgresException e)
    {
        // The stream id is in the message text (Detail is redacted unless the connection string includes error detail).
        var match = StreamIdInMessage().Match(e.MessageText);
        var streamId = match.Success ? Guid.Parse(match.Value) : Guid.Empty;
        var pending = _pending.FirstOrDefault(p => p.StreamId == streamId);
        return e.SqlState switch
        {
            "CF409" when pending?.Expected == ExpectedVersion.New => new StreamAlreadyExistsException(streamId, e),
            "CF409" => new ConcurrencyException(streamId, pending?.Expected ?? ExpectedVersion.Any, long.TryParse(e.Hint, out var v) ? v : null, e),
            "CF404" => new StreamNotFoundException(streamId),
            "CF410" => new StreamArchivedException(streamId),
            "CF422" => new StreamTypeMismatchException(streamId, pending?.StreamType ?? "?", e.Hint ?? "?"),
            "CF411" => new TransactionOrderException(streamId, e),
            PostgresErrorCodes.UniqueViolation when e.TableName == "streams" => new StreamAlreadyExistsException(_pending.Count == 1 ? _pending[0].StreamId : Guid.Empty, e),
            PostgresErrorCodes.UniqueViolation when e.TableName == "events" => new ConcurrencyException(_pending.Count == 1 ? _pending[0].StreamId : Guid.Empty, ExpectedVersion.Any, null, e),
            PostgresErrorCodes.UniqueViolation when e.TableName == "commands" => new DuplicateCommandException(e),
            _ => new EventStoreWriteException(e),
        };
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex StreamIdInMessage();

    private sealed class PendingStream(Guid streamId, string streamType, ExpectedVersion expected, List<object> events)
    {
        public Guid StreamId { get; } = streamId;
        public string StreamType { get; } = streamType;
        public ExpectedVersion Expected { get; set; } = expected;
        public List<object> Events { get; } = events;
    }

    private sealed record QueuedWrite(NpgsqlBatchCommand Command, int? ExpectedRows, Func<Exception>? OnMismatch);
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
