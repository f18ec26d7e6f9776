namespace CaseFlow.Infrastructure;

/// <summary>Who records a fact: a signed-in user, or the operator of a command-line job. Stored on every event.</summary>
public sealed record Actor(string UserName, string? DisplayName = null)
{
    public static Actor Cli() => new($"cli:{Environment.UserName}", "命令行");

    public static readonly Actor System = new("system", "系统");
}

/// <summary>
/// How a write is identified and guarded by its caller: the idempotency key (import line id or content hash, HTTP
/// <c>Idempotency-Key</c>, form id) with the hash of the input it came with, the expected version (HTTP <c>If-Match</c>),
/// and a correlation id.
/// </summary>
public sealed record WriteOptions(string? CommandId = null, long? IfMatch = null, string? CorrelationId = null, string? PayloadHash = null)
{
    public static readonly WriteOptions None = new();
}
