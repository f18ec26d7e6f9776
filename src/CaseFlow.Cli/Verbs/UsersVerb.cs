using System.CommandLine;
using CaseFlow.Agencies;
using CaseFlow.Users;

namespace CaseFlow.Cli.Verbs;

/// <summary>
/// <c>caseflow users add --user NAME --agency CODE --name 显示名 --role admin [--role ...] [--email ...]</c> (the password is
/// read from standard input, never from the command line) and <c>users list --agency CODE</c>: how a real installation
/// gets its first administrator; everything else is done on the admin screen.
/// </summary>
internal static class UsersVerb
{
    public static Command Build()
    {
        var user = new Option<string>("--user") { Description = "Sign-in name (lower-case letters, digits, . _ -). 登录名（小写字母、数字、. _ -）。", Required = true };
        var agency = CliOptions.Agency("The agency the user works for. 所在单位代码。");
        var name = new Option<string>("--name") { Description = "The person's name as shown on screens. 姓名（界面上显示）。", Required = true };
        var roles = new Option<string[]>("--role") { Description = $"Role, repeatable. 角色，可重复：{string.Join(", ", UserAccounts.RoleCodes.Codes)}.", Required = true, AllowMultipleArgumentsPerToken = true };
        var email = new Option<string?>("--email") { Description = "E-mail address for reminders. 接收提醒的电子邮箱。" };
        var add = new Command("add", "Create a user; the password is read from standard input (first line). 新建账户；密码从标准输入读取（第一行）。") { user, agency, name, roles, email };
        add.SetAction((parse, ct) => CliHost.RunAsync(() =>
            AddAsync(parse.GetValue(user)!, parse.GetValue(agency)!, parse.GetValue(name)!, parse.GetValue(roles)!, parse.GetValue(email), ct)));
        var listAgency = CliOptions.Agency();
        var list = new Command("list", "The agency's users and their roles. 本单位的账户及角色。") { listAgency };
        list.SetAction((parse, ct) => CliHost.RunAsync(() => ListAsync(parse.GetValue(listAgency)!, ct)));
        return new Command("users", "Sign-in accounts. 登录账户。") { add, list };
    }

    private static async Task<int> AddAsync(string userName, string agency, string displayName, string[] roleCodes, string? email, CancellationToken ct)
    {
        var roles = new List<Role>();
        foreach (var code in roleCodes)
        {
            roles.Add(UserAccounts.RoleCodes.TryParse(code, out var role)
                ? role
                : throw new CliException("user.role-unknown", $"角色“{code}”无效：--role 应为 {string.Join("、", UserAccounts.RoleCodes.Codes)} 之一。"));
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(userName, "^[a-z0-9._-]{2,32}$"))
        {
            throw new CliException("user.name-invalid", $"登录名“{userName}”无效：应为 2–32 个小写字母、数字或 . _ -。");
        }

        if (!Console.IsInputRedirected)
        {
            await Console.Error.WriteAsync("密码（至少 8 个字符）：");
        }

        var password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n') ?? "";
        if (password.Length < 8)
        {
            throw new CliException("user.password-too-short", "密码至少 8 个字符（从标准输入的第一行读取）。");
        }

        await using var host = await CliHost.OpenAsync(ct);
        var app = host.App;
        if (await AgencyDirectory.FindAsync(app, agency, ct) is null)
        {
            throw CliHost.AgencyNotFound(agency);
        }

        if (await UserAccounts.FindAsync(app, userName, ct) is not null)
        {
            throw new CliException("user.exists", $"登录名“{userName}”已被使用。");
        }

        try
        {
            await UserAccounts.CreateAsync(app, userName, agency, displayName, password, roles, email, ct, Infrastructure.Actor.Cli());
        }
        catch (UserExistsException)
        {
            throw new CliException("user.exists", $"登录名“{userName}”已被使用。");
        }

        Console.Out.WriteLine($"created {userName} ({string.Join(", ", roles.Select(UserAccounts.RoleLabel))}) in {agency}");
        return 0;
    }

    private static async Task<int> ListAsync(string agency, CancellationToken ct)
    {
        await using var host = await CliHost.OpenAsync(ct);
        var app = host.App;
        foreach (var u in await UserAccounts.ListAsync(app, agency, ct))
        {
            Console.Out.WriteLine($"{u.UserName,-20} {u.DisplayName,-12} {string.Join("、", u.Roles.Select(UserAccounts.RoleLabel))}{(u.Disabled ? "  (disabled)" : "")}");
        }

        return 0;
    }
}
