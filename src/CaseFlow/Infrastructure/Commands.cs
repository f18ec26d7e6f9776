using System.Security.Cryptography;
using System.Text;
using JasperFx.Events;
using Marten;
using Marten.Services.BatchQuerying;
using NodaTime;
using Npgsql;
using Wolverine;
using Wolverine.Marten;

namespace CaseFlow.Infrastructure;

/// <summary>What a pure decision returns: events (and the messages they schedule), or a rejection with a stable code.</summary>
public abstract record Decision
{
    private Decision()
    {
    }

    public static Decision Accept(params object[] events) => new Accepted(events, []);

    public static Decision Accept(IEnumerable<object> events, IEnumerable<ScheduledMessage>? messages = null) =>
        new Accepted([.. events], [.. messages ?? []]);

    /// <summary>Already satisfied: success with no new events (a repeated command is not an error).</summary>
    public static readonly Decision NoChange = new Accepted([], []);

    public static Decision Reject(string code, string message, RejectionKind kind = RejectionKind.Rule) => new Rejected(code, message, kind);

    public sealed record Accepted(IReadOnlyList<object> Events, IReadOnlyList<ScheduledMessage> Messages) : Decision
    {
        /// <summary>What the officer should know about an accepted decision (a late notice, the year a lapse counts in).</summary>
        public IReadOnlyList<Warning> Warnings { get; init; } = [];

        public Accepted Warn(string code, string message) => this with { Warnings = [.. Warnings, new Warning(code, message)] };
    }

    public sealed record Rejected(string Code, string Message, RejectionKind Kind) : Decision;
}

/// <summary>A warning on an accepted command: a stable code and a message an officer understands.</summary>
public sealed record Warning(string Code, string Message);

/// <summary>A Wolverine message to deliver at <see cref="At"/>, written in the same transaction as the events.</summary>
public sealed record ScheduledMessage(object Message, Instant At);

/// <summary>Why a command was refused; the HTTP mapping turns each into its status code.</summary>
public enum RejectionKind
{
    /// <summary>A business rule refused it (422).</summary>
    Rule,

    /// <summary>It conflicts with what exists, e.g. a duplicate create or a reused idempotency key (409).</summary>
    Conflict,

    /// <summary>The stream it addresses does not exist (404).</summary>
    NotFound,

    /// <summary>The client's expected version (If-Match) is stale (412).</summary>
    PreconditionFailed,
}

public enum StreamRule
{
    MustExist,
    MustBeNew,
    MayExist,
}

/// <summary>
/// One stream a command writes: where it is, whether it must exist, and the pure decision over its state. The state is
/// what Marten fetches for writing: a stored inline document (requests, agencies, reports) or a live fold (cases).
/// </summary>
public abstract record StreamDecider(Guid StreamId, StreamRule Rule)
{
    public string NotFoundCode { get; init; } = "stream.not-found";
    public string NotFoundMessage { get; init; } = "记录不存在。";
    public string ExistsCode { get; init; } = "stream.already-exists";
    public string ExistsMessage { get; init; } = "记录已存在。";

    /// <summary>
    /// Streams are decided in this order, then as listed: a stream whose decision another one reads (a letter's 文号,
    /// taken from the agency's yearly sequence) goes first. The first listed stream stays the command's primary.
    /// </summary>
    public int DecideOrder { get; init; }

    /// <summary>A decider over <typeparamref name="TState"/>, which starts as <paramref name="initial"/> on a new stream.</summary>
    public static StreamDecider For<TState>(Guid streamId, StreamRule rule, TState initial, Func<TState, Decision> decide) where TState : class =>
        new Typed<TState>(streamId, rule, initial, decide, null);

    /// <summary>
    /// As <see cref="For{TState}(Guid, StreamRule, TState, Func{TState, Decision})"/>, with the fold of one event into the
    /// state (the same as the state's projection): such a command can join a <see cref="WriteBatch"/>, where the next
    /// command on the stream decides on the state the earlier ones left, before anything is committed.
    /// </summary>
    public static StreamDecider For<TState>(Guid streamId, StreamRule rule, TState initial, Func<TState, Decision> decide, Func<TState, object, long, TState> evolve)
        where TState : class =>
        new Typed<TState>(streamId, rule, initial, decide, evolve);

    /// <summary>
    /// Queues the fetch of the stream for writing in a batch: an existing stream's row is locked (writers of one stream
    /// queue here); a stream that may be new is read optimistically (its creation is guarded by the stream key).
    /// </summary>
    internal abstract Func<Fetched> Queue(IBatchedQuery batch);

