using CaseFlow.Infrastructure;
using CaseFlow.Infrastructure.Http;
using CaseFlow.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseFlow.Web.Pages;

/// <summary>
/// What every CaseFlow page shares: the signed-in caller, the app, and running a use case from a form — a rejection is
/// shown next to that form in plain words, a colleague's concurrent change is explained (nothing is overwritten), and a
/// repeated submission (double click, browser resend) is recognised by its form id and applied once.
/// </summary>
public abstract class CaseFlowPageModel(CaseFlowApp app) : PageModel
{
    public CaseFlowApp App => app;

    public Caller Caller => Caller.From(User) ?? throw new InvalidOperationException("Pages require a signed-in user.");

    /// <summary>A confirmation shown once after a redirect.</summary>
    [TempData]
    public string? Flash { get; set; }

    /// <summary>What the officer should know about a fact that was recorded anyway (e.g. a late notice), shown once.</summary>
    [TempData]
    public string? FlashWarning { get; set; }

    /// <summary>Which form failed, and why (in the rule's own words).</summary>
    public string? FailedForm { get; private set; }

    public string? Failure { get; private set; }

    public string? FailureCode { get; private set; }

    /// <summary>An instant as the agency reads it (its time zone, not the server's).</summary>
    public string Local(NodaTime.Instant instant) => instant.InZone(app.Zone).ToString("yyyy-MM-dd HH:mm", null);

    /// <summary>A fresh id for each rendered form: resubmitting the same form applies it once.</summary>
    public string NewFormId() => Guid.NewGuid().ToString("N");

    public string? FailureFor(string form) => FailedForm == form ? Failure : null;

    /// <summary>Refuses (and explains) when the caller lacks the role; true when allowed.</summary>
    protected bool Require(Role role, string form)
    {
        if (Caller.Has(role))
        {
            return true;
        }

        Fail(form, "access.forbidden", $"此操作需要“{UserAccounts.RoleLabel(role)}”角色，您的账号没有该权限。");
        return false;
    }

    protected void Fail(string form, string code, string message)
    {
        FailedForm = form;
        FailureCode = code;
        Failure = message;
        Response.StatusCode = code == "access.forbidden" ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity;
    }

    /// <summary>Runs a use case for <paramref name="form"/>; false (with the failure set) when it was refused.</summary>
    protected async Task<bool> RunAsync(string form, string? formId, long? expectedVersion, Func<WriteOptions, Task<CommandOutcome>> run)
    {
        // The form's id is its idempotency key; what was filled in is its payload (a resubmission of other values is refused).
        var payload = string.Join("&", Request.HasFormContentType
            ? Request.Form.Where(f => f.Key != "__RequestVerificationToken").OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}")
            : []);
        var options = new WriteOptions(string.IsNullOrWhiteSpace(formId) ? null : $"web:{formId}", expectedVersion,
            PayloadHash: Commands.PayloadHash($"{Request.Path}?{payload}"));
        var outcome = await run(options);
        if (outcome is not CommandOutcome.Rejected rejected)
        {
            if (outcome is CommandOutcome.Applied { Warnings.Count: > 0 } applied)
            {
                FlashWarning = string.Join("\n", applied.Warnings.Select(w => w.Message));
            }

            return true;
        }

        Fail(form, rejected.Code, rejected.Kind == RejectionKind.PreconditionFailed
            ? $"在您填写期间，同事已更新了这条记录（您看到的是第 {expectedVersion} 版，现在是第 {rejected.Version} 版）。您的操作没有保存，也没有覆盖对方的修改：请查看下方最新情况后再提交。"
            : rejected.Message);
        return false;
    }
}
