using Marten;

namespace CaseFlow.Infrastructure;

/// <summary>
/// Many commands of one agency in one transaction (the import's unit of work, design: "an import at the speed of the
/// disk"). While a batch is open in the current async flow, <see cref="Commands.ExecuteAsync"/> runs each command that
/// can be batched against the batch's streams: fetched once (optimistically, no lock), decided on the state the earlier
/// commands left, their events, keys and scheduled messages queued in one session. <see cref="CommitAsync"/> writes it
/// all at once. If the commit fails (a concurrent writer, a race on a key), nothing of it is written and the caller runs
/// the commands again one by one on the ordinary path; a rejected command in the batch writes nothing, as always.
/// </summary>
public sealed class WriteBatch : IAsyncDisposable
{
    private static readonly AsyncLocal<WriteBatch?> s_current = new();

    private readonly CaseFlowApp _app;
    private readonly IDocumentSession _session;
    private readonly Dictionary<Guid, StreamDecider.IBatchedStream> _streams = [];
    private readonly Dictionary<Guid, object> _fetchedAhead = [];
    private readonly Dictionary<string, object?> _memo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CommandRecord> _keys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _checkedKeys = new(StringComparer.Ordinal);
    private readonly List<ScheduledMessage> _messages = [];
    private readonly WriteBatch? _outer;

    private WriteBatch(CaseFlowApp app, string tenantId)
    {
        _app = app;
        TenantId = tenantId;
        _session = app.Store.LightweightSession(tenantId);
        _outer = s_current.Value;
        s_current.Value = this;
    }

    /// <summary>The batch open in this async flow, if any.</summary>
    public static WriteBatch? Current => s_current.Value;

    public string TenantId { get; }

    /// <summary>Commands that wrote (or will write, on commit) in this batch.</summary>
    public int Pending { get; private set; }

    /// <summary>Opens a batch for the agency in the current async flow.</summary>
    public static WriteBatch Begin(CaseFlowApp app, string tenantId) => new(app, tenantId);

    internal bool Accepts(WriteCommand command) =>
        command.TenantId == TenantId && command.Options.IfMatch is null && command.Streams.All(s => s.CanBatch);

    /// <summary>
    /// Reads, in one round trip, the idempotency keys the next commands carry and the streams (of state
    /// <typeparamref name="TState"/>) they will write: a batch of lines then costs one read, not one per line.
    /// </summary>
    public async Task PreloadAsync<TState>(IReadOnlyCollection<string> keys, IReadOnlyCollection<Guid> streams, CancellationToken ct) where TState : class
    {
        var batch = _session.CreateBatchQuery();
        var missingKeys = keys.Where(k => _checkedKeys.Add(k)).ToArray();
        var records = missingKeys.Length > 0 ? batch.LoadMany<CommandRecord>().ById(missingKeys) : null;
        var fetches = streams.Distinct().Where(id => !_streams.ContainsKey(id) && !_fetchedAhead.ContainsKey(id))
            .Select(id => (Id: id, Fetch: batch.Events.FetchForWriting<TState>(id))).ToList();
        if (records is null && fetches.Count == 0)
        {
            return;
        }

        await batch.Execute(ct);
        foreach (var record in records is null ? [] : await records)
        {
            _keys[record.Id] = record;
        }

        foreach (var (id, fetch) in fetches)
        {
            _fetchedAhead[id] = await fetch;
        }
    }

    /// <summary>A value read once per batch (e.g. that the agency is registered): the lines after the first reuse it.</summary>
    public async Task<T> MemoAsync<T>(string key, Func<Task<T>> load)
    {
        if (!_memo.TryGetValue(key, out var value))
        {
            _memo[key] = value = await load();
        }

        return (T)value!;
    }

    /// <summary>Sets a batch value read or learned ahead (the lines after see it through <see cref="MemoAsync{T}"/>).</summary>
    public void Remember(string key, object? value) => _memo[key] = value;

