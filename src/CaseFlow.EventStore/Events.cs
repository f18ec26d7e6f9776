using System.Text.Json.Serialization;
using NodaTime;

namespace CaseFlow.EventStore;

/// <summary>Who and what caused an event: stored as jsonb beside the event data.</summary>
public sealed record EventMetadata(
    [property: JsonPropertyName("actor")] string? Actor = null,
    [property: JsonPropertyName("commandId")] string? CommandId = null,
    [property: JsonPropertyName("correlationId")] string? CorrelationId = null,
    [property: JsonPropertyName("causationId")] string? CausationId = null)
{
    public static readonly EventMetadata None = new();
}

/// <summary>An event as stored: its position in the global log and in its stream, and the deserialised data.</summary>
public sealed record RecordedEvent(
    string TenantId,
    long Seq,
    long TxId,
    Guid Id,
    Guid StreamId,
    long Version,
    string Type,
    object Data,
    EventMetadata Metadata,
    Instant RecordedAt);

/// <summary>How an append treats the stream's current version.</summary>
public readonly record struct ExpectedVersion(long Value)
{
    /// <summary>Append whatever the current version is (the stream may or may not exist).</summary>
    public static readonly ExpectedVersion Any = new(-1);

    /// <summary>The stream must not exist yet.</summary>
    public static readonly ExpectedVersion New = new(0);

    public static ExpectedVersion Exactly(long version) =>
        version >= 1 ? new(version) : throw new ArgumentOutOfRangeException(nameof(version), "A stream version starts at 1.");

    public override string ToString() => Value switch { -1 => "any", 0 => "new", _ => Value.ToString() };
}

/// <summary>A stream: its type, its current version (its last event's) and when it was created and last written.</summary>
public sealed record StreamInfo(string TenantId, Guid Id, string Type, long Version, bool IsArchived, Instant CreatedAt, Instant UpdatedAt);

/// <summary>The result of appending to one stream.</summary>
public sealed record AppendedStream(Guid StreamId, string StreamType, long PreviousVersion, IReadOnlyList<RecordedEvent> Events)
{
    public long Version => PreviousVersion + Events.Count;
}
