using CaseFlow.Deadlines;
using NodaTime;

namespace CaseFlow.Requests;

/// <summary>All dates the clock derives for a request as of a day.</summary>
public sealed record RequestDeadlines(
    Deadline ClarificationNotice,
    Deadline Answer,
    Deadline? ApplicantClarification,
    Deadline? FeePayment,
    IReadOnlyList<Deadline> ConsultationReplies)
{
    /// <summary>The day the deadlines were computed for.</summary>
    public LocalDate AsOf { get; init; }

    /// <summary>What the officer must know as of that day (<see cref="RequestClock.Notices"/>).</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    /// <summary>Every deadline that is still running (the answer, and whatever waits on the applicant or a consulted party).</summary>
    public IEnumerable<Deadline> Running(Request request)
    {
        if (request.Concluded)
        {
            yield break;
        }

        // The correction-notice window is an option, not a duty: once it has closed there is nothing left to do about it.
        if (request.Clarifications.Count == 0 && request.ReopenedBy.Count == 0 && ClarificationNotice.Due >= AsOf)
        {
            yield return ClarificationNotice;
        }

        if (ApplicantClarification is not null)
        {
            yield return ApplicantClarification;
        }
        else
        {
            yield return Answer;
        }

        if (FeePayment is not null)
        {
            yield return FeePayment;
        }

        foreach (var reply in ConsultationReplies)
        {
            yield return reply;
        }
    }
}

/// <summary>
/// The statutory clock: every date is derived from the request's facts and the working-day calendar, never stored,
/// so a corrected fact or a newly loaded holiday notice moves it, and each one says how it was computed.
/// </summary>
public static class RequestClock
{
    public static RequestDeadlines Compute(Request request, WorkdayCalendar calendar, ClockPolicies policies, LocalDate asOf) =>
        new(
            ClarificationNoticeDue(request, calendar, policies),
            AnswerDue(request, calendar, policies, asOf),
            ApplicantClarificationDue(request, calendar, policies),
            FeePaymentDue(request, calendar, policies),
            request.Consultations.Where(c => c.Open).Select(c => ConsultationReplyDue(c, calendar, policies)).ToList())
        { AsOf = asOf, Notices = Notices(request, calendar, policies, asOf) };

    /// <summary>What the officer must know now: a consultation whose window has ended with no reply recorded.</summary>
    public static IReadOnlyList<string> Notices(Request request, WorkdayCalendar calendar, ClockPolicies policies, LocalDate asOf) =>
        request.Concluded
            ? []
            : [.. request.Consultations.Where(c => c.Open).Select(c => (c, End: ConsultationWindow(c, calendar, policies).End)).Where(x => x.End < asOf).Select(x =>
                $"征求{Labels.Of(x.c.Party)}意见期限已届满（{ExplanationWriter.Iso(x.End)}）：答复期限已恢复计算。"
                + (x.c.Party == ConsultationParty.ThirdParty
                    ? "第三方逾期未提出意见的，由行政机关依照《条例》规定决定（第三十二条）：请登记结果或直接作出答复。"
                    : "其他机关逾期未提出意见的，视为同意公开（第三十四条）：请登记结果或直接作出答复。"))];

