using CaseFlow.Infrastructure;
using CaseFlow.Requests;
using CaseFlow.Requests.GettingDetails;
using CaseFlow.Users;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace CaseFlow.Web.Pages.Requests;

/// <summary>What any action form on the request page may post (each form posts the fields it shows).</summary>
public sealed class RequestActionInput
{
    public string? FormId { get; set; }
    public long? Version { get; set; }
    public DateOnly? On { get; set; }
    public DateOnly? ReplyBy { get; set; }
    public DateOnly? DueOn { get; set; }
    public string? Items { get; set; }
    public int? WorkingDays { get; set; }
    public string? Reason { get; set; }
    public string? Party { get; set; }
    public string? Name { get; set; }
    public string? Result { get; set; }
    public decimal? AmountYuan { get; set; }
    public string? Method { get; set; }
    public int? Quantity { get; set; }
    public string? Outcome { get; set; }
    public string? AnswerType { get; set; }
    public string? Article { get; set; }
    public string? Note { get; set; }
    public string? Officer { get; set; }
    public string? LetterKind { get; set; }
    public DateOnly? DeliveredOn { get; set; }
    public List<string?> ItemSubjects { get; set; } = [];
    public List<string?> ItemOutcomes { get; set; } = [];

    public LocalDate? OnDate => On is { } d ? new LocalDate(d.Year, d.Month, d.Day) : null;
    public LocalDate? ReplyByDate => ReplyBy is { } d ? new LocalDate(d.Year, d.Month, d.Day) : null;
    public LocalDate? DeliveredOnDate => DeliveredOn is { } d ? new LocalDate(d.Year, d.Month, d.Day) : null;
    public LocalDate? DueOnDate => DueOn is { } d ? new LocalDate(d.Year, d.Month, d.Day) : null;
}

/// <summary>
/// The request page: the facts, every statutory date with how it was computed, the timeline, and the actions valid in
/// the current state as forms. Only the caller's agency's requests exist here; another agency's reference is not found.
/// </summary>
public sealed class DetailsModel(CaseFlowApp app) : CaseFlowPageModel(app)
{
    [FromRoute]
    public string Reference { get; set; } = "";

    [BindProperty]
    public RequestActionInput Input { get; set; } = new();

    public RequestView View { get; private set; } = null!;
    public Request State { get; private set; } = null!;
    public IReadOnlySet<RequestAction> Actions { get; private set; } = new HashSet<RequestAction>();
    public IReadOnlyList<UserAccount> Officers { get; private set; } = [];
    public LocalDate Today { get; private set; }

    public bool CanRecord => Caller.Has(Role.Officer) || Caller.Has(Role.Approver);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAssignAsync(CancellationToken ct) => ActAsync("assign", Role.Officer, "已指定办理人员。", options =>
        Assigning.HandleAsync(App, Caller.Actor, Caller.Agency, Reference, new AssignOfficerBody(Input.Officer, Input.OnDate ?? App.Today), options, ct), ct);

    public Task<IActionResult> OnPostClarifyAsync(CancellationToken ct) => ActAsync("clarify", Role.Officer, "已登记补正告知。", options =>
        Clarifying.RequestAsync(App, Caller.Actor, Caller.Agency, Reference, new RequestClarificationBody(Input.OnDate, Input.ReplyByDate, Lines(Input.Items)), options, ct), ct);

    public Task<IActionResult> OnPostCorrectedAsync(CancellationToken ct) => ActAsync("corrected", Role.Officer, "已登记收到补正，答复期限重新计算。", options =>
        Clarifying.ReceiveAsync(App, Caller.Actor, Caller.Agency, Reference, new ReceiveClarificationBody(Input.OnDate), options, ct), ct);

    // The approver recorded is the signed-in approver: the form has no approver field, and none is read.
    public Task<IActionResult> OnPostExtendAsync(CancellationToken ct) => ActAsync("extend", Role.Approver, "已登记延期答复。", options =>
        Extending.HandleAsync(App, Caller.Actor, Caller.Agency, Reference, new ApproveExtensionBody(Input.OnDate, Input.WorkingDays, Caller.DisplayName, Input.Reason), options, ct), ct);

    public Task<IActionResult> OnPostAskExtensionAsync(CancellationToken ct) => ActAsync("ask-extension", Role.Officer, "已报请延期，待审核人批准。", options =>
        Approving.AskAsync(App, Caller.Actor, Caller.Agency, Reference,
            new AskForApprovalBody(Approving.ExtensionKind, Input.OnDate, Input.WorkingDays, null, Input.Reason), Caller.DisplayName, options, ct), ct);

    public Task<IActionResult> OnPostAskDelayedDateAsync(CancellationToken ct) => ActAsync("ask-delayed-date", Role.Officer, "已报请确定延迟答复期限，待审核人批准。", options =>
        Approving.AskAsync(App, Caller.Actor, Caller.Agency, Reference,
            new AskForApprovalBody(Approving.DelayedAnswerDateKind, Input.OnDate, null, Input.DueOnDate, Input.Reason), Caller.DisplayName, options, ct), ct);

    public Task<IActionResult> OnPostApprovePendingAsync(CancellationToken ct) => ActAsync("approval", Role.Approver, "已批准。", options =>
        Approving.ApproveAsync(App, Caller.Actor, Caller.Agency, Reference, new DecideApprovalBody(Input.OnDate), Caller.DisplayName, options, ct), ct);

    public Task<IActionResult> OnPostRefusePendingAsync(CancellationToken ct) => ActAsync("approval", Role.Approver, "已不予批准，承办人可在申请页看到意见。", options =>
        Approving.RefuseAsync(App, Caller.Actor, Caller.Agency, Reference, new DecideApprovalBody(Input.OnDate, Input.Reason), Caller.DisplayName, options, ct), ct);

