namespace CaseFlow.Deadlines;

/// <summary>[U] §1.10 rule 1: whether the day of receipt is day 1 of a working-day period.</summary>
public enum ReceiptDayRule
{
    /// <summary>Default: day 1 is the first working day after the receipt day (CPL art. 85 by analogy).</summary>
    Excluded,

    /// <summary>The receipt day counts as day 1 when it is a working day (one working day earlier).</summary>
    CountsAsDayOne,
}

/// <summary>[U] §2.3: whether the answer clock runs while a fee notice is unpaid.</summary>
public enum FeeClockRule
{
    /// <summary>Default, reading (a): paused from the notice until payment (or lapse).</summary>
    PausedUntilPaid,

    /// <summary>Reading (b): the clock keeps running.</summary>
    Running,
}

/// <summary>[U] §1.2: how many correction (补正) notices a request may receive.</summary>
public enum ClarificationNoticeRule
{
    /// <summary>Default: one consolidated notice (一次性告知); a still-unclear correction ends as 补正后申请内容仍不明确.</summary>
    OncePerRequest,

    /// <summary>A second notice is allowed after a corrected request was received.</summary>
    AgainAfterCorrection,
}

/// <summary>[U] §1.5: whether the answer clock runs while the agency waits for the applicant's art. 35 reasons.</summary>
public enum VolumeReasonsClockRule
{
    /// <summary>Default: the clock runs (the Regulations exclude only consultation time).</summary>
    Running,

    /// <summary>Paused from the request for reasons until the agency's decision.</summary>
    Paused,
}

/// <summary>[U] §1.4: from which day the consulted party's 15-working-day window (and so the longest pause) counts.</summary>
public enum ConsultationWindowStartRule
{
    /// <summary>Default: from the day after the letter is sent (its receipt is rarely known; this never pauses longer).</summary>
    FromDispatch,

    /// <summary>From the day after the party received the letter, when that is recorded; otherwise from dispatch.</summary>
    FromPartyReceipt,
}

/// <summary>[U] art. 30: a correction notice sent after the 7-working-day notice window (but before the answer deadline).</summary>
public enum LateClarificationNoticeRule
{
    /// <summary>Default: accepted with a warning; the answer period still restarts when the corrected request arrives.</summary>
    RestartWithWarning,

    /// <summary>Accepted, but the answer period keeps running from receipt: a late notice does not buy time.</summary>
    NoRestart,

    /// <summary>Refused (<c>clarification.notice-late</c>).</summary>
    Reject,
}

/// <summary>
/// The named policies of the statutory clock. Each [U] rule of the domain reference is one setting here with the
/// recommended default; docs/decisions/0003-clock-policies.md says why. Agencies may override them in configuration,
/// never silently in code.
/// </summary>
public sealed record ClockPolicies
{
    public static readonly ClockPolicies Default = new();

    public ReceiptDayRule ReceiptDay { get; init; } = ReceiptDayRule.Excluded;

    public FeeClockRule FeeClock { get; init; } = FeeClockRule.PausedUntilPaid;

    public ClarificationNoticeRule ClarificationNotices { get; init; } = ClarificationNoticeRule.OncePerRequest;

    public VolumeReasonsClockRule VolumeReasonsClock { get; init; } = VolumeReasonsClockRule.Running;

    public ConsultationWindowStartRule ConsultationWindowStart { get; init; } = ConsultationWindowStartRule.FromDispatch;

    public LateClarificationNoticeRule LateClarificationNotice { get; init; } = LateClarificationNoticeRule.RestartWithWarning;

    /// <summary>[U] art. 30 sets no number for the applicant's correction deadline; used when a notice names none.</summary>
    public int DefaultClarificationReplyWorkingDays { get; init; } = 15;

    /// <summary>[U] §1.3: an extension only makes sense if notified before the first period expires.</summary>
    public bool ExtensionMustPrecedeDueDate { get; init; } = true;

    /// <summary>[F] Regs art. 30: the correction notice is due within 7 working days of receipt.</summary>
    public int ClarificationNoticeWorkingDays { get; init; } = 7;

    /// <summary>[F] Regs art. 33: 20 working days, extension at most 20 more.</summary>
    public int AnswerWorkingDays { get; init; } = 20;

    public int MaxExtensionWorkingDays { get; init; } = 20;

    /// <summary>[F] Regs arts. 32, 34: 15 working days for the consulted party. [U] counted from dispatch.</summary>
    public int ConsultationReplyWorkingDays { get; init; } = 15;

    /// <summary>[S] Fee Measures via the Sichuan notice: pay within 20 working days. [U] notice received on its issue date.</summary>
    public int FeePaymentWorkingDays { get; init; } = 20;

    /// <summary>[U] §5 issue 5: a decision ordering a new answer without a period gives 20 working days.</summary>
    public int ReopenedAnswerWorkingDays { get; init; } = 20;
}
