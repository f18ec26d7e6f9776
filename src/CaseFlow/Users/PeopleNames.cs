using CaseFlow.Infrastructure;

namespace CaseFlow.Users;

/// <summary>
/// The names screens show for who recorded a fact or handles a request: the person's name (李娜) for an account, and a
/// word for the programs that write (系统, 导入, 演示数据), never a login such as <c>li.na</c> or <c>cli:root</c>.
/// </summary>
public sealed class PeopleNames(IReadOnlyDictionary<string, string> accounts)
{
    public static readonly PeopleNames None = new(new Dictionary<string, string>());

    /// <summary>The names of accounts a screen has read already (the worklist reads the agency's accounts for its filter).</summary>
    public static PeopleNames Of(IEnumerable<UserAccount> accounts) =>
        new(accounts.ToDictionary(a => a.UserName, a => a.DisplayName, StringComparer.Ordinal));

    /// <summary>The names of just the users a timeline mentions, in one read by id (not the agency's every account).</summary>
    public static async Task<PeopleNames> LoadAsync(CaseFlowApp app, string agency, IEnumerable<string?> userNames, CancellationToken ct = default)
    {
        var ids = userNames.OfType<string>().Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).Select(StreamIds.User).ToArray();
        if (ids.Length == 0)
        {
            return None;
        }

        await using var query = app.Query(agency);
        var docs = await query.LoadManyAsync<UserAccountDoc>(ct, ids);
        return new(docs.DistinctBy(d => d.UserName).ToDictionary(d => d.UserName, d => d.DisplayName, StringComparer.Ordinal));
    }

    public string? Of(string? userName) => userName switch
    {
        null or "" => null,
        _ when accounts.TryGetValue(userName, out var name) => name,
        "system" => "系统",
        "system:demo" => "演示数据",
        _ when userName.StartsWith("cli:", StringComparison.Ordinal) => "导入（命令行）",
        // An account since removed from the agency: its login is all that is left to show.
        _ => userName,
    };
}
