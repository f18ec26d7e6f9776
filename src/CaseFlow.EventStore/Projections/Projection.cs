using CaseFlow.EventStore.Serialization;
using Npgsql;

namespace CaseFlow.EventStore.Projections;

/// <summary>A table a projection owns. <see cref="Ddl"/> gets the qualified table name to create (live or rebuild copy).</summary>
/// <remarks>DDL must not name indexes or constraints explicitly: PostgreSQL then picks unique names, so a rebuild copy
/// can be created beside the live table and renamed over it.</remarks>
public sealed record ProjectionTable(string Name, Func<string, string> Ddl)
{
    public string RebuildName => Name + "__rebuild";
}

/// <summary>A read model built from events. The same <see cref="ApplyAsync"/> serves the async projector and rebuilds.</summary>
public interface IProjection
{
    /// <summary>Stable name: the key of its progress row.</summary>
    string Name { get; }

    /// <summary>Bump when the tables or the logic change: the projection is then rebuilt into fresh tables.</summary>
    int Version { get; }

    IReadOnlyList<ProjectionTable> Tables { get; }

    /// <summary>Event aliases this projection reads; null reads every event.</summary>
    IReadOnlySet<string>? EventTypes { get; }

    /// <summary>Applies a page of events (in log order) inside the projector's transaction.</summary>
    Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct);
}

/// <summary>A projection that is also written inside the append transaction of the streams it handles.</summary>
public interface IInlineProjection : IProjection
{
    bool HandlesStreamType(string streamType);

    /// <summary>Adds this projection's writes for one stream's new events to the append batch.</summary>
    void ApplyInline(InlineProjectionContext context, StreamChange change);
}

/// <summary>One stream's events in an append: what it had before and what this transaction adds.</summary>
public sealed record StreamChange(string TenantId, Guid StreamId, string StreamType, IReadOnlyList<RecordedEvent> PriorEvents, IReadOnlyList<RecordedEvent> NewEvents);

public enum ProjectionMode
{
    Continuous,
    Rebuild,
}

/// <summary>What a projection sees while it applies a page: the connection, the transaction and its table names.</summary>
public sealed class ProjectionContext(NpgsqlConnection connection, NpgsqlTransaction transaction, EventTypeRegistry registry, ProjectionMode mode)
{
    public NpgsqlConnection Connection { get; } = connection;
    public NpgsqlTransaction Transaction { get; } = transaction;
    public EventTypeRegistry Registry { get; } = registry;
    public ProjectionMode Mode { get; } = mode;

    /// <summary>The physical name of one of the projection's tables (the rebuild copy during a rebuild).</summary>
    public string Table(ProjectionTable table) => Mode == ProjectionMode.Rebuild ? table.RebuildName : table.Name;

    public NpgsqlCommand Command(string sql) => new(sql, Connection, Transaction);
}

/// <summary>Where an inline projection adds its writes: the same batch (and transaction) as the append.</summary>
public sealed class InlineProjectionContext(NpgsqlBatch batch, EventTypeRegistry registry)
{
    public EventTypeRegistry Registry { get; } = registry;

    public void Add(NpgsqlBatchCommand command) => batch.BatchCommands.Add(command);
}

/// <summary>The projections a store runs: inline ones in the append transaction, async ones in the projector.</summary>
public sealed class ProjectionRegistry
{
    private readonly List<IInlineProjection> _inline = [];
    private readonly List<IProjection> _async = [];

    public IReadOnlyList<IInlineProjection> Inline => _inline;
    public IReadOnlyList<IProjection> Async => _async;
    public IEnumerable<IProjection> All => _inline.Cast<IProjection>().Concat(_async);

    public ProjectionRegistry AddInline(IInlineProjection projection)
    {
        EnsureUnique(projection.Name);
        _inline.Add(projection);
        return this;
    }

    public ProjectionRegistry AddAsync(IProjection projection)
    {
        EnsureUnique(projection.Name);
        _async.Add(projection);
        return this;
    }

    public IProjection Find(string name) =>
        All.FirstOrDefault(p => p.Name == name) ?? throw new KeyNotFoundException($"No projection is named '{name}'.");

    public bool IsInline(IProjection projection) => _inline.Contains(projection);

    private void EnsureUnique(string name)
    {
        if (All.Any(p => p.Name == name))
        {
            throw new InvalidOperationException($"A projection named '{name}' is already registered.");
        }
    }
}
