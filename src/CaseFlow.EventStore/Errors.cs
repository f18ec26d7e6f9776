namespace CaseFlow.EventStore;

/// <summary>Base of the event store's typed failures. Callers map them; none is ever an overwrite.</summary>
public abstract class EventStoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The stream's version was not the one the writer expected: another write came first.</summary>
public sealed class ConcurrencyException(Guid streamId, ExpectedVersion expected, long? actual, Exception? inner = null)
    : EventStoreException($"Stream {streamId} is at version {actual?.ToString() ?? "(none)"}, the writer expected {expected}.", inner)
{
    public Guid StreamId { get; } = streamId;
    public ExpectedVersion Expected { get; } = expected;
    public long? Actual { get; } = actual;
}

/// <summary>A stream with this id already exists (two creators raced, or a create repeated).</summary>
public sealed class StreamAlreadyExistsException(Guid streamId, Exception? inner = null)
    : EventStoreException($"Stream {streamId} already exists.", inner)
{
    public Guid StreamId { get; } = streamId;
}

/// <summary>The stream does not exist and the writer required it to.</summary>
public sealed class StreamNotFoundException(Guid streamId)
    : EventStoreException($"Stream {streamId} does not exist.")
{
    public Guid StreamId { get; } = streamId;
}

/// <summary>The stream is archived and refuses appends.</summary>
public sealed class StreamArchivedException(Guid streamId)
    : EventStoreException($"Stream {streamId} is archived and accepts no events.")
{
    public Guid StreamId { get; } = streamId;
}

/// <summary>The stream exists with another type than the writer declared.</summary>
public sealed class StreamTypeMismatchException(Guid streamId, string expected, string actual)
    : EventStoreException($"Stream {streamId} is a '{actual}' stream, not '{expected}'.")
{
    public Guid StreamId { get; } = streamId;
}

/// <summary>
/// A scheduled job's claim was lost (the reaper handed it to another worker) before its work committed.
/// The transaction rolls back; the other worker does the work.
/// </summary>
public sealed class JobClaimLostException(Guid jobId)
    : EventStoreException($"The claim on job {jobId} was lost before it completed.")
{
    public Guid JobId { get; } = jobId;
}
