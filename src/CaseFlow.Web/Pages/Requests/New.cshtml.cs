using CaseFlow.Infrastructure;
using CaseFlow.Requests;
using CaseFlow.Users;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace CaseFlow.Web.Pages.Requests;

public sealed class NewRequestInput
{
    public string? FormId { get; set; }
    public string? Reference { get; set; }
    public string Channel { get; set; } = "in-person";
    public DateOnly? ArrivedOn { get; set; }
    public DateOnly? ConfirmedOn { get; set; }
    public string ApplicantType { get; set; } = "natural-person";
    public string? ApplicantName { get; set; }
    public string? IdNumber { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public string? Email { get; set; }
    public string? AgentName { get; set; }
    public string? Subject { get; set; }
    public string? RequestedForm { get; set; }
    public string? Officer { get; set; }

    /// <summary>The officer has seen the warnings and registers anyway.</summary>
    public bool Confirmed { get; set; }

    public ReceiveRequestBody Body() => new(
        Reference, null, Channel,
        new ApplicantBody(ApplicantType, ApplicantName, IdNumber, Phone, Address, Email, string.IsNullOrWhiteSpace(AgentName) ? null : new AgentBody(AgentName, null)),
        Subject, RequestedForm, Local(ArrivedOn), Local(ConfirmedOn), Officer);

    private static LocalDate? Local(DateOnly? d) => d is { } v ? new LocalDate(v.Year, v.Month, v.Day) : null;
}

/// <summary>
/// Registering a request by the art. 31 receipt rules: the statutory receipt date follows from the channel (handed in,
/// signed for, or confirmed with the applicant). Anything odd is shown as a warning to confirm before it is saved.
/// </summary>
public sealed class NewModel(CaseFlowApp app) : CaseFlowPageModel(app)
{
    [BindProperty]
    public NewRequestInput Input { get; set; } = new();

    public IReadOnlyList<string> Warnings { get; private set; } = [];
    public LocalDate? ReceivedOn { get; private set; }
    public IReadOnlyList<UserAccount> Officers { get; private set; } = [];
    public LocalDate Today => App.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Caller.Has(Role.Officer))
        {
            return Forbid();
        }

        Input.Reference = await ReceiptWarnings.SuggestReferenceAsync(App, Caller.Agency, Today, ct);
        Input.ArrivedOn = DateOnly.FromDateTime(Today.ToDateTimeUnspecified());
        Input.Officer = Caller.UserName;
        Input.FormId = NewFormId();
        await LoadOfficersAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadOfficersAsync(ct);
        if (!Require(Role.Officer, "new"))
        {
            return Page();
        }

        var body = Input.Body();
        ReceivedOn = Codes.Channels.TryParse(body.Channel, out var channel) ? ReceiptRules.StatutoryDate(channel, body.ArrivedOn, body.ConfirmedOn) : null;
        var similar = await ReceiptWarnings.SimilarRecentAsync(App, Caller.Agency, Input.ApplicantName, Input.Subject, Today, ct);
        Warnings = ReceiptWarnings.Check(body, ReceivedOn, App.Calendar.Current, App.ClockPolicies, Today, similar);
        if (Warnings.Count > 0 && !Input.Confirmed)
        {
            return Page();
        }

        if (await RunAsync("new", Input.FormId, null, options => Receiving.HandleAsync(App, Caller.Actor, Caller.Agency, body, options, ct, subjectRequired: true)))
        {
            Flash = $"已登记申请 {Input.Reference?.Trim()}，收到日期 {ReceivedOn:yyyy-MM-dd}。";
            return RedirectToPage("/Requests/Details", new { reference = Input.Reference?.Trim() });
        }

        return Page();
    }

    private async Task LoadOfficersAsync(CancellationToken ct) =>
        Officers = (await UserAccounts.ListAsync(App, Caller.Agency, ct)).Where(u => u.Has(Role.Officer) && !u.Disabled).ToList();
}
