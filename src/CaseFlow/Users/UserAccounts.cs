using CaseFlow.EventStore;
using CaseFlow.Infrastructure;
using Microsoft.AspNetCore.Identity;
using NodaTime;

namespace CaseFlow.Users;

/// <summary>What a user may do. A user holds one or more roles, always within one agency.</summary>
public enum Role
{
    /// <summary>办理人员: works requests through their deadlines.</summary>
    Officer,

    /// <summary>审核人: approves extensions.</summary>
    Approver,

    /// <summary>法制人员: tracks administrative review and litigation.</summary>
    Legal,

    /// <summary>年报编制: compiles, closes and publishes the annual report.</summary>
    Reporting,

    /// <summary>管理员: users, agencies, calendar.</summary>
    Admin,

    /// <summary>审计（只读）: sees everything of the agency, changes nothing.</summary>
    Auditor,
}

public sealed record UserAccount(string UserName, string Agency, string DisplayName, IReadOnlySet<Role> Roles, bool Disabled, Instant? LockedUntil, string? Email)
{
    public bool Has(Role role) => Roles.Contains(role);
}

public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,
}

/// <summary>
/// Local accounts with passwords hashed by ASP.NET Core's <see cref="PasswordHasher{TUser}"/> (PBKDF2), and a lockout
/// after repeated failures.
/// </summary>
public static class UserAccounts
{
    public const int MaxFailedAttempts = 5;
    public static readonly Duration LockoutDuration = Duration.FromMinutes(15);

    public static readonly CodeTable<Role> RoleCodes = new(
        (Role.Officer, "officer"), (Role.Approver, "approver"), (Role.Legal, "legal"), (Role.Reporting, "reporting"), (Role.Admin, "admin"), (Role.Auditor, "auditor"));

    private static readonly PasswordHasher<string> s_hasher = new();

    public static string RoleLabel(Role role) => role switch
    {
        Role.Officer => "办理人员",
        Role.Approver => "审核人",
        Role.Legal => "法制人员",
        Role.Reporting => "年报编制",
        Role.Admin => "管理员",
        Role.Auditor => "审计（只读）",
        _ => role.ToString(),
    };

