using CaseFlow.Infrastructure;
using CaseFlow.Requests;
using CaseFlow.Reviews;
using CaseFlow.Users;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace CaseFlow.Web.Pages.Legal;

public sealed class CaseActionInput
{
    public string? FormId { get; set; }
    public long? Version { get; set; }
    public DateOnly? On { get; set; }
    public DateOnly? ReplyBy { get; set; }
    public bool Simplified { get; set; }
    public string? Reason { get; set; }
    public int? Days { get; set; }
    public string? Decision { get; set; }
    public string? Appeal { get; set; }
    public bool InForce { get; set; }
    public bool Ruling { get; set; }
    public bool ByAgency { get; set; }
    public bool OrdersNewAnswer { get; set; }
    public int? WorkingDays { get; set; }

    public LocalDate? OnDate => On is { } d ? new LocalDate(d.Year, d.Month, d.Day) : null;
    public LocalDate? ReplyByDate => ReplyBy is { } d ? new LocalDate(d.Year, d.Month, d.Day) : null;
}

/// <summary>A review or lawsuit: its dates with explanations, its history, and the next steps as forms (legal staff).</summary>
public sealed class CaseModel(CaseFlowApp app) : CaseFlowPageModel(app)
{
    [FromRoute]
    public string Kind { get; set; } = "";

    [FromRoute(Name = "case")]
    public string CaseReference { get; set; } = "";

    [BindProperty]
    public CaseActionInput Input { get; set; } = new();

    public CaseView View { get; private set; } = null!;
    public Review? Review { get; private set; }
    public Lawsuit? Lawsuit { get; private set; }
    public LocalDate Today => App.Today;
    public bool IsReview => Kind == "reviews";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostStepAsync(string step, CancellationToken ct)
    {
        if (!Enum.TryParse<CaseProgress.Step>(step, out var parsed))
        {
            return Task.FromResult<IActionResult>(BadRequest());
        }

        var body = new CaseStepBody(CaseReference, Input.OnDate, Input.Simplified, Input.Reason, Input.Days, Input.ByAgency, ReplyBy: Input.ReplyByDate);
        return ActAsync(step, "已登记。", options => CaseProgress.HandleAsync(App, Caller.Actor, Caller.Agency, parsed, body, options, ct), ct);
    }

    public Task<IActionResult> OnPostDecideAsync(CancellationToken ct) => ActAsync("decide", "已登记决定或裁判。", options => IsReview
        ? DecidingCases.DecideReviewAsync(App, Caller.Actor, Caller.Agency,
            new DecideReviewBody(CaseReference, Input.OnDate, null, Input.Decision, Input.OrdersNewAnswer ? true : null, Input.WorkingDays), options, ct)
        : DecidingCases.DecideLawsuitAsync(App, Caller.Actor, Caller.Agency,
            new DecideLawsuitBody(CaseReference, Input.OnDate, null, string.IsNullOrWhiteSpace(Input.Decision) ? null : Input.Decision, Input.Ruling, Input.InForce,
                string.IsNullOrWhiteSpace(Input.Appeal) ? null : Input.Appeal, Input.OrdersNewAnswer ? true : null, Input.WorkingDays), options, ct), ct);

    private async Task<IActionResult> ActAsync(string form, string done, Func<WriteOptions, Task<CommandOutcome>> run, CancellationToken ct)
    {
        if (Require(Role.Legal, form) && await RunAsync(form, Input.FormId, Input.Version, run))
        {
            Flash = done;
            return Redirect($"/legal/{Kind}/{Uri.EscapeDataString(CaseReference)}");
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Kind is not ("reviews" or "lawsuits"))
        {
            return false;
        }

        var group = IsReview ? CaseGroup.Review : CaseGroup.LawsuitDirect;
        if (await CaseViews.LoadAsync(App, Caller.Agency, group, CaseReference, ct) is not { } view)
        {
            return false;
        }

        View = view;
        Review = IsReview ? await CaseWrites.ReadReviewAsync(App, Caller.Agency, CaseReference, ct) : null;
        Lawsuit = IsReview ? null : await CaseWrites.ReadLawsuitAsync(App, Caller.Agency, CaseReference, ct);
        return true;
    }
}