    internal sealed record Fetched(long Version, Func<Decision> Decide, Action<IReadOnlyList<object>> Append);

    internal abstract bool CanBatch { get; }

    /// <summary>Queues an optimistic fetch (no lock: a concurrent change fails the batch's commit, which then goes line by line).</summary>
    internal abstract Func<IBatchedStream> QueueForBatch(IBatchedQuery batch);

    /// <summary>Takes over a stream a batch fetched ahead (an <c>IEventStream</c> of this decider's state type).</summary>
    internal abstract IBatchedStream Adopt(object fetched);

    /// <summary>The stream's state in a batch: its version so far, the decision on it, and the events it takes.</summary>
    internal interface IBatchedStream
    {
        long Version { get; }

        Decision Decide(StreamDecider decider);

        void Append(IReadOnlyList<object> events);
    }

    private sealed record Typed<TState>(Guid StreamId, StreamRule Rule, TState Initial, Func<TState, Decision> Decide, Func<TState, object, long, TState>? Evolve)
        : StreamDecider(StreamId, Rule)
        where TState : class
    {
        internal override bool CanBatch => Evolve is not null;

        internal override Func<Fetched> Queue(IBatchedQuery batch)
        {
            var fetch = Rule == StreamRule.MustExist ? batch.Events.FetchForExclusiveWriting<TState>(StreamId) : batch.Events.FetchForWriting<TState>(StreamId);
            return () =>
            {
                var stream = fetch.Result;
                return new Fetched(stream.CurrentVersion ?? 0, () => Decide(stream.Aggregate ?? Initial), events => stream.AppendMany(events.ToArray()));
            };
        }

        internal override Func<IBatchedStream> QueueForBatch(IBatchedQuery batch)
        {
            var fetch = batch.Events.FetchForWriting<TState>(StreamId);
            return () => new Batched(fetch.Result, Initial, Evolve!);
        }

        internal override IBatchedStream Adopt(object fetched) => new Batched((IEventStream<TState>)fetched, Initial, Evolve!);

        private sealed class Batched(IEventStream<TState> stream, TState initial, Func<TState, object, long, TState> evolve) : IBatchedStream
        {
            private TState _state = stream.Aggregate ?? initial;

            public long Version { get; private set; } = stream.CurrentVersion ?? 0;

            public Decision Decide(StreamDecider decider) => ((Typed<TState>)decider).Decide(_state);

            public void Append(IReadOnlyList<object> events)
            {
                stream.AppendMany(events.ToArray());
                foreach (var e in events)
                {
                    _state = evolve(_state, e is IEvent wrapped ? wrapped.Data : e, ++Version);
                }
            }
        }
    }
}

/// <summary>A command as the write path runs it: the streams it writes (the first is the primary), who, and its identity.</summary>
public sealed record WriteCommand(string TenantId, IReadOnlyList<StreamDecider> Streams, Actor Actor, WriteOptions Options)
{
    public StreamDecider Primary => Streams[0];
}

/// <summary>The outcome of a command.</summary>
public abstract record CommandOutcome(Guid StreamId, long Version)
{
    /// <summary>Events were appended; <see cref="Created"/> when the primary stream is new.</summary>
    public sealed record Applied(Guid StreamId, long Version, bool Created) : CommandOutcome(StreamId, Version)
    {
        public IReadOnlyList<Warning> Warnings { get; init; } = [];
    }

    /// <summary>The decision found nothing to do (already satisfied).</summary>
    public sealed record Unchanged(Guid StreamId, long Version) : CommandOutcome(StreamId, Version);

    /// <summary>A command with this idempotency key was applied before; nothing was appended now.</summary>
    public sealed record AlreadyApplied(Guid StreamId, long Version) : CommandOutcome(StreamId, Version);

    public sealed record Rejected(Guid StreamId, long Version, string Code, string Message, RejectionKind Kind) : CommandOutcome(StreamId, Version);

    public bool Succeeded => this is not Rejected;
}

/// <summary>
/// An idempotency key seen: the import line's id or content hash, an HTTP <c>Idempotency-Key</c>, a form's id. Written in
/// the command's transaction, per agency (a conjoined document); a repeat with the same stream and payload answers from
/// here, a repeat with another stream or payload is a conflict (<c>command.key-reused</c>), never a silent skip.
/// </summary>
public sealed record CommandRecord
{
    public string Id { get; init; } = "";
    public Guid StreamId { get; init; }
    public string PayloadHash { get; init; } = "";
    public long Version { get; init; }
    public Instant RecordedAt { get; init; }

