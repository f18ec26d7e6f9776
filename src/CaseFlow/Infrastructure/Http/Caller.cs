using System.Security.Claims;
using CaseFlow.Users;

namespace CaseFlow.Infrastructure.Http;

/// <summary>
/// The signed-in user behind an HTTP request: who records facts, which agency (tenant) they work for, what they may do.
/// The tenant always comes from here, never from a request body.
/// </summary>
public sealed record Caller(string UserName, string DisplayName, string Agency, IReadOnlySet<Role> Roles)
{
    public const string AgencyClaim = "caseflow:agency";
    public const string DisplayNameClaim = "caseflow:display-name";

    /// <summary>The server-side session the cookie stands for (<see cref="UserSessions"/>).</summary>
    public const string SessionClaim = "caseflow:session";

    public Actor Actor => new(UserName, DisplayName);

    public bool Has(Role role) => Roles.Contains(role);

    public bool HasAny(params Role[] roles) => roles.Any(Roles.Contains);

    public static Caller? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.FindFirstValue(AgencyClaim) is not { } agency)
        {
            return null;
        }

        var roles = principal.FindAll(ClaimTypes.Role)
            .Select(c => UserAccounts.RoleCodes.TryParse(c.Value, out var role) ? (Role?)role : null)
            .OfType<Role>()
            .ToHashSet();
        var name = principal.FindFirstValue(ClaimTypes.Name)!;
        return new Caller(name, principal.FindFirstValue(DisplayNameClaim) ?? name, agency, roles);
    }

    public static ClaimsPrincipal Principal(UserAccount account, string sessionId, string scheme) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, account.UserName),
                new Claim(DisplayNameClaim, account.DisplayName),
                new Claim(AgencyClaim, account.Agency),
                new Claim(SessionClaim, sessionId),
                .. account.Roles.Select(r => new Claim(ClaimTypes.Role, UserAccounts.RoleCodes.Code(r))),
            ],
            scheme));
}
