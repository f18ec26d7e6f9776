using CaseFlow.EventStore;

namespace CaseFlow.Infrastructure;

/// <summary>Who records a fact: a signed-in user, or the operator of a command-line job. Stored on every event.</summary>
public sealed record Actor(string UserName, string? DisplayName = null)
{
    public static Actor Cli() => new($"cli:{Environment.UserName}", "命令行");

    public static readonly Actor System = new("system", "系统");

    public EventMetadata Metadata(string? commandId = null, string? correlationId = null) => new(UserName, commandId, correlationId);
}

/// <summary>How a write is identified and guarded by its caller.</summary>
public sealed record WriteOptions(string? CommandId = null, long? IfMatch = null, string? CorrelationId = null)
{
    public static readonly WriteOptions None = new();
}
