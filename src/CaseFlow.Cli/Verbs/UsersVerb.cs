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
        var user = new Option<string>("--user") { Description = "Sign-in name (lower-case letters, digits, . _ -).", Required = true };
        var agency = new Option<string>("--agency") { Description = "The agency the user works for.", Required = true };
        var name = new Option<string>("--name") { Description = "Display name.", Required = true };
        var roles = new Option<string[]>("--role") { Description = $"Role, repeatable: {string.Join(", ", UserAccounts.RoleCodes.Codes)}.", Required = true, AllowMultipleArgumentsPerToken = true };
        var email = new Option<string?>("--email") { Description = "E-mail address for reminders." };
        var add = new Command("add", "Create a user; the password is read from standard input (first line).") { user, agency, name, roles, email };
        add.SetAction((parse, ct) => CliHost.RunAsync(() =>
            AddAsync(parse.GetValue(user)!, parse.GetValue(agency)!, parse.GetValue(name)!, parse.GetValue(roles)!, parse.GetValue(email), ct)));
        var listAgency = new Option<string>("--agency") { Description = "The agency.", Required = true };
        var list = new Command("list", "The agency's users and their roles.") { listAgency };
        list.SetAction((parse, ct) => CliHost.RunAsync(() => ListAsync(parse.GetValue(listAgency)!, ct)));
        return new Command("users", "Sign-in accounts.") { add, list };
    }

    private static async Task<int> AddAsync(string userName, string agency, string displayName, string[] roleCodes, string? email, CancellationToken ct)
    {
        var roles = new List<Role>();
        foreach (var code in roleCodes)
        {
            roles.Add(UserAccounts.RoleCodes.TryParse(code, out var role)
                ? role
                : throw new CliException($"--role {code}: unknown role (known: {string.Join(", ", UserAccounts.RoleCodes.Codes)})."));
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(userName, "^[a-z0-9._-]{2,32}$"))
        {
            throw new CliException("--user: 2–32 lower-case letters, digits, '.', '_' or '-'.");
        }

        if (!Console.IsInputRedirected)
        {
            await Console.Error.WriteAsync("password (at least 8 characters): ");
        }

        var password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n') ?? "";
        if (password.Length < 8)
        {
            throw new CliException("the password needs at least 8 characters (read from standard input).");
        }

        await using var host = await CliHost.OpenAsync(ct);
        var app = host.App;
        if (await AgencyDirectory.FindAsync(app, agency, ct) is null)
        {
            throw new CliException($"agency '{agency}' is not registered (import a register-agency line first).");
        }

        if (await UserAccounts.FindAsync(app, userName, ct) is not null)
        {
            throw new CliException($"user '{userName}' exists.");
        }

        try
        {
            await UserAccounts.CreateAsync(app, userName, agency, displayName, password, roles, email, ct, Infrastructure.Actor.Cli());
        }
        catch (UserExistsException)
        {
            throw new CliException($"user '{userName}' exists.");
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
