using CaseFlow.Infrastructure;

namespace CaseFlow.Users;

/// <summary>
/// The names screens show for who recorded a fact or handles a request: the person's name (李娜) for an account, and a
/// word for the programs that write (系统, 导入, 演示数据), never a login such as <c>li.na</c> or <c>cli:root</c>.
/// </summary>
public sealed class PeopleNames(IReadOnlyDictionary<string, string> accounts)
{
    public static readonly PeopleNames None = new(new Dictionary<string, string>());

    /// <summary>The agency's accounts, read once for a screen.</summary>
    public static async Task<PeopleNames> LoadAsync(CaseFlowApp app, string agency, CancellationToken ct = default) =>
        new((await UserAccounts.ListAsync(app, agency, ct)).ToDictionary(a => a.UserName, a => a.DisplayName, StringComparer.Ordinal));

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
