using System.Security.Claims;
using CaseFlow.Infrastructure;
using CaseFlow.Infrastructure.Http;
using CaseFlow.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseFlow.Web.Pages;

public sealed class LogoutModel(CaseFlowApp app) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    /// <summary>Ends the server-side session first, so the cookie is worthless even where the browser keeps it.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.FindFirstValue(Caller.SessionClaim) is { } sessionId && User.FindFirstValue(Caller.AgencyClaim) is { } agency)
        {
            await UserSessions.EndAsync(app, agency, sessionId, ct);
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/login");
    }
}
