using System.Security.Cryptography;
using CaseFlow.Infrastructure;
using NodaTime;

namespace CaseFlow.Users;

/// <summary>
/// A signed-in session, kept on the server (in the agency's tenant) so that it can be ended: the cookie only names it.
/// Every request checks it against the account as it is now, so signing out, disabling the account or changing its
/// roles ends it at once on every node; a new password ends every other session of the account.
/// </summary>
public sealed record UserSession
{
    public string Id { get; init; } = "";
    public string UserName { get; init; } = "";
    public Instant StartedAt { get; init; }

    /// <summary>The absolute end: after it the user signs in again, however active (OWASP ASVS 3.3.2).</summary>
    public Instant ExpiresAt { get; init; }
}

public static class UserSessions
{
    /// <summary>How long a session lasts from sign-in at most.</summary>
    public static readonly Duration AbsoluteLifetime = Duration.FromHours(12);

    /// <summary>How long a session lasts without a request (the cookie's sliding expiry).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Starts a session for a user who has just proved who they are; returns its id (256 random bits).</summary>
    public static async Task<string> StartAsync(CaseFlowApp app, UserAccount account, IClock clock, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var session = app.Store.LightweightSession(account.Agency);
        // Sessions of this account that ran out are no longer needed: they go as the next one starts.
        session.DeleteWhere<UserSession>(s => s.UserName == account.UserName && s.ExpiresAt < now);
        session.Insert(new UserSession { Id = id, UserName = account.UserName, StartedAt = now, ExpiresAt = now + AbsoluteLifetime });
        await session.SaveChangesAsync(ct);
        return id;
    }

    /// <summary>
    /// Whether the session still stands for this user with these roles: it exists, has not run out, and the account is
    /// enabled with exactly the roles the session was started with.
    /// </summary>
    public static async Task<bool> IsLiveAsync(CaseFlowApp app, string agency, string sessionId, string userName, IReadOnlySet<Role> roles, IClock clock, CancellationToken ct)
    {
        await using var query = app.Query(agency);
        var batch = query.CreateBatchQuery();
        var session = batch.Load<UserSession>(sessionId);
        var account = batch.Load<UserAccountDoc>(StreamIds.User(userName));
        await batch.Execute(ct);
        return await session is { } s && s.UserName == userName && s.ExpiresAt > clock.GetCurrentInstant()
            && await account is { Disabled: false } a && a.Roles.ToHashSet().SetEquals(roles);
    }

    /// <summary>Ends one session (signing out).</summary>
    public static async Task EndAsync(CaseFlowApp app, string agency, string sessionId, CancellationToken ct)
    {
        await using var session = app.Store.LightweightSession(agency);
        session.Delete<UserSession>(sessionId);
        await session.SaveChangesAsync(ct);
    }

    /// <summary>Ends every session of a user but <paramref name="keep"/> (a new password, an administrator's action).</summary>
    public static async Task EndAllAsync(CaseFlowApp app, string agency, string userName, string? keep, CancellationToken ct)
    {
        await using var session = app.Store.LightweightSession(agency);
        session.DeleteWhere<UserSession>(s => s.UserName == userName && s.Id != keep);
        await session.SaveChangesAsync(ct);
    }
}