    public Task<IActionResult> OnPostConsultAsync(CancellationToken ct) => ActAsync("consult", Role.Officer, "已登记征求意见，答复期限暂停计算。", options =>
        Consulting.StartAsync(App, Caller.Actor, Caller.Agency, Reference, new StartConsultationBody(Input.OnDate, Input.Party, Input.Name), options, ct), ct);

    public Task<IActionResult> OnPostConsultReplyAsync(CancellationToken ct) => ActAsync("consult-reply", Role.Officer, "已登记征求意见结果，答复期限恢复计算。", options =>
        Consulting.EndAsync(App, Caller.Actor, Caller.Agency, Reference, new EndConsultationBody(Input.OnDate, Input.Party, Input.Result), options, ct), ct);

    public Task<IActionResult> OnPostVolumeReasonsAsync(CancellationToken ct) => ActAsync("volume-reasons", Role.Officer, "已登记要求说明理由。", options =>
        Delaying.AskAsync(App, Caller.Actor, Caller.Agency, Reference, new AskVolumeReasonsBody(Input.OnDate), options, ct), ct);

    public Task<IActionResult> OnPostDelayedDateAsync(CancellationToken ct) => ActAsync("delayed-date", Role.Approver, "已确定合理的答复期限。", options =>
        Delaying.SetAsync(App, Caller.Actor, Caller.Agency, Reference,
            new SetDelayedAnswerDateBody(Input.OnDate, Input.DueOnDate, Input.Reason, Caller.DisplayName), options, ct), ct);

    public Task<IActionResult> OnPostFeeAsync(CancellationToken ct) => ActAsync("fee", Role.Officer, "已登记收费通知。", options =>
        Fees.IssueAsync(App, Caller.Actor, Caller.Agency, Reference, new IssueFeeNoticeBody(Input.OnDate, Input.AmountYuan, Input.Method, Input.Quantity), options, ct), ct);

    public Task<IActionResult> OnPostPaidAsync(CancellationToken ct) => ActAsync("paid", Role.Officer, "已登记缴费。", options =>
        Fees.PayAsync(App, Caller.Actor, Caller.Agency, Reference, new PayFeeBody(Input.OnDate), options, ct), ct);

    public Task<IActionResult> OnPostLapseAsync(CancellationToken ct) => ActAsync("lapse", Role.Officer, "已按申请人逾期办结。", options =>
        Answering.HandleAsync(App, Caller.Actor, Caller.Agency, Reference, new AnswerRequestBody(Input.OnDate, Input.Outcome), options, ct), ct);

    public Task<IActionResult> OnPostAnswerAsync(CancellationToken ct)
    {
        var items = Input.ItemOutcomes.Select((outcome, i) => (Outcome: outcome, Subject: i < Input.ItemSubjects.Count ? Input.ItemSubjects[i] : null))
            .Where(x => !string.IsNullOrWhiteSpace(x.Outcome))
            .Select(x => new AnswerItemBody(x.Subject, x.Outcome)).ToList();
        var body = items.Count > 0
            ? new AnswerRequestBody(Input.OnDate, null, items, Blank(Input.AnswerType), Input.Article, Input.Note)
            : new AnswerRequestBody(Input.OnDate, Input.Outcome, null, Blank(Input.AnswerType), Input.Article, Input.Note);
        return ActAsync("answer", Role.Officer, "已登记答复，申请办结。", options => Answering.HandleAsync(App, Caller.Actor, Caller.Agency, Reference, body, options, ct), ct);
    }

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) => ActAsync("withdraw", Role.Officer, "已登记申请人撤回申请。", options =>
        Withdrawing.HandleAsync(App, Caller.Actor, Caller.Agency, Reference, new WithdrawRequestBody(Input.OnDate, Input.Reason), options, ct), ct);

    public Task<IActionResult> OnPostDeliverAsync(CancellationToken ct) => ActAsync("deliver", Role.Officer, "已登记答复送达日期，申请人的复议、诉讼期限自该日起算。", options =>
        CaseFlow.Reviews.CaseProgress.DeliverAnswerAsync(App, Caller.Actor, Caller.Agency, Reference, new CaseFlow.Reviews.CaseStepBody(null, Input.OnDate, Method: Input.Method), options, ct), ct);

    public Task<IActionResult> OnPostLetterAsync(CancellationToken ct) => ActAsync("letter-" + Input.LetterKind, Role.Officer, "已登记文书出具。", options =>
        CaseFlow.Letters.IssuingLetters.HandleAsync(App, Caller.Actor, Caller.Agency, Reference,
            new CaseFlow.Letters.IssueLetterBody(Input.LetterKind, Input.OnDate, Input.Method, Input.DeliveredOnDate), options, ct), ct);

    private async Task<IActionResult> ActAsync(string form, Role role, string done, Func<CaseFlow.Infrastructure.WriteOptions, Task<CaseFlow.Infrastructure.CommandOutcome>> run, CancellationToken ct)
    {
        if (Require(role, form) && await RunAsync(form, Input.FormId, Input.Version, run))
        {
            Flash = done;
            return RedirectToPage(new { reference = Reference });
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Today = App.Today;
        if (await RequestViews.LoadWithStateAsync(App, Caller.Agency, Reference, !RequestViews.SeesPersonalData(Caller.Roles), ct) is not { } loaded)
        {
            return false;
        }

        (View, State) = loaded;
        Actions = RequestActions.Available(State);
        Officers = (await UserAccounts.ListAsync(App, Caller.Agency, ct)).Where(u => u.Has(Role.Officer) && !u.Disabled).ToList();
        return true;
    }

    private static IReadOnlyList<string>? Lines(string? text) =>
        text?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } lines ? lines : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
