using CaseFlow.Infrastructure;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
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

    /// <summary>
    /// 系统管理员: what concerns every agency at once — the working-day calendar, which moves every statutory deadline.
    /// Granted by the operator (<c>caseflow users add --role system-admin</c>) or another system administrator only.
    /// </summary>
    SystemAdmin,
}

// Events of an account's stream (in its agency's tenant): who granted which role, when, is a fact auditors ask about.
// Who recorded each is the event's user name. The password itself is never an event: only that it was set.

public sealed record UserAccountCreated(string UserName, string DisplayName, IReadOnlyList<Role> Roles, string? Email);

public sealed record UserRolesGranted(IReadOnlyList<Role> Roles);

public sealed record UserRolesRevoked(IReadOnlyList<Role> Roles);

public sealed record UserRenamed(string DisplayName);

public sealed record UserDisabled;

public sealed record UserEnabled;

public sealed record UserPasswordSet;

/// <summary>An account as its stream stands (an inline document): what the screens and the role checks read.</summary>
public sealed record UserAccountDoc
{
    public Guid Id { get; init; }
    public string UserName { get; init; } = "";
    public string Agency { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public IReadOnlyList<Role> Roles { get; init; } = [];
    public bool Disabled { get; init; }
    public string? Email { get; init; }

    public static UserAccountDoc Evolve(UserAccountDoc state, object e) => e switch
    {
        UserAccountCreated c => state with { UserName = c.UserName, DisplayName = c.DisplayName, Roles = [.. c.Roles.Distinct().Order()], Email = c.Email },
        UserRolesGranted g => state with { Roles = [.. state.Roles.Union(g.Roles).Order()] },
        UserRolesRevoked r => state with { Roles = [.. state.Roles.Except(r.Roles).Order()] },
        UserRenamed r => state with { DisplayName = r.DisplayName },
        UserDisabled => state with { Disabled = true },
        UserEnabled => state with { Disabled = false },
        _ => state,
    };
}

public sealed class UserAccountProjection : SingleStreamProjection<UserAccountDoc, Guid>
{
    public UserAccountProjection()
    {
        Name = "users.accounts";
        IncludeType<UserAccountCreated>();
        IncludeType<UserRolesGranted>();
        IncludeType<UserRolesRevoked>();
        IncludeType<UserRenamed>();
        IncludeType<UserDisabled>();
        IncludeType<UserEnabled>();
        IncludeType<UserPasswordSet>();
    }

    public override UserAccountDoc? Evolve(UserAccountDoc? snapshot, Guid id, IEvent e) =>
        UserAccountDoc.Evolve(snapshot ?? new UserAccountDoc { Id = id, Agency = e.TenantId }, e.Data);
}

/// <summary>
/// What signing in needs, outside any tenant (a user name is unique across agencies): the password hash (ASP.NET Core's
/// PBKDF2), failed attempts and lockout. Operational state, not facts: a document with optimistic concurrency.
/// </summary>
public sealed record UserCredential
{
    public string Id { get; init; } = "";
    public string Agency { get; init; } = "";
    public string PasswordHash { get; init; } = "";

    /// <summary>Failures before the per-source lockout existed (migrated stores); no longer counted.</summary>
    public int FailedAttempts { get; init; }

    /// <summary>Until when the account was locked from every address (migrated stores); no longer set.</summary>
    public Instant? LockedUntil { get; init; }
    public Instant? LastSignInAt { get; init; }

    /// <summary>
    /// Failed sign-ins counted per source address, so that failures from one address lock out only that address: a
    /// stranger cannot lock an administrator out (ASVS 2.2.1). Entries that ran out are dropped on the next write.
    /// </summary>
    public IReadOnlyDictionary<string, SignInFailures> FailuresBySource { get; init; } = new Dictionary<string, SignInFailures>();

    /// <summary>The latest lockout of any address (the admin screen shows the account locked while it lasts).</summary>
    public Instant? LatestLockout => FailuresBySource.Values.Select(f => f.LockedUntil).Append(LockedUntil).Max();
}

/// <summary>Failed sign-ins of one account from one address: how many in a row, since when, and a lockout.</summary>
public sealed record SignInFailures(int Count, Instant LastAt, Instant? LockedUntil);

/// <summary>A user as the rest of CaseFlow sees it.</summary>
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

/// <summary>The account already exists (user names are unique across agencies).</summary>
public sealed class UserExistsException(string userName) : Exception($"用户名 {userName} 已存在。")
{
    public string UserName { get; } = userName;
}

/// <summary>Local accounts: their stream of facts, their credential, and a lockout after repeated failures.</summary>
public static class UserAccounts
{
    public const int MaxFailedAttempts = 5;

