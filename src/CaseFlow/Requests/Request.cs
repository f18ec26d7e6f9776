using System.Collections.Immutable;
using NodaTime;

namespace CaseFlow.Requests;

// ---------------------------------------------------------------------------------------------------------------------
// Events: the facts a case officer records about a request. Past tense, business words, stored under the stable aliases
// registered in RequestEvents.Register. Who recorded each fact is in the event's metadata (actor).
// ---------------------------------------------------------------------------------------------------------------------

public sealed record Agent(string Name, string? Type = null);

/// <summary>The applicant as recorded. The table-三 column is derived from these facts (policy, §3.6 h).</summary>
public sealed record Applicant(
    ApplicantType Type,
    string Name,
    string? IdNumber = null,
    string? Phone = null,
    string? Address = null,
    string? Email = null,
    Agent? Agent = null,
    string? Capacity = null);

/// <summary>
/// A request received. <see cref="ReceivedOn"/> is the statutory receipt date (收到申请之日) under Regs art. 31: the day it
/// was handed in, signed for, or (ordinary mail, online, fax) confirmed with the applicant. Arrival and confirmation are
/// kept as recorded when they differ.
/// </summary>
public sealed record RequestReceived(
    string Reference,
    LocalDate ReceivedOn,
    Channel Channel,
    Applicant Applicant,
    string? Subject = null,
    string? RequestedForm = null,
    LocalDate? ArrivedOn = null,
    LocalDate? ConfirmedOn = null,
    string? Officer = null);

public sealed record OfficerAssigned(string Officer, LocalDate On);

/// <summary>A correction notice (补正告知) sent: what must be corrected and by when (Regs art. 30).</summary>
public sealed record ClarificationRequested(LocalDate On, LocalDate? ReplyBy, IReadOnlyList<string> Items);

/// <summary>The corrected request received: the answer period starts again from this day (Regs art. 30).</summary>
public sealed record CorrectedRequestReceived(LocalDate On);

/// <summary>
/// The applicant let the correction deadline pass: the request is deemed abandoned (row （六）1). <see cref="Deadline"/> is
/// the deadline the officer relied on (the notice's, or the default policy's), when recorded.
/// </summary>
public sealed record ClarificationLapsed(LocalDate On, LocalDate? Deadline = null);

/// <summary>An extension approved by the head of the disclosure office and notified to the applicant (Regs art. 33).</summary>
public sealed record ExtensionApproved(LocalDate On, int WorkingDays, string ApprovedBy, string? Reason = null);

/// <summary>An officer asked the approver for an extension, with reasons (the extension itself is the approval).</summary>
public sealed record ExtensionApprovalRequested(LocalDate On, int WorkingDays, string Reason, string RequestedBy);

/// <summary>An officer asked the approver for an art. 35 delayed answer date, with reasons.</summary>
public sealed record DelayedAnswerDateApprovalRequested(LocalDate On, LocalDate DueOn, string Reason, string RequestedBy);

/// <summary>The approver refused the extension asked for, saying why: the deadline stays.</summary>
public sealed record ExtensionRefused(LocalDate On, string Comment, string RefusedBy);

/// <summary>The approver refused the delayed answer date asked for, saying why: the deadline stays.</summary>
public sealed record DelayedAnswerDateRefused(LocalDate On, string Comment, string RefusedBy);

/// <summary>
/// A consultation letter sent to a third party (art. 32) or another agency (art. 34): the clock pauses, at most for the
/// party's 15-working-day window. <see cref="PartyReceivedOn"/>: when the party received the letter, if known.
/// </summary>
public sealed record ConsultationStarted(LocalDate On, ConsultationParty Party, string? Name = null, LocalDate? PartyReceivedOn = null);

/// <summary>The consulted party replied, or its 15-working-day window ended: the clock resumes.</summary>
public sealed record ConsultationEnded(LocalDate On, ConsultationParty Party, ConsultationResult Result);

/// <summary>The agency asked the applicant for the reasons of an unreasonable volume or frequency of requests (art. 35).</summary>
public sealed record VolumeReasonsRequested(LocalDate On);

/// <summary>
/// The agency accepted the reasons but set a reasonable later answer date (art. 35), approved like an extension and
/// notified to the applicant: it replaces the computed one. (Recorded before approval was required: no approver.)
/// </summary>
public sealed record DelayedAnswerDateSet(LocalDate On, LocalDate DueOn, string Reason, string? ApprovedBy = null);

/// <summary>A processing fee notice (收费通知) issued under the Fee Measures.</summary>
public sealed record FeeNoticeIssued(LocalDate On, decimal AmountYuan, FeeMethod Method, int? Quantity = null);