    /// <summary>The applicant's windows after an answer: when the applicant knew the act (delivery, else the answer date).</summary>
    public static IReadOnlyList<Deadline> RemedyWindows(Request request, WorkdayCalendar calendar)
    {
        if (request.Conclusion is not { } conclusion)
        {
            return [];
        }

        var (known, knownZh, knownEn) = request.AnswerDeliveredOn is { } delivered
            ? (delivered, "答复送达申请人", "The answer was served on the applicant")
            : (conclusion.On, "答复作出（未登记送达日期，按政策以答复日期为申请人知道之日）", "Answered (no delivery date recorded: by policy the answer date is when the applicant knew)");
        var review = CalendarPeriods.Days(known, 60, calendar, knownZh, knownEn, "行政复议法第二十条", "ARL art. 20");
        var suit = CalendarPeriods.Months(known, 6, calendar, knownZh, knownEn, "行政诉讼法第四十六条", "ALL art. 46");
        var suitExplanation = suit.Explanation;
        if (known >= Statutes.Arl2023InForce && conclusion.Kind == ConclusionKind.Answered
            && conclusion.Items.Any(o => OutcomeRows.Of(o).GroupKey is "refused" or "partial"))
        {
            suitExplanation = suitExplanation with
            {
                Chinese = [.. suitExplanation.Chinese, "不予公开的，应先申请行政复议（行政复议法第二十三条第一款第四项），直接起诉的法院一般不予受理。"],
                English = [.. suitExplanation.English, "A refusal to disclose must first go to review (ARL-2023 art. 23(4)); a direct suit is normally not accepted."],
            };
        }

        return
        [
            new Deadline(DeadlineKind.ApplicantReviewWindow, review.Due, review.Provisional, review.Explanation),
            new Deadline(DeadlineKind.ApplicantSuitWindow, suit.Due, suit.Provisional, suitExplanation),
        ];
    }

    public static Deadline ClarificationNoticeDue(Request request, WorkdayCalendar calendar, ClockPolicies policies)
    {
        var count = CountFrom(request.ReceivedOn, policies.ClarificationNoticeWorkingDays, calendar, policies, null);
        var writer = new ExplanationWriter()
            .Line($"{ExplanationWriter.Zh(request.ReceivedOn)} 收到申请。", $"Received {ExplanationWriter.En(request.ReceivedOn)}.");
        DayOne(writer, count, policies);
        writer.Line($"补正告知应自收到申请之日起 {policies.ClarificationNoticeWorkingDays} 个工作日内一次性发出（《条例》第三十条），届满于 {ExplanationWriter.Zh(count.End)}。",
                $"A correction notice is due within {policies.ClarificationNoticeWorkingDays} working days (Regs art. 30): by {ExplanationWriter.En(count.End)}.")
            .Calendar(count);
        return new Deadline(DeadlineKind.ClarificationNotice, count.End, count.Provisional, writer.Build());
    }

