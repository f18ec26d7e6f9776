using CaseFlow.Infrastructure;
using CaseFlow.Reviews;
using CaseFlow.Users;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace CaseFlow.Web.Pages.Legal;

public sealed class NewCaseInput
{
    public string? FormId { get; set; }
    public string Kind { get; set; } = "review";
    public string? Request { get; set; }
    public string? Case { get; set; }
    public DateOnly? FiledOn { get; set; }
    public string? Forum { get; set; }
    public string? ReviewCase { get; set; }
    public bool CoDefendant { get; set; }
}

/// <summary>Registering a review (行政复议) or a lawsuit (行政诉讼) against the handling of a request.</summary>
public sealed class NewModel(CaseFlowApp app) : CaseFlowPageModel(app)
{
    [BindProperty]
    public NewCaseInput Input { get; set; } = new();

    public IActionResult OnGet(string? request)
    {
        if (!Caller.Has(Role.Legal))
        {
            return Forbid();
        }

        Input.Request = request;
        Input.FiledOn = DateOnly.FromDateTime(App.Today.ToDateTimeUnspecified());
        Input.FormId = NewFormId();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Require(Role.Legal, "new"))
        {
            return Page();
        }

        LocalDate? filed = Input.FiledOn is { } d ? new LocalDate(d.Year, d.Month, d.Day) : null;
        var review = Input.Kind == "review";
        var saved = await RunAsync("new", Input.FormId, null, options => review
            ? FilingCases.FileReviewAsync(App, Caller.Actor, Caller.Agency, new FileReviewBody(Input.Request, Input.Case, filed, Input.Forum), options, ct)
            : FilingCases.FileLawsuitAsync(App, Caller.Actor, Caller.Agency,
                new FileLawsuitBody(Input.Request, Input.Case, filed, Input.Kind == "lawsuit-after-review", Input.Forum,
                    string.IsNullOrWhiteSpace(Input.ReviewCase) ? null : Input.ReviewCase, Input.CoDefendant ? "co-defendant-review-body" : null), options, ct));
        if (!saved)
        {
            return Page();
        }

        Flash = $"已登记案件 {Input.Case?.Trim()}。";
        return Redirect($"/legal/{(review ? "reviews" : "lawsuits")}/{Uri.EscapeDataString(Input.Case!.Trim())}");
    }
}