    /// <summary>How many addresses' failures an account remembers at most (the most recent).</summary>
    public const int MaxCountedSources = 64;
    public static readonly Duration LockoutDuration = Duration.FromMinutes(15);

    public static readonly CodeTable<Role> RoleCodes = new(
        (Role.Officer, "officer"), (Role.Approver, "approver"), (Role.Legal, "legal"), (Role.Reporting, "reporting"), (Role.Admin, "admin"), (Role.Auditor, "auditor"),
        (Role.SystemAdmin, "system-admin"));

    private static readonly PasswordHasher<string> s_hasher = new();

    public static string RoleLabel(Role role) => role switch
    {
        Role.Officer => "办理人员",
        Role.Approver => "审核人",
        Role.Legal => "法制人员",
        Role.Reporting => "年报编制",
        Role.Admin => "管理员",
        Role.Auditor => "审计（只读）",
        Role.SystemAdmin => "系统管理员",
        _ => role.ToString(),
    };

    public static async Task CreateAsync(CaseFlowApp app, string userName, string agency, string displayName, string password, IEnumerable<Role> roles, string? email = null,
        CancellationToken ct = default, Actor? actor = null)
    {
        CheckPassword(password);
        await using var session = app.Store.LightweightSession(agency);
        session.LastModifiedBy = (actor ?? Actor.System).UserName;
        session.Events.StartStream<UserAccountDoc>(StreamIds.User(userName), new UserAccountCreated(userName, displayName, [.. roles.Distinct()], email));
        // The credential's key is the user name alone: a second account of that name fails here, whatever its agency.
        session.Insert(new UserCredential { Id = userName, Agency = agency, PasswordHash = s_hasher.HashPassword(userName, password) });
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (Commands.IsLostRace(e))
        {
            throw new UserExistsException(userName);
        }
    }

    public static async Task<UserAccount?> FindAsync(CaseFlowApp app, string userName, CancellationToken ct = default)
    {
        await using var query = app.Store.QuerySession();
        return await query.LoadAsync<UserCredential>(userName, ct) is { } credential ? await AccountOfAsync(app, credential, ct) : null;
    }

    /// <summary>The account a credential (already read) belongs to, from its agency's tenant.</summary>
    private static async Task<UserAccount?> AccountOfAsync(CaseFlowApp app, UserCredential credential, CancellationToken ct)
    {
        await using var tenant = app.Query(credential.Agency);
        return await tenant.LoadAsync<UserAccountDoc>(StreamIds.User(credential.Id), ct) is { } doc ? Of(doc, credential) : null;
    }

    public static async Task<IReadOnlyList<UserAccount>> ListAsync(CaseFlowApp app, string agency, CancellationToken ct = default)
    {
        await using var query = app.Query(agency);
        var docs = await query.Query<UserAccountDoc>().OrderBy(d => d.UserName).ToListAsync(ct);
        await using var global = app.Store.QuerySession();
        var credentials = (await global.LoadManyAsync<UserCredential>(ct, docs.Select(d => d.UserName))).ToDictionary(c => c.Id);
        return [.. docs.Select(d => Of(d, credentials.GetValueOrDefault(d.UserName)))];
    }

    public static async Task<bool> AnyAsync(CaseFlowApp app, CancellationToken ct = default)
    {
        await using var query = app.Store.QuerySession();
        return await query.Query<UserCredential>().AnyAsync(ct);
    }

