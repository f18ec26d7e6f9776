using CaseFlow.Infrastructure;

namespace CaseFlow.Users;

/// <summary>
/// Who approved an imported extension or delayed date. Old registers name the head of the office, who may never have
/// had an account: a name that is no account is kept as written. A name that is an account of the agency must be an
/// enabled approver (<c>approver.not-an-approver</c>), and is recorded as the person's name, as the web app records it.
/// </summary>
public static class Approvers
{
    /// <remarks>A line already applied (its key recorded) is not checked again: a re-run stays a no-op.</remarks>
    public static async Task<(string? Approver, CommandOutcome? Refusal)> ResolveAsync(CaseFlowApp app, string agency, string? approvedBy, WriteOptions options,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(approvedBy))
        {
            return (approvedBy, null);
        }

        var name = approvedBy.Trim();
        var (found, alreadyApplied) = await NamedAccounts.ReadAsync(app, agency, name, options, ct);
        if (found is not { } account || alreadyApplied)
        {
            return (name, null);
        }

        return account.Disabled || !account.Roles.Contains(Role.Approver)
            ? (null, new CommandOutcome.Rejected(Guid.Empty, 0, "approver.not-an-approver",
                $"用户“{name}”（{account.DisplayName}）{(account.Disabled ? "已停用" : "没有审核人角色")}，不能作为批准人。", RejectionKind.Rule))
            : (account.DisplayName, null);
    }
}
