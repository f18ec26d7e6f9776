using CaseFlow.EventStore.Jobs;
using Npgsql;

namespace CaseFlow.EventStore.Commands;

/// <summary>What a pure decision returns: events (and jobs they create), or a rejection with a stable code.</summary>
public abstract record Decision
{
    private Decision()
    {
    }

    public static Decision Accept(params object[] events) => new Accepted(events, []);

    public static Decision Accept(IEnumerable<object> events, IEnumerable<JobRequest>? jobs = null) => new Accepted([.. events], [.. jobs ?? []]);

    /// <summary>Already satisfied: success with no new events (a repeated command is not an error).</summary>
    public static readonly Decision NoChange = new Accepted([], []);

    public static Decision Reject(string code, string message, RejectionKind kind = RejectionKind.Rule) => new Rejected(code, message, kind);

    public sealed record Accepted(IReadOnlyList<object> Events, IReadOnlyList<JobRequest> Jobs) : Decision;

    public sealed record Rejected(string Code, string Message, RejectionKind Kind) : Decision;
}

/// <summary>Why a command was refused; the HTTP mapping turns each into its status code.</summary>
public enum RejectionKind
{
    /// <summary>A business rule refused it (422).</summary>
    Rule,

    /// <summary>It conflicts with what exists, e.g. a duplicate create (409).</summary>
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

/// <summary>One stream a command writes: where it is, whether it must exist, and the pure decision over its state.</summary>
public sealed record StreamDecider(Guid StreamId, string StreamType, StreamRule Rule, Func<IReadOnlyList<RecordedEvent>, Decision> Decide)
{
    public string NotFoundCode { get; init; } = $"{StreamType}.not-found";
    public string NotFoundMessage { get; init; } = $"The {StreamType} does not exist.";
    public string ExistsCode { get; init; } = $"{StreamType}.already-exists";
    public string ExistsMessage { get; init; } = $"The {StreamType} already exists.";

    /// <summary>Builds a decider that folds the stream with <paramref name="evolve"/> and decides on the state.</summary>
    public static StreamDecider For<TState>(Guid streamId, string streamType, StreamRule rule, TState initial, Func<TState, object, TState> evolve, Func<TState, Decision> decide) =>
        new(streamId, streamType, rule, events =>
        {
            var state = initial;
            foreach (var e in events)
            {
                state = evolve(state, e.Data);
            }

            return decide(state);
        });
}

/// <summary>A command as the pipeline runs it: the streams it writes (the first is the primary), and its identity.</summary>
public sealed record WriteCommand(string TenantId, IReadOnlyList<StreamDecider> Streams, EventMetadata Metadata)
{
    /// <summary>The client's expected version of the primary stream (HTTP If-Match).</summary>
    public long? IfMatch { get; init; }

    /// <summary>The command's identity: a command already applied under this id appends nothing again.</summary>
    public string? CommandId { get; init; }

    /// <summary>What to remember as the command's result (JSON), for repeats.</summary>
    public Func<CommandOutcome.Applied, string?>? Result { get; init; }

    public StreamDecider Primary => Streams[0];
}

/// <summary>The outcome of a command.</summary>
public abstract record CommandOutcome(Guid StreamId, long Version)
{
    /// <summary>Events were appended; <see cref="Created"/> when the primary stream is new.</summary>
    public sealed record Applied(Guid StreamId, long Version, bool Created, IReadOnlyList<AppendedStream> Streams) : CommandOutcome(StreamId, Version)
    {
        public IEnumerable<RecordedEvent> Events => Streams.SelectMany(s => s.Events);
    }

    /// <summary>The decision found nothing to do (already satisfied).</summary>
    public sealed record Unchanged(Guid StreamId, long Version) : CommandOutcome(StreamId, Version);

    /// <summary>A command with this id was applied before; nothing was appended now.</summary>
    public sealed record AlreadyApplied(Guid StreamId, long Version, string? ResultJson) : CommandOutcome(StreamId, Version);

    public sealed record Rejected(Guid StreamId, long Version, string Code, string Message, RejectionKind Kind) : CommandOutcome(StreamId, Version);

    public bool Succeeded => this is not Rejected;
}

/// <summary>
/// The write path (design decision 2, Wolverine's aggregate-handler workflow made explicit), one generic helper every
/// slice calls: in one transaction, lock the streams' rows (writers of one stream queue here), check If-Match, fold,
/// run the pure decisions, then append, run inline projections, schedule jobs and record the command id, and commit.
/// A rejection rolls everything back. The only retries are for races the lock cannot prevent (two creators of one
/// stream, two runs of one command id, transaction-order inversions, deadlocks); each retry re-decides from scratch.
/// </summary>
public sealed class CommandPipeline(EventStore store)
{
    private const int MaxAttempts = 4;