public sealed record FeePaid(LocalDate On);

/// <summary>The fee was not paid within 20 working days: the request is deemed abandoned (row （六）2).</summary>
public sealed record FeeLapsed(LocalDate On, LocalDate? Deadline = null);

public sealed record AnsweredItem(string? Subject, Outcome Outcome);

/// <summary>The request answered: each item's outcome, the art. 36 answer type and the article relied on.</summary>
public sealed record RequestAnswered(LocalDate On, IReadOnlyList<AnsweredItem> Items, AnswerType AnswerType, string? Article = null, string? Note = null);

/// <summary>The applicant withdrew the request.</summary>
public sealed record RequestWithdrawn(LocalDate On, string? Reason = null);

/// <summary>The year-end close found the request still open on 31 December of <see cref="Year"/>.</summary>
public sealed record RequestCarriedOver(int Year);

/// <summary>
/// A review decision or judgment ordered the agency to answer again: the request is open again with a new clock, the
/// ordered period (working days) or due date, or by default 20 working days.
/// </summary>
public sealed record RequestReopened(LocalDate On, string CaseReference, int? WorkingDays = null, LocalDate? DueOn = null);

/// <summary>The answer (or decision letter) served on the applicant: the applicant's review and suit windows start here.</summary>
public sealed record AnswerDelivered(LocalDate On, string? Method = null);

/// <summary>The applicant challenged the handling of the request: a review or a lawsuit was filed (its own stream).</summary>
public sealed record RequestChallenged(string CaseReference, CaseGroup Group, LocalDate FiledOn);

/// <summary>How the applicant challenged a request's handling: the three groups of table 四.</summary>
public enum CaseGroup
{
    Review,
    LawsuitDirect,
    LawsuitAfterReview,
}

public static class CaseGroups
{
    public static string Label(CaseGroup group) => group switch
    {
        CaseGroup.Review => "行政复议",
        CaseGroup.LawsuitDirect => "行政诉讼（未经复议直接起诉）",
        CaseGroup.LawsuitAfterReview => "行政诉讼（复议后起诉）",
        _ => group.ToString(),
    };
}

// ---------------------------------------------------------------------------------------------------------------------
// State: what the decider and the statutory clock need, folded from the events. Evolve is total and never throws.
// ---------------------------------------------------------------------------------------------------------------------

public sealed record ClarificationNotice(LocalDate On, LocalDate? ReplyBy, LocalDate? CorrectedOn, LocalDate? LapsedOn)
{
    public bool Pending => CorrectedOn is null && LapsedOn is null;
}

public sealed record Extension(LocalDate On, int WorkingDays, string ApprovedBy);

/// <summary>What an officer asked the approver for and is not decided yet: an extension (days) or a delayed date (due).</summary>
public sealed record PendingApproval(LocalDate On, int? WorkingDays, LocalDate? DueOn, string Reason, string RequestedBy)
{
    public bool IsExtension => WorkingDays is not null;

    public string Label => IsExtension ? $"延长答复期限 {WorkingDays} 个工作日" : $"延迟答复至 {DueOn:yyyy-MM-dd}（第三十五条）";
}

public sealed record Consultation(ConsultationParty Party, string? Name, LocalDate Start, LocalDate? End, ConsultationResult? Result)
{
    public LocalDate? PartyReceivedOn { get; init; }

    public bool Open => End is null;
}

public sealed record FeeNotice(LocalDate On, decimal AmountYuan, LocalDate? PaidOn, LocalDate? LapsedOn)
{
    public bool Pending => PaidOn is null && LapsedOn is null;
}

public sealed record Conclusion(LocalDate On, ConclusionKind Kind, IReadOnlyList<Outcome> Items)
{
    /// <summary>For a lapse: the applicant's deadline it relies on (the request lapsed the day after).</summary>
    public LocalDate? LapsedAfter { get; init; }

    public Outcome Row(OutcomePolicies policies) => OutcomeDerivation.Row(Kind, Items, policies);
}

public sealed record Request
{
    public static readonly Request Initial = new();

    public bool Received { get; init; }
    public string Reference { get; init; } = "";
    public LocalDate ReceivedOn { get; init; }
    public Channel Channel { get; init; }
    public ApplicantType ApplicantType { get; init; }
    public string? Officer { get; init; }

    /// <summary>Where the current answer period counts from: receipt, the corrected request, or the reopening.</summary>
    public LocalDate ClockStart { get; init; }