    public static Deadline AnswerDue(Request request, WorkdayCalendar calendar, ClockPolicies policies, LocalDate asOf)
    {
        var writer = new ExplanationWriter();
        if (request.DueDateOverride is { } fixedDue)
        {
            var reason = request.ReopenedBy.Count > 0 && request.VolumeReasonsAskedOn is null
                ? ("复议决定或判决责令重新答复，并确定了答复期限", "A review decision or judgment ordered a new answer by a set date")
                : ("申请数量、频次明显超过合理范围，行政机关确定了延迟答复的合理期限（《条例》第三十五条）", "The agency set a reasonable delayed answer date for an excessive volume of requests (Regs art. 35)");
            writer.Line($"{reason.Item1}：{ExplanationWriter.Zh(fixedDue)}。", $"{reason.Item2}: {ExplanationWriter.En(fixedDue)}.");
            return new Deadline(DeadlineKind.Answer, fixedDue, !calendar.Covers(fixedDue.Year), writer.Build());
        }

        var start = request.ClockStart;
        var provisionalRestart = false;
        var lateNoRestart = LateNoticeKeepsClock(request, calendar, policies);
        if (lateNoRestart is { } late)
        {
            start = request.ReceivedOn;
            writer.Line($"{ExplanationWriter.Zh(late.On)} 发出的补正告知晚于收到申请后 {policies.ClarificationNoticeWorkingDays} 个工作日；按政策，答复期限不因补正重新计算，仍自 {ExplanationWriter.Zh(start)} 收到申请起算。",
                $"The correction notice of {ExplanationWriter.En(late.On)} came after the {policies.ClarificationNoticeWorkingDays}-working-day window; by policy the period does not restart and still counts from receipt on {ExplanationWriter.En(start)}.");
        }
        else if (request.PendingClarification is { } notice && !request.Concluded)
        {
            // The period will start again when the corrected request arrives; until then, as if it arrived today.
            start = asOf >= notice.On ? asOf : notice.On;
            provisionalRestart = true;
            writer.Line($"已于 {ExplanationWriter.Zh(notice.On)} 发出补正告知，答复期限自收到补正后的申请之日起重新计算；尚未收到，暂按 {ExplanationWriter.Zh(start)} 收到计算。",
                $"A correction notice went out {ExplanationWriter.En(notice.On)}; the period restarts when the corrected request arrives. Not yet received: computed as if it arrived {ExplanationWriter.En(start)}.");
        }
        else if (request.ReopenedBy.Count > 0 && start != request.ReceivedOn)
        {
            writer.Line($"{ExplanationWriter.Zh(start)} 复议决定或判决责令重新答复（{request.ReopenedBy[^1]}），重新起算答复期限。",
                $"Reopened {ExplanationWriter.En(start)} by an order to answer again ({request.ReopenedBy[^1]}): a new answer period starts.");
        }
        else if (start != request.ReceivedOn)
        {
            writer.Line($"{ExplanationWriter.Zh(request.ReceivedOn)} 收到申请；{ExplanationWriter.Zh(start)} 收到补正后的申请，答复期限自该日重新计算（《条例》第三十条）。",
                $"Received {ExplanationWriter.En(request.ReceivedOn)}; the corrected request arrived {ExplanationWriter.En(start)}, and the period counts from there (Regs art. 30).");
        }
        else
        {
            writer.Line($"{ExplanationWriter.Zh(start)} 收到申请（{Labels.Of(request.Channel)}，《条例》第三十一条）。",
                $"Received {ExplanationWriter.En(start)} ({Codes.Channels.Code(request.Channel)}, Regs art. 31).");
        }

        var period = request.OrderedPeriodWorkingDays ?? policies.AnswerWorkingDays;
        var extension = request.ExtensionWorkingDays;
        var (pauses, ignored) = Pauses(request, calendar, policies, asOf, start, period + extension);
        bool Paused(LocalDate d) => pauses.Any(p => d > p.From && d <= p.Through);
        var count = CountFrom(start, period + extension, calendar, policies, Paused);
        DayOne(writer, count, policies);
        writer.Line(request.OrderedPeriodWorkingDays is { } ordered
                ? $"责令重新答复的期限为 {ordered} 个工作日。"
                : $"答复期限为 {period} 个工作日（《条例》第三十三条第二款）。",
            request.OrderedPeriodWorkingDays is { } orderedEn
                ? $"The order gives {orderedEn} working days."
                : $"The answer period is {period} working days (Regs art. 33).");
        foreach (var x in request.Extensions)
        {
            writer.Line($"{ExplanationWriter.Zh(x.On)} 经政府信息公开工作机构负责人（{x.ApprovedBy}）同意延长 {x.WorkingDays} 个工作日并告知申请人（第三十三条第二款）。",
                $"Extended by {x.WorkingDays} working days on {ExplanationWriter.En(x.On)}, approved by {x.ApprovedBy} (Regs art. 33).");
        }

        foreach (var pause in pauses)
        {
            var days = count.PausedDaysSkipped.Count(d => d > pause.From && d <= pause.Through);
            var (noteZh, noteEn) = pause.Open ? ("（尚未结束，暂计至今日）", " (still running, counted to today)")
                : pause.CappedAt is { } cap ? ($"（对方答复期限于 {ExplanationWriter.Iso(cap)} 届满，此后恢复计算）", $" (the party's window ended {ExplanationWriter.Iso(cap)}; the clock runs again after it)")
                : ("", "");
            writer.Line($"{pause.Zh} {ExplanationWriter.Iso(pause.From)} 至 {ExplanationWriter.Iso(pause.Through)}{noteZh}，其间 {days} 个工作日不计入（{pause.GroundZh}）。",
                $"{pause.En} {ExplanationWriter.Iso(pause.From)} to {ExplanationWriter.Iso(pause.Through)}{noteEn}: {days} working days not counted ({pause.GroundEn}).");
        }

        foreach (var c in ignored)
        {
            writer.Line($"{ExplanationWriter.Zh(c.Start)} 征求{Labels.Of(c.Party)}意见时答复期限已经届满，不再中止计算。",
                $"The consultation of {ExplanationWriter.En(c.Start)} began after the answer deadline had passed: it does not pause the clock.");
        }

        writer.Line($"{period + extension} 个工作日届满于 {ExplanationWriter.Zh(count.End)}。", $"{period + extension} working days end on {ExplanationWriter.En(count.End)}.")
            .Calendar(count);

        LocalDate? target = null;
        if (policies.ReceiptDay == ReceiptDayRule.Excluded && !provisionalRestart)
        {
            var early = CountFrom(start, period + extension, calendar, policies with { ReceiptDay = ReceiptDayRule.CountsAsDayOne }, Paused);
            if (early.End < count.End)
            {
                target = early.End;
                writer.Line($"若收到之日计入，则为 {ExplanationWriter.Zh(early.End)}：建议以此为办理目标。",
                    $"Counting the receipt day as day 1 would give {ExplanationWriter.En(early.End)}: a safe target.");
            }
        }

        return new Deadline(DeadlineKind.Answer, count.End, count.Provisional || provisionalRestart, writer.Build()) { SafeTarget = target };
    }

