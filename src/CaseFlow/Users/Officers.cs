using CaseFlow.Infrastructure;

namespace CaseFlow.Users;

/// <summary>Who may be named as a request's officer: an enabled account of the same agency holding the officer role.</summary>
public static class Officers
{
    /// <summary>
    /// Null when <paramref name="userName"/> may handle the agency's requests, else the rejection saying why. A command
    /// already applied (its idempotency key recorded) is not checked again: a re-run stays a no-op even when the
    /// officer has since left.
    /// </summary>
    public static async Task<CommandOutcome?> RefusalAsync(CaseFlowApp app, string agency, string userName, WriteOptions options, CancellationToken ct)
    {
        var (account, alreadyApplied) = await NamedAccounts.ReadAsync(app, agency, userName, options, ct);
        if (alreadyApplied)
        {
            return null;
        }

        if (account is null)
        {
            return new CommandOutcome.Rejected(Guid.Empty, 0, "officer.unknown", $"本机关没有用户“{userName}”：办理人员应为本机关的账号（用户名）。", RejectionKind.Rule);
        }

        if (account.Disabled || !account.Roles.Contains(Role.Officer))
        {
            return new CommandOutcome.Rejected(Guid.Empty, 0, "officer.not-an-officer",
                $"用户“{userName}”（{account.DisplayName}）{(account.Disabled ? "已停用" : "没有办理人员角色")}，不能承办申请。", RejectionKind.Rule);
        }

        return null;
    }
}