    public static async Task CreateAsync(CaseFlowApp app, string userName, string agency, string displayName, string password, IEnumerable<Role> roles, string? email = null, CancellationToken ct = default)
    {
        if (password.Length < 8)
        {
            throw new ArgumentException("密码至少 8 个字符。", nameof(password));
        }

        await using var command = app.DataSource.CreateCommand(
            "insert into cf.users (user_name, agency, display_name, password_hash, roles, email) values ($1, $2, $3, $4, $5, $6)");
        command.Parameters.Add(Db.Param(userName));
        command.Parameters.Add(Db.Param(agency));
        command.Parameters.Add(Db.Param(displayName));
        command.Parameters.Add(Db.Param(s_hasher.HashPassword(userName, password)));
        command.Parameters.Add(Db.Param(roles.Select(RoleCodes.Code).Distinct().ToArray()));
        command.Parameters.Add(Db.Param(email, NpgsqlTypes.NpgsqlDbType.Text));
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<UserAccount?> FindAsync(CaseFlowApp app, string userName, CancellationToken ct = default)
    {
        await using var command = app.DataSource.CreateCommand(
            "select user_name, agency, display_name, roles, disabled, locked_until, email from cf.users where user_name = $1");
        command.Parameters.Add(Db.Param(userName));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    public static async Task<IReadOnlyList<UserAccount>> ListAsync(CaseFlowApp app, string agency, CancellationToken ct = default)
    {
        await using var command = app.DataSource.CreateCommand(
            "select user_name, agency, display_name, roles, disabled, locked_until, email from cf.users where agency = $1 order by user_name");
        command.Parameters.Add(Db.Param(agency));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var users = new List<UserAccount>();
        while (await reader.ReadAsync(ct))
        {
            users.Add(Read(reader));
        }

        return users;
    }

    public static async Task<bool> AnyAsync(CaseFlowApp app, CancellationToken ct = default)
    {
        await using var command = app.DataSource.CreateCommand("select exists (select 1 from cf.users)");
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Checks a password; counts failures and locks the account for a while after too many.</summary>
    public static async Task<(SignInOutcome Result, UserAccount? User)> SignInAsync(CaseFlowApp app, string userName, string password, CancellationToken ct = default)
    {
        var now = app.Clock.GetCurrentInstant();
        await using var connection = await app.DataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        string hash;
        UserAccount user;
        int failed;
        await using (var find = connection.Command(
            "select user_name, agency, display_name, roles, disabled, locked_until, email, password_hash, failed_attempts from cf.users where user_name = $1 for update",
            tx, Db.Param(userName)))
        await using (var reader = await find.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct))
            {
                // Spend the same work as for a real user, so timing does not tell which names exist.
                s_hasher.VerifyHashedPassword(userName, s_hasher.HashPassword(userName, "x"), password);
                return (SignInOutcome.Failed, null);
            }

            user = Read(reader);
            hash = reader.GetString(7);
            failed = reader.GetInt32(8);
        }

        if (user.Disabled)
        {
            return (SignInOutcome.Failed, null);
        }

        if (user.LockedUntil is { } until && until > now)
        {
            return (SignInOutcome.LockedOut, user);
        }

        var verified = s_hasher.VerifyHashedPassword(userName, hash, password) != PasswordVerificationResult.Failed;
        failed = verified ? 0 : failed + 1;
        var lockedUntil = !verified && failed >= MaxFailedAttempts ? now + LockoutDuration : (Instant?)null;
        await using (var update = connection.Command(
            "update cf.users set failed_attempts = $2, locked_until = $3, last_sign_in_at = case when $4 then $5 else last_sign_in_at end where user_name = $1", tx,
            Db.Param(userName), Db.Param(lockedUntil is null ? failed : 0), Db.Param(lockedUntil?.ToDateTimeUtc(), NpgsqlTypes.NpgsqlDbType.TimestampTz),
            Db.Param(verified), Db.Timestamp(now)))
        {
            await update.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return verified ? (SignInOutcome.Succeeded, user) : (lockedUntil is null ? SignInOutcome.Failed : SignInOutcome.LockedOut, user);
    }

    public static async Task SetPasswordAsync(CaseFlowApp app, string userName, string password, CancellationToken ct = default)
    {
        if (password.Length < 8)
        {
            throw new ArgumentException("密码至少 8 个字符。", nameof(password));
        }

        await using var command = app.DataSource.CreateCommand("update cf.users set password_hash = $2, failed_attempts = 0, locked_until = null where user_name = $1");
        command.Parameters.Add(Db.Param(userName));
        command.Parameters.Add(Db.Param(s_hasher.HashPassword(userName, password)));
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task UpdateAsync(CaseFlowApp app, string userName, string displayName, IEnumerable<Role> roles, bool disabled, CancellationToken ct = default)
    {
        await using var command = app.DataSource.CreateCommand("update cf.users set display_name = $2, roles = $3, disabled = $4 where user_name = $1");
        command.Parameters.Add(Db.Param(userName));
        command.Parameters.Add(Db.Param(displayName));
        command.Parameters.Add(Db.Param(roles.Select(RoleCodes.Code).Distinct().ToArray()));
        command.Parameters.Add(Db.Param(disabled));
        await command.ExecuteNonQueryAsync(ct);
    }

    private static UserAccount Read(Npgsql.NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2),
        reader.GetFieldValue<string[]>(3).Select(code => RoleCodes.TryParse(code, out var role) ? (Role?)role : null).OfType<Role>().ToHashSet(),
        reader.GetBoolean(4), reader.GetInstantOrNull(5), reader.GetStringOrNull(6));
}