    public static Deadline? ApplicantClarificationDue(Request request, WorkdayCalendar calendar, ClockPolicies policies)
    {
        if (request.PendingClarification is not { } notice || request.Concluded)
        {
            return null;
        }

        var writer = new ExplanationWriter();
        if (notice.ReplyBy is { } replyBy)
        {
            writer.Line($"{ExplanationWriter.Zh(notice.On)} 发出补正告知，载明补正期限为 {ExplanationWriter.Zh(replyBy)}（《条例》第三十条）。",
                $"The correction notice of {ExplanationWriter.En(notice.On)} set the deadline {ExplanationWriter.En(replyBy)} (Regs art. 30).");
            return new Deadline(DeadlineKind.ApplicantClarification, replyBy, !calendar.Covers(replyBy.Year), writer.Build());
        }

        var count = calendar.Count(notice.On, policies.DefaultClarificationReplyWorkingDays);
        writer.Line($"{ExplanationWriter.Zh(notice.On)} 发出补正告知，未载明补正期限；按默认政策给予 {policies.DefaultClarificationReplyWorkingDays} 个工作日，届满于 {ExplanationWriter.Zh(count.End)}。",
                $"The correction notice of {ExplanationWriter.En(notice.On)} set no deadline; by the default policy {policies.DefaultClarificationReplyWorkingDays} working days apply, ending {ExplanationWriter.En(count.End)}.")
            .Calendar(count);
        return new Deadline(DeadlineKind.ApplicantClarification, count.End, count.Provisional, writer.Build());
    }

    public static Deadline? FeePaymentDue(Request request, WorkdayCalendar calendar, ClockPolicies policies)
    {
        if (request.PendingFee is not { } fee || request.Concluded)
        {
            return null;
        }

        var count = calendar.Count(fee.On, policies.FeePaymentWorkingDays);
        var writer = new ExplanationWriter()
            .Line($"{ExplanationWriter.Zh(fee.On)} 发出收费通知（{fee.AmountYuan:0.##} 元），申请人应自收到通知次日起 {policies.FeePaymentWorkingDays} 个工作日内缴纳（国办函〔2020〕109号）；按政策以发出之日为收到之日，届满于 {ExplanationWriter.Zh(count.End)}。",
                $"Fee notice of {fee.AmountYuan:0.##} yuan issued {ExplanationWriter.En(fee.On)}: payment is due within {policies.FeePaymentWorkingDays} working days of receipt (Fee Measures); by policy received on the day issued, so by {ExplanationWriter.En(count.End)}.")
            .Calendar(count);
        return new Deadline(DeadlineKind.FeePayment, count.End, count.Provisional, writer.Build());
    }