    /// <summary>The current period's length when ordered (reopening); otherwise the statutory 20 working days.</summary>
    public int? OrderedPeriodWorkingDays { get; init; }

    /// <summary>A due date that replaces the computed one: the art. 35 delayed date, or a date ordered on reopening.</summary>
    public LocalDate? DueDateOverride { get; init; }

    public ImmutableList<ClarificationNotice> Clarifications { get; init; } = [];

    /// <summary>Extensions of the current answer period (a restart of the clock starts a new period without them).</summary>
    public ImmutableList<Extension> Extensions { get; init; } = [];

    public ImmutableList<Consultation> Consultations { get; init; } = [];

    /// <summary>An extension or delayed date an officer asked for, awaiting the approver.</summary>
    public PendingApproval? AwaitingApproval { get; init; }

    public ImmutableList<FeeNotice> Fees { get; init; } = [];
    public LocalDate? VolumeReasonsAskedOn { get; init; }
    public LocalDate? VolumeDecisionOn { get; init; }
    public Conclusion? Conclusion { get; init; }

    /// <summary>The first conclusion: what table 三 counts (a reopened request stays one application).</summary>
    public Conclusion? FirstConclusion { get; init; }

    public ImmutableList<int> CarriedOverYears { get; init; } = [];
    public ImmutableList<string> ReopenedBy { get; init; } = [];
    public ImmutableList<string> Challenges { get; init; } = [];
    public LocalDate? AnswerDeliveredOn { get; init; }
    public ImmutableList<LetterIssued> Letters { get; init; } = [];

    /// <summary>The latest business date of any fact recorded by an officer (not the year-end close).</summary>
    public LocalDate LastFactOn { get; init; }

    public bool Concluded => Conclusion is not null;
    public ClarificationNotice? PendingClarification => Clarifications.LastOrDefault(c => c.Pending);
    public FeeNotice? PendingFee => Fees.LastOrDefault(f => f.Pending);
    public int ExtensionWorkingDays => Extensions.Sum(e => e.WorkingDays);

    public RequestStatus Status =>
        Concluded ? RequestStatus.Concluded
        : PendingClarification is not null ? RequestStatus.AwaitingClarification
        : Consultations.Any(c => c.Open) ? RequestStatus.Consulting
        : PendingFee is not null ? RequestStatus.AwaitingFee
        : RequestStatus.Open;

