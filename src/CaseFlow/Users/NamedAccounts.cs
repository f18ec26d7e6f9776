using CaseFlow.Infrastructure;

namespace CaseFlow.Users;

/// <summary>The account a command names (an officer, an approver), read with the command's idempotency record in one round trip.</summary>
internal static class NamedAccounts
{
    /// <summary>
    /// The agency's account called <paramref name="userName"/> (null when there is none), and whether the command was
    /// applied before: then it is not checked again, so a re-run stays a no-op even when the person has since left.
    /// </summary>
    public static async Task<(UserAccountDoc? Account, bool AlreadyApplied)> ReadAsync(CaseFlowApp app, string agency, string userName, WriteOptions options,
        CancellationToken ct)
    {
        await using var query = app.Query(agency);
        var batch = query.CreateBatchQuery();
        var accountRead = batch.Load<UserAccountDoc>(StreamIds.User(userName));
        var recordRead = options.CommandId is { } key ? batch.Load<CommandRecord>(key) : null;
        await batch.Execute(ct);
        return (await accountRead, recordRead is not null && await recordRead is not null);
    }
}