    /// <summary>The payload hash of keys copied from the earlier store, which kept none: they match on their stream.</summary>
    public const string Legacy = "legacy";
}

/// <summary>
/// The one write path (design decision 2). In one session and one transaction: fetch the streams for writing (in id
/// order, so two commands never deadlock on the row locks), check <c>If-Match</c> and the idempotency key, run the pure
/// decisions, append, and commit the events, the inline projections, the key and the scheduled messages (through
/// Wolverine's Marten outbox) together. A rejection writes nothing. The only retries are for races the locks cannot
/// prevent (two creators of one stream, two uses of one key, optimistic appends to a stream that may be new, deadlocks);
/// each retry decides again from scratch.
/// </summary>
public sealed class Commands(CaseFlowApp app)
{
    private const int MaxAttempts = 5;

    public async Task<CommandOutcome> ExecuteAsync(WriteCommand command, CancellationToken ct = default)
    {
        if (WriteBatch.Current is { } batch && batch.Accepts(command))
        {
            return await batch.ExecuteAsync(command, ct);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var session = app.Store.LightweightSession(command.TenantId);
                return await ExecuteInAsync(session, command, ct);
            }
            catch (Exception e) when (attempt < MaxAttempts && IsLostRace(e))
            {
                // Re-run from the top: the winner's commit is visible now and decides the outcome.
            }
        }
    }

    private async Task<CommandOutcome> ExecuteInAsync(IDocumentSession session, WriteCommand command, CancellationToken ct)
    {
        var options = command.Options;
        var primary = command.Primary;
        // One round trip: lock the streams (in id order, so two commands never deadlock), read their state, and, after
        // the locks are granted, the idempotency key (a concurrent run of the same key has committed or not by then).
        await session.BeginTransactionAsync(ct);
        var batch = session.CreateBatchQuery();
        var queued = command.Streams.OrderBy(s => s.StreamId).Select(s => (s.StreamId, Read: s.Queue(batch))).ToList();
        var record = options.CommandId is { } key ? batch.Load<CommandRecord>(key) : null;
        await batch.Execute(ct);
        var fetched = queued.ToDictionary(q => q.StreamId, q => q.Read());

        if (record is not null && await record is { } seen)
        {
            return seen.StreamId == primary.StreamId && (seen.PayloadHash == (options.PayloadHash ?? "") || seen.PayloadHash == CommandRecord.Legacy)
                ? new CommandOutcome.AlreadyApplied(seen.StreamId, seen.Version)
                : new CommandOutcome.Rejected(primary.StreamId, fetched[primary.StreamId].Version, "command.key-reused",
                    $"幂等键“{options.CommandId}”已用于另一项操作（不同的记录或内容）：请为新的操作使用新的键。", RejectionKind.Conflict);
        }

        var accepted = new List<(StreamDecider Decider, StreamDecider.Fetched Stream, Decision.Accepted Decision)>();
        foreach (var decider in command.Streams.OrderBy(s => s.DecideOrder))
        {
            var stream = fetched[decider.StreamId];
            switch (decider.Rule)
            {
                case StreamRule.MustExist when stream.Version == 0:
                    return new CommandOutcome.Rejected(decider.StreamId, 0, decider.NotFoundCode, decider.NotFoundMessage, RejectionKind.NotFound);
                case StreamRule.MustBeNew when stream.Version > 0:
                    return new CommandOutcome.Rejected(decider.StreamId, stream.Version, decider.ExistsCode, decider.ExistsMessage, RejectionKind.Conflict);
            }

            if (decider == primary && options.IfMatch is { } expected && expected != stream.Version)
            {
                return new CommandOutcome.Rejected(decider.StreamId, stream.Version, "version.mismatch",
                    $"记录已被修改（您看到的是第 {expected} 版，现在是第 {stream.Version} 版）：请刷新后再操作。", RejectionKind.PreconditionFailed);
            }

            switch (stream.Decide())
            {
                case Decision.Rejected rejected:
                    return new CommandOutcome.Rejected(decider.StreamId, stream.Version, rejected.Code, rejected.Message, rejected.Kind);
                case Decision.Accepted decision:
                    accepted.Add((decider, stream, decision));
                    break;
            }
        }

        var primaryStream = fetched[primary.StreamId];
        var primaryEvents = accepted.First(a => a.Decider == primary).Decision.Events.Count;
        var version = primaryStream.Version + primaryEvents;
        var recordsKey = options.CommandId is not null && (primaryStream.Version > 0 || primaryEvents > 0);
        if (options.CommandId is { } commandId && recordsKey)
        {
            session.Insert(new CommandRecord
            {
                Id = commandId,
                StreamId = primary.StreamId,
                PayloadHash = options.PayloadHash ?? "",
                Version = version,
                RecordedAt = app.Clock.GetCurrentInstant(),
            });
        }

        if (accepted.All(a => a.Decision.Events.Count == 0))
        {
            if (recordsKey)
            {
                await session.SaveChangesAsync(ct);
            }

            return new CommandOutcome.Unchanged(primary.StreamId, primaryStream.Version);
        }

        session.LastModifiedBy = command.Actor.UserName;
        session.CorrelationId = options.CorrelationId;
        if (options.CommandId is not null)
        {
            session.SetHeader(EventHeaders.CommandId, options.CommandId);
        }

        var messages = accepted.SelectMany(a => a.Decision.Messages).ToList();
        foreach (var (_, stream, decision) in accepted)
        {
            stream.Append(decision.Events);
        }

        if (messages.Count > 0)
        {
            await app.ScheduleAsync(session, command.TenantId, messages);
        }

        await session.SaveChangesAsync(ct);
        return new CommandOutcome.Applied(primary.StreamId, version, Created: primaryStream.Version == 0)
        {
            Warnings = [.. accepted.SelectMany(a => a.Decision.Warnings)],
        };
    }

    /// <summary>Races that a retry resolves: the loser decides again on what the winner committed.</summary>
    public static bool IsLostRace(Exception e) => e is JasperFx.ConcurrencyException
        or JasperFx.Events.EventStreamUnexpectedMaxEventIdException
        or JasperFx.Events.ExistingStreamIdCollisionException
        or Marten.Exceptions.ExistingStreamIdCollisionException
        or JasperFx.DocumentAlreadyExistsException
        or PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.UniqueViolation }
        || e.InnerException is { } inner && IsLostRace(inner);

    /// <summary>SHA-256 of a command's input as the caller gave it (line, body, form), for the idempotency check.</summary>
    public static string PayloadHash(string canonicalInput) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalInput)));
}