    internal async Task<CommandOutcome> ExecuteAsync(WriteCommand command, CancellationToken ct)
    {
        var options = command.Options;
        var primary = command.Primary;
        foreach (var decider in command.Streams)
        {
            if (!_streams.ContainsKey(decider.StreamId) && _fetchedAhead.Remove(decider.StreamId, out var fetched))
            {
                _streams[decider.StreamId] = decider.Adopt(fetched);
            }
        }

        var unknown = command.Streams.Where(s => !_streams.ContainsKey(s.StreamId)).ToList();
        if (unknown.Count > 0 || (options.CommandId is { } k && !_checkedKeys.Contains(k)))
        {
            var batch = _session.CreateBatchQuery();
            var queued = unknown.Select(s => (s.StreamId, Read: s.QueueForBatch(batch))).ToList();
            var key = options.CommandId is { } id && _checkedKeys.Add(id) ? batch.Load<CommandRecord>(id) : null;
            await batch.Execute(ct);
            foreach (var (streamId, read) in queued)
            {
                _streams[streamId] = read();
            }

            if (key is not null && await key is { } found)
            {
                _keys[found.Id] = found;
            }
        }

        var streams = command.Streams.ToDictionary(s => s.StreamId, s => _streams[s.StreamId]);
        if (options.CommandId is { } commandId && _keys.TryGetValue(commandId, out var seen))
        {
            return seen.StreamId == primary.StreamId && (seen.PayloadHash == (options.PayloadHash ?? "") || seen.PayloadHash == CommandRecord.Legacy)
                ? new CommandOutcome.AlreadyApplied(seen.StreamId, seen.Version)
                : new CommandOutcome.Rejected(primary.StreamId, streams[primary.StreamId].Version, "command.key-reused",
                    $"幂等键“{commandId}”已用于另一项操作（不同的记录或内容）：请为新的操作使用新的键。", RejectionKind.Conflict);
        }

        var accepted = new List<(StreamDecider.IBatchedStream Stream, Decision.Accepted Decision, bool Primary)>();
        foreach (var decider in command.Streams.OrderBy(s => s.DecideOrder))
        {
            var stream = streams[decider.StreamId];
            switch (decider.Rule)
            {
                case StreamRule.MustExist when stream.Version == 0:
                    return new CommandOutcome.Rejected(decider.StreamId, 0, decider.NotFoundCode, decider.NotFoundMessage, RejectionKind.NotFound);
                case StreamRule.MustBeNew when stream.Version > 0:
                    return new CommandOutcome.Rejected(decider.StreamId, stream.Version, decider.ExistsCode, decider.ExistsMessage, RejectionKind.Conflict);
            }

            switch (stream.Decide(decider))
            {
                case Decision.Rejected rejected:
                    return new CommandOutcome.Rejected(decider.StreamId, stream.Version, rejected.Code, rejected.Message, rejected.Kind);
                case Decision.Accepted decision:
                    accepted.Add((stream, decision, decider == primary));
                    break;
            }
        }

        var primaryStream = streams[primary.StreamId];
        var before = primaryStream.Version;
        var primaryEvents = accepted.First(a => a.Primary).Decision.Events.Count;
        if (options.CommandId is { } key2 && (before > 0 || primaryEvents > 0))
        {
            var record = new CommandRecord
            {
                Id = key2,
                StreamId = primary.StreamId,
                PayloadHash = options.PayloadHash ?? "",
                Version = before + primaryEvents,
                RecordedAt = _app.Clock.GetCurrentInstant(),
            };
            _session.Insert(record);
            _keys[key2] = record;
        }

        if (accepted.All(a => a.Decision.Events.Count == 0))
        {
            return new CommandOutcome.Unchanged(primary.StreamId, before);
        }

        // Each event carries its own command's metadata: a batch holds many commands.
        var graph = (Marten.Events.EventGraph)_app.Store.Options.Events;
        foreach (var (stream, decision, _) in accepted)
        {
            stream.Append([.. decision.Events.Select(data =>
            {
                var e = graph.BuildEvent(data);
                e.UserName = command.Actor.UserName;
                e.CorrelationId = options.CorrelationId;
                if (options.CommandId is { } commandKey)
                {
                    e.SetHeader(EventHeaders.CommandId, commandKey);
                }

                return (object)e;
            })]);
            _messages.AddRange(decision.Messages);
        }

        Pending++;
        return new CommandOutcome.Applied(primary.StreamId, before + primaryEvents, Created: before == 0)
        {
            Warnings = [.. accepted.SelectMany(a => a.Decision.Warnings)],
        };
    }

    /// <summary>Writes the batch: every event, the inline projections, the keys and the scheduled messages, in one transaction.</summary>
    public async Task CommitAsync(CancellationToken ct)
    {
        if (_messages.Count > 0)
        {
            await _app.ScheduleAsync(_session, TenantId, _messages);
        }

        await _session.SaveChangesAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        s_current.Value = _outer;
        await _session.DisposeAsync();
    }
}
