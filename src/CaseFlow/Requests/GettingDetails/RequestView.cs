using CaseFlow.Deadlines;
using CaseFlow.Infrastructure;
using CaseFlow.Requests.Listing;
using CaseFlow.Users;
using NodaTime;

namespace CaseFlow.Requests.GettingDetails;

public sealed record DeadlineView(
    string Kind, string Label, LocalDate Due, bool Provisional, LocalDate? SafeTarget, string? Subject,
    int WorkingDaysLeft, bool Overdue, bool DueSoon, IReadOnlyList<string> Explanation, IReadOnlyList<string> ExplanationEn);

public sealed record ApplicantView(string Type, string TypeLabel, string Name, string? IdNumber, string? Phone, string? Address, string? Email, string? AgentName);

public sealed record AnswerView(LocalDate On, string AnswerType, string AnswerTypeLabel, string? Article, string? Note, IReadOnlyList<AnswerItemView> Items);

public sealed record AnswerItemView(string? Subject, string Outcome, string OutcomeLabel);

/// <summary>A request as shown to officers: its facts, every derived date with its explanation, and its history.</summary>
public sealed record RequestView(
    string Reference, string Status, string StatusLabel, LocalDate ReceivedOn, string Channel, string ChannelLabel,
    ApplicantView Applicant, string? Subject, string? RequestedForm, string? Officer,
    string? Outcome, string? OutcomeLabel, LocalDate? ConcludedOn, long Version,
    DeadlineView? NextDeadline, IReadOnlyList<DeadlineView> Deadlines, IReadOnlyList<string> ClarificationItems, AnswerView? Answer,
    IReadOnlyList<HistoryEntry> History)
{
    /// <summary>What the officer should see about the request now (a consultation window that has ended, …).</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    /// <summary>The officer's name (<see cref="Officer"/> is the login), when the view was loaded with the agency's names.</summary>
    public string? OfficerName { get; init; }

    /// <summary>An extension or delayed answer date asked for and awaiting the approver (待审批), if any.</summary>
    public PendingApproval? AwaitingApproval { get; init; }

    /// <summary>The warnings of the command that was just applied (only in the answer to that command).</summary>
    public IReadOnlyList<Warning> Warnings { get; init; } = [];
}

/// <summary>Builds request views: for the details page and API, and the rows of lists (masked personal data).</summary>
public static class RequestViews
{
    public const int DueSoonWorkingDays = 5;

    /// <summary>
    /// Whether a user with these roles sees applicants' identity numbers, phones, addresses and e-mail whole: those who
    /// work the request (officers, approvers, legal staff). Auditors, the reporting office and administrators see them
    /// masked, as every list does.
    /// </summary>
    public static bool SeesPersonalData(IReadOnlySet<Role> roles) =>
        roles.Contains(Role.Officer) || roles.Contains(Role.Approver) || roles.Contains(Role.Legal);

    public static async Task<(RequestView View, long Version)?> LoadAsync(CaseFlowApp app, string agency, string reference, bool maskPersonalData,
        CancellationToken ct = default) =>
        await LoadWithStateAsync(app, agency, reference, maskPersonalData, ct) is { } loaded ? (loaded.View, loaded.View.Version) : null;

    /// <summary>The request as <see cref="LoadAsync"/> shows it, with the folded state (for the actions a screen offers).</summary>
    public static async Task<(RequestView View, Request State)?> LoadWithStateAsync(CaseFlowApp app, string agency, string reference, bool maskPersonalData,
        CancellationToken ct = default)
    {
        await using var query = app.Query(agency);
        var events = await query.Events.FetchStreamAsync(StreamIds.Request(agency, reference), token: ct);
        if (RequestFile.Fold(events, app.OutcomePolicies) is not { } file)
        {
            return null;
        }

        var today = app.Today;
        var deadlines = RequestClock.Compute(file.State, app.Calendar.Current, app.ClockPolicies, today);
        var names = await Users.PeopleNames.LoadAsync(app, agency,
            events.Select(e => e.UserName).Concat(events.Select(e => e.Data).OfType<OfficerAssigned>().Select(a => a.Officer)).Append(file.State.Officer), ct);
        var view = Build(app, file, deadlines, today, maskPersonalData) with
        {
            History = RequestHistory.Of(events, app.OutcomePolicies, names),
            Version = events[^1].Version,
            OfficerName = names.Of(file.State.Officer),
        };
        return (view, file.State);
    }

    public static RequestView FromRow(CaseFlowApp app, RequestRow row, long version = 0) =>
        Build(app, row.File, row.Deadlines, row.AsOf, maskPersonalData: true) with { Version = version };

    public static DeadlineView View(Deadline deadline, WorkdayCalendar calendar, LocalDate today)
    {
        var (left, overdue, dueSoon) = Urgency(deadline, calendar, today);
        return new DeadlineView(
            KindCode(deadline.Kind), KindLabel(deadline.Kind), deadline.Due, deadline.Provisional, deadline.SafeTarget, deadline.Subject,
            left, overdue, dueSoon, deadline.Explanation.Chinese, deadline.Explanation.English);
    }

    /// <summary>Working days left (negative: overdue by), and whether the deadline is overdue or due within 5 working days.</summary>
    public static (int Left, bool Overdue, bool DueSoon) Urgency(Deadline deadline, WorkdayCalendar calendar, LocalDate today)
    {
        var left = deadline.Due >= today ? calendar.WorkingDaysBetween(today, deadline.Due) : -calendar.WorkingDaysBetween(deadline.Due, today);
        return (left, deadline.Due < today, deadline.Due >= today && left <= DueSoonWorkingDays);
    }