/// <summary>Headers CaseFlow stores on every event (Marten's event metadata, besides user name and correlation id).</summary>
public static class EventHeaders
{
    /// <summary>The idempotency key of the command that appended the event.</summary>
    public const string CommandId = "command-id";
}

/// <summary>Scheduling Wolverine messages in a Marten session's transaction.</summary>
public static class Outbox
{
    /// <summary>The envelope header with the business instant a held message is due at (<see cref="CaseFlowSettings.HoldScheduledMessages"/>).</summary>
    public const string DueHeader = "caseflow-due";

    /// <summary>Where held messages wait: beyond any real due date, so that nothing runs them but the test driver.</summary>
    private static readonly DateTimeOffset s_held = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan s_handOver = TimeSpan.FromSeconds(5);

    /// <summary>Enrolls the session in Wolverine's Marten outbox and schedules the messages in the agency's tenant.</summary>
    public static async Task ScheduleAsync(this CaseFlowApp app, IDocumentSession session, string tenantId, IEnumerable<ScheduledMessage> messages)
    {
        var outbox = new MartenOutbox(app.Runtime, session) { TenantId = tenantId };
        foreach (var message in messages)
        {
            var options = new DeliveryOptions { TenantId = tenantId };
            if (app.Settings.HoldScheduledMessages)
            {
                options.Headers[DueHeader] = message.At.ToString();
                await outbox.ScheduleAsync(message.Message, s_held, options);
            }
            else
            {
                // A node that runs no durability agent (the CLI) leaves even a message due now to the web nodes: a few
                // seconds out, it is stored as scheduled work for them rather than run in a process about to exit.
                var at = message.At.ToDateTimeOffset();
                if (app.Settings.Node != CaseFlowNode.Web && at < DateTimeOffset.UtcNow + s_handOver)
                {
                    at = DateTimeOffset.UtcNow + s_handOver;
                }

                await outbox.ScheduleAsync(message.Message, at, options);
            }
        }
    }
}