    /// <summary>
    /// The consulted party's window (arts. 32, 34): 15 working days, counted by policy from the day after dispatch, or
    /// from the day after the party's receipt when that is recorded. The answer clock pauses at most until its end.
    /// </summary>
    public static WorkingDayCount ConsultationWindow(Consultation consultation, WorkdayCalendar calendar, ClockPolicies policies) =>
        calendar.Count(
            policies.ConsultationWindowStart == ConsultationWindowStartRule.FromPartyReceipt && consultation.PartyReceivedOn is { } received ? received : consultation.Start,
            policies.ConsultationReplyWorkingDays);

    public static Deadline ConsultationReplyDue(Consultation consultation, WorkdayCalendar calendar, ClockPolicies policies)
    {
        var count = ConsultationWindow(consultation, calendar, policies);
        var fromReceipt = count.Start != consultation.Start;
        var (article, silence, silenceEn) = consultation.Party == ConsultationParty.ThirdParty
            ? ("第三十二条", "逾期未提出意见的，由行政机关依照本条例规定决定", "silence leaves the decision to the agency")
            : ("第三十四条", "逾期未提出意见的视为同意公开", "silence counts as consent to disclose");
        var writer = new ExplanationWriter()
            .Line($"{ExplanationWriter.Zh(consultation.Start)} 发出征求{Labels.Of(consultation.Party)}意见函，对方应自收到之日起 {policies.ConsultationReplyWorkingDays} 个工作日内提出意见（《条例》{article}；{(fromReceipt ? $"对方于 {ExplanationWriter.Zh(count.Start)} 收到，自收到之日起算" : "按政策自发出之日起算")}），届满于 {ExplanationWriter.Zh(count.End)}；{silence}。答复期限最多中止至该日。",
                $"Consultation letter to the {Codes.ConsultationParties.Code(consultation.Party)} sent {ExplanationWriter.En(consultation.Start)}: {policies.ConsultationReplyWorkingDays} working days to reply (Regs {(consultation.Party == ConsultationParty.ThirdParty ? "art. 32" : "art. 34")}; {(fromReceipt ? $"counted from the party's receipt on {ExplanationWriter.En(count.Start)}" : "by policy counted from dispatch")}), ending {ExplanationWriter.En(count.End)}; {silenceEn}. The answer clock pauses at most until then.")
            .Calendar(count);
        return new Deadline(DeadlineKind.ConsultationReply, count.End, count.Provisional, writer.Build()) { Subject = consultation.Name ?? Labels.Of(consultation.Party) };
    }

    /// <summary>Counts a period that starts on a receipt-like day, by the receipt-day policy.</summary>
    private static WorkingDayCount CountFrom(LocalDate start, int workingDays, WorkdayCalendar calendar, ClockPolicies policies, Func<LocalDate, bool>? paused) =>
        policies.ReceiptDay == ReceiptDayRule.CountsAsDayOne && calendar.IsWorkingDay(start)
            ? calendar.Count(start.PlusDays(-1), workingDays, paused)
            : calendar.Count(start, workingDays, paused);

    private static void DayOne(ExplanationWriter writer, WorkingDayCount count, ClockPolicies policies)
    {
        if (policies.ReceiptDay == ReceiptDayRule.Excluded)
        {
            writer.Line($"收到之日不计入，第1个工作日为 {ExplanationWriter.Zh(count.FirstCountedDay)}。",
                $"The day of receipt does not count: day 1 is {ExplanationWriter.En(count.FirstCountedDay)}.");
        }
        else
        {
            writer.Line($"收到之日计入（政策），第1个工作日为 {ExplanationWriter.Zh(count.FirstCountedDay)}。",
                $"By policy the day of receipt counts: day 1 is {ExplanationWriter.En(count.FirstCountedDay)}.");
        }
    }

    private sealed record Pause(LocalDate From, LocalDate Through, bool Open, string Zh, string En, string GroundZh, string GroundEn)
    {
        /// <summary>For a consultation: the end of the party's window when it cut the pause short.</summary>
        public LocalDate? CappedAt { get; init; }
    }

    /// <summary>
    /// The intervals in which the answer clock stands still: (From, Through], an open one counted to as-of. A
    /// consultation pauses until the reply or the end of the party's window, whichever is first (arts. 32–34), and one
    /// begun after the deadline had passed pauses nothing (it is returned as ignored, for the explanation).
    /// </summary>
    private static (List<Pause> Pauses, List<Consultation> Ignored) Pauses(
        Request request, WorkdayCalendar calendar, ClockPolicies policies, LocalDate asOf, LocalDate start, int workingDays)
    {
        var pauses = new List<Pause>();
        var ignored = new List<Consultation>();
        var feeLapsed = request.Conclusion?.Kind == ConclusionKind.FeeLapsed;
        if (policies.FeeClock == FeeClockRule.PausedUntilPaid || feeLapsed)
        {
            foreach (var f in request.Fees.Where(f => policies.FeeClock == FeeClockRule.PausedUntilPaid || f.LapsedOn is not null))
            {
                pauses.Add(new Pause(f.On, f.PaidOn ?? f.LapsedOn ?? Max(asOf, f.On), f.Pending, "收费通知至缴费", "Fee notice to payment",
                    f.LapsedOn is not null ? "申请人逾期未缴费，等待缴费期间不计入" : "政策：缴费期间中止计算",
                    f.LapsedOn is not null ? "the fee lapsed: the wait for it does not count" : "policy: the clock stops while a fee is unpaid"));
            }
        }

        // A request deemed abandoned for want of correction: the wait for the correction does not count against the agency.
        if (request.Conclusion?.Kind == ConclusionKind.ClarificationLapsed && request.Clarifications.LastOrDefault(n => n.LapsedOn is not null) is { } lapsed)
        {
            pauses.Add(new Pause(lapsed.On, lapsed.LapsedOn!.Value, false, "等待补正", "Awaiting the correction",
                "申请人逾期未补正，视为放弃申请（《条例》第三十条）", "the correction lapsed: the request is deemed abandoned (Regs art. 30)"));
        }

        if (policies.VolumeReasonsClock == VolumeReasonsClockRule.Paused && request.VolumeReasonsAskedOn is { } asked)
        {
            pauses.Add(new Pause(asked, request.VolumeDecisionOn ?? Max(asOf, asked), request.VolumeDecisionOn is null, "要求说明理由", "Awaiting reasons",
                "政策：等待说明理由期间中止计算", "policy: the clock stops while reasons are awaited"));
        }

        foreach (var c in request.Consultations.OrderBy(c => c.Start))
        {
            var windowEnd = ConsultationWindow(c, calendar, policies).End;
            var reached = c.End ?? Max(asOf, c.Start);
            var through = reached > windowEnd ? windowEnd : reached;
            if (through <= c.Start)
            {
                continue;
            }

            var dueSoFar = CountFrom(start, workingDays, calendar, policies, d => pauses.Any(p => d > p.From && d <= p.Through)).End;
            if (c.Start > dueSoFar)
            {
                ignored.Add(c);
                continue;
            }

            var party = Labels.Of(c.Party);
            pauses.Add(new Pause(c.Start, through, c.Open && reached <= windowEnd, $"征求{party}意见", $"Consulting the {Codes.ConsultationParties.Code(c.Party)}",
                "《条例》第三十三条第三款", "Regs art. 33(3)")
            {
                CappedAt = reached > windowEnd ? windowEnd : null,
            });
        }

        return (pauses, ignored);
    }

    /// <summary>Under <see cref="LateClarificationNoticeRule.NoRestart"/>: the late notice that leaves the clock running, if any.</summary>
    private static ClarificationNotice? LateNoticeKeepsClock(Request request, WorkdayCalendar calendar, ClockPolicies policies)
    {
        if (policies.LateClarificationNotice != LateClarificationNoticeRule.NoRestart || !request.ReopenedBy.IsEmpty)
        {
            return null;
        }

        var notice = request.PendingClarification ?? request.Clarifications.LastOrDefault(n => n.CorrectedOn == request.ClockStart);
        return notice is not null && notice.On > ClarificationNoticeDue(request, calendar, policies).Due ? notice : null;
    }

    private static LocalDate Max(LocalDate a, LocalDate b) => a >= b ? a : b;
}
