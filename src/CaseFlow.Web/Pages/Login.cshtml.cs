using CaseFlow.Infrastructure;
using CaseFlow.Infrastructure.Http;
using CaseFlow.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseFlow.Web.Pages;

public sealed class LoginModel(CaseFlowApp app) : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (result, account) = await UserAccounts.SignInAsync(app, UserName.Trim(), Password, ct);
        switch (result)
        {
            case SignInOutcome.Succeeded:
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Caller.Principal(account!, CookieAuthenticationDefaults.AuthenticationScheme));
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case SignInOutcome.LockedOut:
                Error = $"登录失败次数过多，账号已锁定 {UserAccounts.LockoutDuration.TotalMinutes:0} 分钟，请稍后再试或联系管理员。";
                break;
            default:
                Error = "用户名或密码错误。";
                break;
        }

        return Page();
    }
}