    public static Request Evolve(Request state, object e) => e switch
    {
        RequestReceived r => state with
        {
            Received = true,
            Reference = r.Reference,
            ReceivedOn = r.ReceivedOn,
            Channel = r.Channel,
            ApplicantType = r.Applicant.Type,
            Officer = r.Officer,
            ClockStart = r.ReceivedOn,
            LastFactOn = r.ReceivedOn,
        },
        OfficerAssigned a => state with { Officer = a.Officer, LastFactOn = Later(state.LastFactOn, a.On) },
        ClarificationRequested c => state with
        {
            Clarifications = state.Clarifications.Add(new ClarificationNotice(c.On, c.ReplyBy, null, null)),
            LastFactOn = Later(state.LastFactOn, c.On),
        },
        CorrectedRequestReceived c => state with
        {
            Clarifications = ReplacePending(state.Clarifications, n => n with { CorrectedOn = c.On }),
            ClockStart = c.On,
            Extensions = [],
            LastFactOn = Later(state.LastFactOn, c.On),
        },
        ClarificationLapsed l => Conclude(state with { Clarifications = ReplacePending(state.Clarifications, n => n with { LapsedOn = l.On }) }, ConclusionOf(l)!),
        ExtensionApproved x => state with
        {
            Extensions = state.Extensions.Add(new Extension(x.On, x.WorkingDays, x.ApprovedBy)),
            AwaitingApproval = state.AwaitingApproval is { IsExtension: true } ? null : state.AwaitingApproval,
            LastFactOn = Later(state.LastFactOn, x.On),
        },
        ExtensionApprovalRequested a => state with
        {
            AwaitingApproval = new PendingApproval(a.On, a.WorkingDays, null, a.Reason, a.RequestedBy),
            LastFactOn = Later(state.LastFactOn, a.On),
        },
        DelayedAnswerDateApprovalRequested a => state with
        {
            AwaitingApproval = new PendingApproval(a.On, null, a.DueOn, a.Reason, a.RequestedBy),
            LastFactOn = Later(state.LastFactOn, a.On),
        },
        ExtensionRefused r => state with { AwaitingApproval = null, LastFactOn = Later(state.LastFactOn, r.On) },
        DelayedAnswerDateRefused r => state with { AwaitingApproval = null, LastFactOn = Later(state.LastFactOn, r.On) },
        ConsultationStarted c => state with
        {
            Consultations = state.Consultations.Add(new Consultation(c.Party, c.Name, c.On, null, null) { PartyReceivedOn = c.PartyReceivedOn }),
            LastFactOn = Later(state.LastFactOn, c.On),
        },
        ConsultationEnded c => state with
        {
            Consultations = state.Consultations.Select(x => x.Open && x.Party == c.Party ? x with { End = c.On, Result = c.Result } : x).ToImmutableList(),
            LastFactOn = Later(state.LastFactOn, c.On),
        },
        VolumeReasonsRequested v => state with { VolumeReasonsAskedOn = v.On, LastFactOn = Later(state.LastFactOn, v.On) },
        DelayedAnswerDateSet d => state with
        {
            DueDateOverride = d.DueOn,
            VolumeDecisionOn = d.On,
            AwaitingApproval = state.AwaitingApproval is { IsExtension: false } ? null : state.AwaitingApproval,
            LastFactOn = Later(state.LastFactOn, d.On),
        },
        FeeNoticeIssued f => state with
        {
            Fees = state.Fees.Add(new FeeNotice(f.On, f.AmountYuan, null, null)),
            LastFactOn = Later(state.LastFactOn, f.On),
        },
        FeePaid p => state with
        {
            Fees = state.Fees.Select(f => f.Pending ? f with { PaidOn = p.On } : f).ToImmutableList(),
            LastFactOn = Later(state.LastFactOn, p.On),
        },
        FeeLapsed l => Conclude(state with { Fees = state.Fees.Select(f => f.Pending ? f with { LapsedOn = l.On } : f).ToImmutableList() }, ConclusionOf(l)!),
        RequestAnswered a => Conclude(state with { VolumeDecisionOn = state.VolumeReasonsAskedOn is null ? state.VolumeDecisionOn : state.VolumeDecisionOn ?? a.On }, ConclusionOf(a)!),
        RequestWithdrawn w => Conclude(state, ConclusionOf(w)!),
        AnswerDelivered d => state with { AnswerDeliveredOn = d.On },
        LetterIssued l => state with { Letters = state.Letters.Add(l) },
        RequestChallenged c => state with { Challenges = state.Challenges.Contains(c.CaseReference) ? state.Challenges : state.Challenges.Add(c.CaseReference) },
        RequestCarriedOver c => state with { CarriedOverYears = state.CarriedOverYears.Contains(c.Year) ? state.CarriedOverYears : state.CarriedOverYears.Add(c.Year) },
        RequestReopened r => state with
        {
            Conclusion = null,
            AnswerDeliveredOn = null,
            ClockStart = r.On,
            OrderedPeriodWorkingDays = r.WorkingDays,
            DueDateOverride = r.DueOn,
            Extensions = [],
            ReopenedBy = state.ReopenedBy.Add(r.CaseReference),
            LastFactOn = Later(state.LastFactOn, r.On),
        },
        _ => state,
    };

    /// <summary>The conclusion a fact brings (answer, lapse, withdrawal), or null: one rule for the state and the report facts.</summary>
    public static Conclusion? ConclusionOf(object e) => e switch
    {
        RequestAnswered a => new Conclusion(a.On, ConclusionKind.Answered, a.Items.Select(i => i.Outcome).ToList()),
        ClarificationLapsed l => new Conclusion(l.On, ConclusionKind.ClarificationLapsed, [Outcome.OtherClarificationLapsed]) { LapsedAfter = l.Deadline },
        FeeLapsed l => new Conclusion(l.On, ConclusionKind.FeeLapsed, [Outcome.OtherFeeLapsed]) { LapsedAfter = l.Deadline },
        RequestWithdrawn w => new Conclusion(w.On, ConclusionKind.Withdrawn, [Outcome.Other]),
        _ => null,
    };

    private static LocalDate Later(LocalDate a, LocalDate b) => a >= b ? a : b;

    private static Request Conclude(Request state, Conclusion conclusion) => state with
    {
        Conclusion = conclusion,
        FirstConclusion = state.FirstConclusion ?? conclusion,
        AwaitingApproval = null,
        LastFactOn = Later(state.LastFactOn, conclusion.On),
    };

    private static ImmutableList<ClarificationNotice> ReplacePending(ImmutableList<ClarificationNotice> notices, Func<ClarificationNotice, ClarificationNotice> change)
    {
        var index = notices.FindLastIndex(n => n.Pending);
        return index < 0 ? notices : notices.SetItem(index, change(notices[index]));
    }
}