    /// <summary>
    /// Checks a password from a source address; counts failures per address and locks that address out of the account
    /// for a while after too many. Unknown, disabled and locked accounts cost the same hash as a real one, and callers
    /// answer all failures alike.
    /// </summary>
    public static async Task<(SignInOutcome Result, UserAccount? User)> SignInAsync(CaseFlowApp app, string userName, string password, string source = "local",
        CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SignInOnceAsync(app, userName, password, source, ct);
            }
            catch (JasperFx.ConcurrencyException) when (attempt < 3)
            {
                // Another sign-in of the same account counted at the same moment: count again on the new state.
            }
        }
    }

    // A hash of nothing anyone knows, verified when there is no real one: the same work either way.
    private static readonly Lazy<string> s_decoyHash = new(() => s_hasher.HashPassword("", Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))));

    private static async Task<(SignInOutcome Result, UserAccount? User)> SignInOnceAsync(CaseFlowApp app, string userName, string password, string source, CancellationToken ct)
    {
        var now = app.Clock.GetCurrentInstant();
        await using var session = app.Store.LightweightSession();
        var credential = await session.LoadAsync<UserCredential>(userName, ct);
        var user = credential is null ? null : await AccountOfAsync(app, credential, ct);
        var failures = credential?.FailuresBySource.GetValueOrDefault(source);
        var locked = failures?.LockedUntil > now;
        var verified = s_hasher.VerifyHashedPassword(userName, credential is null || user is null ? s_decoyHash.Value : credential.PasswordHash, password)
            != PasswordVerificationResult.Failed;
        if (credential is null || user is null)
        {
            return (SignInOutcome.Failed, null);
        }

        if (locked)
        {
            return (SignInOutcome.LockedOut, user);
        }

        if (user.Disabled)
        {
            return (SignInOutcome.Failed, null);
        }

        // Failures older than a lockout no longer count; the map keeps only addresses still being counted.
        var counting = credential.FailuresBySource
            .Where(f => f.Key != source && (f.Value.LockedUntil > now || f.Value.LastAt + LockoutDuration > now))
            .OrderByDescending(f => f.Value.LastAt)
            .Take(MaxCountedSources)
            .ToDictionary();
        var failed = verified ? 0 : (failures is { } f && f.LastAt + LockoutDuration > now ? f.Count : 0) + 1;
        if (!verified)
        {
            counting[source] = new SignInFailures(failed >= MaxFailedAttempts ? 0 : failed, now, failed >= MaxFailedAttempts ? now + LockoutDuration : null);
        }

        session.Update(credential with
        {
            FailuresBySource = counting,
            FailedAttempts = 0,
            LockedUntil = null,
            LastSignInAt = verified ? now : credential.LastSignInAt,
        });
        await session.SaveChangesAsync(ct);
        return verified ? (SignInOutcome.Succeeded, user) : (failed >= MaxFailedAttempts ? SignInOutcome.LockedOut : SignInOutcome.Failed, user);
    }

    public static async Task SetPasswordAsync(CaseFlowApp app, string userName, string password, CancellationToken ct = default, Actor? actor = null)
    {
        CheckPassword(password);
        string agency;
        await using (var query = app.Store.QuerySession())
        {
            agency = (await query.LoadAsync<UserCredential>(userName, ct))?.Agency ?? throw new InvalidOperationException($"用户 {userName} 不存在。");
        }

        // The new hash and the fact that it was set, in one transaction (the credential is global, the stream the agency's).
        // The credential is read again in the writing session, which checks its version on save.
        await using var session = app.Store.LightweightSession(agency);
        var credential = await session.LoadAsync<UserCredential>(userName, ct) ?? throw new InvalidOperationException($"用户 {userName} 不存在。");
        session.LastModifiedBy = (actor ?? Actor.System).UserName;
        session.Update(credential with { PasswordHash = s_hasher.HashPassword(userName, password), FailedAttempts = 0, LockedUntil = null, FailuresBySource = new Dictionary<string, SignInFailures>() });
        session.Events.Append(StreamIds.User(userName), new UserPasswordSet());
        // A new password ends every session of the account: whoever knew the old one is out.
        session.DeleteWhere<UserSession>(s => s.UserName == userName);
        await session.SaveChangesAsync(ct);
    }

    /// <summary>Records what changed of an account (name, roles granted and revoked, disabled or enabled) as facts.</summary>
    public static async Task UpdateAsync(CaseFlowApp app, string userName, string displayName, IEnumerable<Role> roles, bool disabled, CancellationToken ct = default,
        Actor? actor = null)
    {
        var user = await FindAsync(app, userName, ct) ?? throw new InvalidOperationException($"用户 {userName} 不存在。");
        var wanted = roles.ToHashSet();
        var decider = StreamDecider.For(StreamIds.User(userName), StreamRule.MustExist, new UserAccountDoc(), state =>
        {
            var events = new List<object>();
            if (displayName != state.DisplayName)
            {
                events.Add(new UserRenamed(displayName));
            }

            if (wanted.Except(state.Roles).ToList() is { Count: > 0 } granted)
            {
                events.Add(new UserRolesGranted(granted));
            }

            if (state.Roles.Except(wanted).ToList() is { Count: > 0 } revoked)
            {
                events.Add(new UserRolesRevoked(revoked));
            }

            if (disabled != state.Disabled)
            {
                events.Add(disabled ? new UserDisabled() : new UserEnabled());
            }

            return Decision.Accept(events);
        }) with
        { NotFoundCode = "user.not-found", NotFoundMessage = $"用户 {userName} 不存在。" };
        await app.ExecuteAsync(user.Agency, actor ?? Actor.System, WriteOptions.None, ct, decider);
    }

    private static void CheckPassword(string password)
    {
        if (password.Length < 8)
        {
            throw new ArgumentException("密码至少 8 个字符。", nameof(password));
        }
    }

    private static UserAccount Of(UserAccountDoc doc, UserCredential? credential) =>
        new(doc.UserName, doc.Agency, doc.DisplayName, doc.Roles.ToHashSet(), doc.Disabled, credential?.LatestLockout, doc.Email);
}
