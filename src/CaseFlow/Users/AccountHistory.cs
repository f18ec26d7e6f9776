using CaseFlow.Infrastructure;
using Marten;
using NodaTime;

namespace CaseFlow.Users;

/// <summary>One change of an account, as auditors read it: when, whose account, what changed, and who changed it.</summary>
public sealed record AccountChange(Instant At, string Agency, string Account, string What, string By);

/// <summary>
/// The record of account changes (accounts created, roles granted and revoked, names changed, disabled, enabled,
/// passwords set), read from the accounts' event streams: the facts themselves, so nothing can be edited out of it.
/// </summary>
public static class AccountHistory
{
    // The stored names of the account events (MartenSetup maps each).
    private static readonly string[] s_storedNames =
        ["user.created.v1", "user.roles-granted.v1", "user.roles-revoked.v1", "user.renamed.v1", "user.disabled.v1", "user.enabled.v1", "user.password-set.v1"];

    public static async Task<IReadOnlyList<AccountChange>> ListAsync(CaseFlowApp app, IEnumerable<string> agencies, int limit, CancellationToken ct)
    {
        var changes = new List<AccountChange>();
        foreach (var agency in agencies)
        {
            await using var query = app.Query(agency);
            var events = await query.Events.QueryAllRawEvents()
                .Where(e => s_storedNames.Contains(e.EventTypeName))
                .OrderByDescending(e => e.Sequence)
                .Take(limit)
                .ToListAsync(ct);
            var accounts = (await query.Query<UserAccountDoc>().ToListAsync(ct)).ToDictionary(a => a.Id, a => a.UserName);
            changes.AddRange(events.Select(e => new AccountChange(Instant.FromDateTimeOffset(e.Timestamp), agency,
                accounts.GetValueOrDefault(e.StreamId, "?"), Describe(e.Data), e.UserName ?? "")));
        }

        return [.. changes.OrderByDescending(c => c.At).Take(limit)];
    }

    public static string Describe(object change) => change switch
    {
        UserAccountCreated c => $"创建账号（{c.DisplayName}），角色：{Roles(c.Roles)}",
        UserRolesGranted g => $"授予角色：{Roles(g.Roles)}",
        UserRolesRevoked r => $"撤销角色：{Roles(r.Roles)}",
        UserRenamed r => $"姓名改为 {r.DisplayName}",
        UserDisabled => "停用账号",
        UserEnabled => "启用账号",
        UserPasswordSet => "重设密码（该账号的所有登录会话随即结束）",
        _ => change.GetType().Name,
    };

    private static string Roles(IEnumerable<Role> roles) => string.Join("、", roles.Select(UserAccounts.RoleLabel));
}