    public EventStore Store => store;

    public Task<CommandOutcome> ExecuteAsync(WriteCommand command, CancellationToken ct = default) =>
        ExecuteAsync(command, token => store.OpenSessionAsync(command.TenantId, token), ct);

    /// <summary>Runs the command in sessions from <paramref name="openSession"/> (e.g. a job's, which also completes the job).</summary>
    public async Task<CommandOutcome> ExecuteAsync(WriteCommand command, Func<CancellationToken, Task<EventSession>> openSession, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var session = await openSession(ct);
                return await ExecuteInAsync(session, command, ct);
            }
            catch (Exception e) when (attempt < MaxAttempts && IsRetryable(e))
            {
                // Re-run from the top: the winner's commit is now visible and decides the outcome.
            }
        }
    }

    private static bool IsRetryable(Exception e) => e is TransactionOrderException or StreamAlreadyExistsException or DuplicateCommandException
        or ConcurrencyException
        or EventStoreWriteException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure }
        or PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };

    private static async Task<CommandOutcome> ExecuteInAsync(EventSession session, WriteCommand command, CancellationToken ct)
    {
        var primary = command.Primary;
        var ids = command.Streams.Select(s => s.StreamId).ToList();
        IReadOnlyDictionary<Guid, StreamForWriting> streams;
        if (command.CommandId is { } commandId)
        {
            // Checked after the locks are held: a concurrent run of the same command has committed or not by then.
            (streams, var applied) = await session.FetchForCommandAsync(ids, commandId, ct);
            if (applied is not null)
            {
                return new CommandOutcome.AlreadyApplied(applied.StreamId, applied.Version, applied.ResultJson);
            }
        }
        else
        {
            streams = await session.FetchForWritingAsync(ids, ct);
        }

        var decisions = new List<(StreamDecider Decider, StreamForWriting Stream, Decision.Accepted Accepted)>();
        foreach (var decider in command.Streams)
        {
            var stream = streams[decider.StreamId];
            switch (decider.Rule)
            {
                case StreamRule.MustExist when !stream.Exists:
                    return new CommandOutcome.Rejected(decider.StreamId, 0, decider.NotFoundCode, decider.NotFoundMessage, RejectionKind.NotFound);
                case StreamRule.MustBeNew when stream.Exists:
                    return new CommandOutcome.Rejected(decider.StreamId, stream.Version, decider.ExistsCode, decider.ExistsMessage, RejectionKind.Conflict);
            }

            if (decider == primary && command.IfMatch is { } expected && expected != stream.Version)
            {
                return new CommandOutcome.Rejected(decider.StreamId, stream.Version, "version.mismatch",
                    $"The record changed since it was read (version {expected}, now {stream.Version}). Reload it and try again.",
                    RejectionKind.PreconditionFailed);
            }

            switch (decider.Decide(stream.Events))
            {
                case Decision.Rejected rejected:
                    return new CommandOutcome.Rejected(decider.StreamId, stream.Version, rejected.Code, rejected.Message, rejected.Kind);
                case Decision.Accepted accepted:
                    decisions.Add((decider, stream, accepted));
                    break;
            }
        }

        var primaryStream = streams[primary.StreamId];
        if (decisions.All(d => d.Accepted.Events.Count == 0))
        {
            if (command.CommandId is not null && primaryStream.Exists)
            {
                session.RecordCommand(command.CommandId, primary.StreamId, primaryStream.Version, null);
                await session.SaveChangesAsync(ct);
            }

            return new CommandOutcome.Unchanged(primary.StreamId, primaryStream.Version);
        }

        session.Metadata = command.Metadata with { CommandId = command.CommandId ?? command.Metadata.CommandId };
        foreach (var (decider, _, accepted) in decisions)
        {
            session.Append(decider.StreamId, decider.StreamType, accepted.Events);
            foreach (var job in accepted.Jobs)
            {
                session.Schedule(job);
            }
        }

        var primaryDecision = decisions.First(d => d.Decider == primary).Accepted;
        var newVersion = primaryStream.Version + primaryDecision.Events.Count;
        var created = !primaryStream.Exists;
        var preview = new CommandOutcome.Applied(primary.StreamId, newVersion, created, []);
        if (command.CommandId is not null)
        {
            session.RecordCommand(command.CommandId, primary.StreamId, newVersion, command.Result?.Invoke(preview));
        }

        var appended = await session.SaveChangesAsync(ct);
        return preview with { Streams = appended };
    }
}