    public static string KindCode(DeadlineKind kind) => kind switch
    {
        DeadlineKind.ClarificationNotice => "clarification-notice",
        DeadlineKind.Answer => "answer",
        DeadlineKind.ApplicantClarification => "applicant-clarification",
        DeadlineKind.FeePayment => "fee-payment",
        DeadlineKind.ConsultationReply => "consultation-reply",
        DeadlineKind.ApplicantReviewWindow => "applicant-review-window",
        DeadlineKind.ApplicantSuitWindow => "applicant-suit-window",
        DeadlineKind.ReviewAcceptance => "review-acceptance",
        DeadlineKind.ReviewDecision => "review-decision",
        DeadlineKind.SuitAfterReviewWindow => "suit-after-review-window",
        DeadlineKind.LawsuitRegistration => "lawsuit-registration",
        DeadlineKind.FirstInstance => "first-instance",
        DeadlineKind.AppealWindow => "appeal-window",
        DeadlineKind.SecondInstance => "second-instance",
        DeadlineKind.ReviewReply => "review-reply",
        DeadlineKind.LawsuitDefence => "lawsuit-defence",
        _ => kind.ToString(),
    };

    public static string KindLabel(DeadlineKind kind) => kind switch
    {
        DeadlineKind.ClarificationNotice => "补正告知期限",
        DeadlineKind.Answer => "答复期限",
        DeadlineKind.ApplicantClarification => "申请人补正期限",
        DeadlineKind.FeePayment => "缴费期限",
        DeadlineKind.ConsultationReply => "征求意见答复期限",
        DeadlineKind.ApplicantReviewWindow => "申请人申请复议期限",
        DeadlineKind.ApplicantSuitWindow => "申请人直接起诉期限",
        DeadlineKind.ReviewAcceptance => "复议受理审查期限",
        DeadlineKind.ReviewDecision => "复议决定期限",
        DeadlineKind.SuitAfterReviewWindow => "复议后起诉期限",
        DeadlineKind.LawsuitRegistration => "立案审查期限",
        DeadlineKind.FirstInstance => "一审审理期限",
        DeadlineKind.AppealWindow => "上诉期限",
        DeadlineKind.SecondInstance => "二审审理期限",
        DeadlineKind.ReviewReply => "本机关书面答复期限",
        DeadlineKind.LawsuitDefence => "本机关答辩期限",
        _ => kind.ToString(),
    };

    /// <summary>
    /// Keeps the first and last characters (3701**********1234, 138****0000) and masks at least a third of any value:
    /// a value too short to keep that many keeps a quarter at each end (E1*****67, 84****56), down to none (***).
    /// </summary>
    public static string? Mask(string? value, int keepStart, int keepEnd)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        if (value.Length - keepStart - keepEnd < (value.Length + 2) / 3)
        {
            keepStart = keepEnd = value.Length / 4;
        }

        return value[..keepStart] + new string('*', value.Length - keepStart - keepEnd) + value[^keepEnd..];
    }

    private static RequestView Build(CaseFlowApp app, RequestFile file, RequestDeadlines deadlines, LocalDate today, bool maskPersonalData)
    {
        var state = file.State;
        var calendar = app.Calendar.Current;
        var running = deadlines.Running(state).Select(d => View(d, calendar, today)).ToList();
        var all = state.Concluded
            ? [View(deadlines.Answer, calendar, today) with { Overdue = false, DueSoon = false },
                .. RequestClock.RemedyWindows(state, calendar).Select(d => View(d, calendar, today) with { Overdue = false, DueSoon = false })]
            : running;
        var outcome = state.Conclusion?.Row(app.OutcomePolicies);
        var applicant = file.Applicant;
        return new RequestView(
            state.Reference,
            Codes.Statuses.Code(state.Status), Labels.Of(state.Status),
            state.ReceivedOn,
            Codes.Channels.Code(state.Channel), Labels.Of(state.Channel),
            new ApplicantView(Codes.ApplicantTypes.Code(applicant.Type), Labels.Of(applicant.Type), applicant.Name,
                maskPersonalData ? Mask(applicant.IdNumber, 4, 4) : applicant.IdNumber,
                maskPersonalData ? Mask(applicant.Phone, 3, 4) : applicant.Phone,
                maskPersonalData ? null : applicant.Address, maskPersonalData ? null : applicant.Email, applicant.Agent?.Name),
            file.Subject, file.RequestedForm, state.Officer,
            outcome is { } o ? Codes.Outcomes.Code(o) : null, outcome is { } row ? OutcomeRows.Of(row).Name : null,
            state.Conclusion?.On, 0,
            running.OrderBy(d => d.Due).FirstOrDefault(), all, file.ClarificationItems,
            file.Answer is { } a && state.Conclusion?.Kind == ConclusionKind.Answered
                ? new AnswerView(a.On, Codes.AnswerTypes.Code(a.AnswerType), Labels.Of(a.AnswerType), a.Article, a.Note,
                    a.Items.Select(i => new AnswerItemView(i.Subject, Codes.Outcomes.Code(i.Outcome), OutcomeRows.Of(i.Outcome).Name)).ToList())
                : null,
            [])
        {
            Notices = deadlines.Notices,
            AwaitingApproval = state.AwaitingApproval,
        };
    }
}
