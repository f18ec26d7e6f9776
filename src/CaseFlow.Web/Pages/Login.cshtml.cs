using CaseFlow.Infrastructure;
using CaseFlow.Infrastructure.Http;
using CaseFlow.Users;
using CaseFlow.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseFlow.Web.Pages;

public sealed class LoginModel(CaseFlowApp app, SessionClock sessionClock) : PageModel
{
    /// <summary>One answer for every failure: it must not tell which user names exist, or which are disabled or locked.</summary>
    public const string FailureMessage = "用户名或密码错误。连续输错多次后，该账号将在本机暂时无法登录。";

    [BindProperty]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var source = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var (result, account) = await UserAccounts.SignInAsync(app, UserName.Trim(), Password, source, ct);
        if (result != SignInOutcome.Succeeded)
        {
            Error = FailureMessage;
            return Page();
        }

        var sessionId = await UserSessions.StartAsync(app, account!, sessionClock.Clock, ct);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Caller.Principal(account!, sessionId, CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? WebSecurity.AsciiOnly(ReturnUrl!) : Landing(account!));
    }

    /// <summary>
    /// Where a user starts: officers and approvers at the worklist; legal staff who work no requests at their cases;
    /// the reporting office at the report; administrators at administration. Auditors read the worklist.
    /// </summary>
    public static string Landing(UserAccount account) =>
        account.Has(Role.Officer) || account.Has(Role.Approver) ? "/"
        : account.Has(Role.Legal) ? "/legal"
        : account.Has(Role.Reporting) ? "/reports"
        : account.Has(Role.Admin) ? "/admin"
        : "/";
}
