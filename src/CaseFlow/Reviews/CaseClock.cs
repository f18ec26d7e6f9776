using CaseFlow.Deadlines;
using CaseFlow.Requests.GettingDetails;
using NodaTime;

namespace CaseFlow.Reviews;

/// <summary>
/// The dates of review and litigation, from the law in force on the filing day (the 2017 or the 2023 Administrative
/// Review Law; the 2017 Administrative Litigation Law), each explained like the request clock's.
/// </summary>
public static class CaseClock
{
    public static IReadOnlyList<Deadline> Of(Review review, WorkdayCalendar calendar, LocalDate asOf)
    {
        var deadlines = new List<Deadline>();
        var law = review.Arl2023 ? ("行政复议法（2023年修订）", "ARL 2023") : ("行政复议法（2017年修正）", "ARL 2017");
        if (ReplyDue(review, calendar, law) is { } reply)
        {
            deadlines.Add(reply);
        }

        if (review.Decision is { } decision)
        {
            var (start, zh, en) = review.DeliveredOn is { } delivered
                ? (delivered, "复议决定书送达", "The review decision was served")
                : (decision.On, "复议决定作出（未登记送达日期，按政策以决定日期计算）", "The review decided (no service date recorded: counted from the decision)");
            var suit = CalendarPeriods.Days(start, 15, calendar, zh, en, "行政诉讼法第四十五条", "ALL art. 45");
            deadlines.Add(new Deadline(DeadlineKind.SuitAfterReviewWindow, suit.Due, suit.Provisional, suit.Explanation));
            return deadlines;
        }

        if (review.AwaitingCorrection)
        {
            // The acceptance period waits for the corrected application; nothing else runs meanwhile.
            return deadlines;
        }

        var acceptanceStart = review.AcceptanceStart;
        var acceptance = calendar.Count(acceptanceStart, 5);
        // Once the 5 working days have passed unrefused, the application counts as accepted: nothing is left to wait for.
        if (review.AcceptedOn is null && asOf <= acceptance.End)
        {
            var received = review.CorrectionReceivedOn is null ? "收到复议申请" : "收到补正后的复议申请";
            var receivedEn = review.CorrectionReceivedOn is null ? "Review application received" : "Corrected review application received";
            var writer = new ExplanationWriter()
                .Line($"{ExplanationWriter.Zh(acceptanceStart)} {received}，复议机关应在 5 个工作日内审查并决定是否受理；期满未决定不予受理的，视为受理（{law.Item1}第三十条、第八十八条）。",
                    $"{receivedEn} {ExplanationWriter.En(acceptanceStart)}: 5 working days to decide on acceptance, after which it counts as accepted ({law.Item2} arts. 30, 88).")
                .Calendar(acceptance);
            deadlines.Add(new Deadline(DeadlineKind.ReviewAcceptance, acceptance.End, acceptance.Provisional, writer.Build()));
        }

        // ARL-2017 art. 17(2): an application not refused is accepted on the day the review office received it; under
        // ARL-2023 art. 30 it counts as accepted when the 5-working-day review period ends.
        var accepted = !review.Arl2023 ? acceptanceStart : review.AcceptedOn ?? acceptance.End;
        var acceptedZh = !review.Arl2023 ? "收到复议申请即为受理（行政复议法（2017年修正）第十七条第二款）" : review.AcceptedOn is null ? "视为受理" : "受理";
        var acceptedEn = !review.Arl2023 ? "Accepted on receipt (ARL 2017 art. 17(2))" : review.AcceptedOn is null ? "Deemed accepted" : "Accepted";
        var suspended = SuspendedDays(review.Suspensions, asOf);
        var (days, ground, groundEn) = review.Simplified
            ? (30, $"{law.Item1}第六十二条第二款，简易程序", $"{law.Item2} art. 62(2), simplified procedure")
            : (60 + review.ExtensionDays, $"{law.Item1}{(review.Arl2023 ? "第六十二条" : "第三十一条")}" + (review.ExtensionDays > 0 ? $"，经批准延长{review.ExtensionDays}日" : ""),
                $"{law.Item2} {(review.Arl2023 ? "art. 62" : "art. 31")}" + (review.ExtensionDays > 0 ? $", extended by {review.ExtensionDays} days" : ""));
        var decisionDue = CalendarPeriods.Days(accepted, days, calendar, acceptedZh, acceptedEn, ground, groundEn,
            suspended, "中止审理期间", "Suspension");
        deadlines.Add(new Deadline(DeadlineKind.ReviewDecision, decisionDue.Due, decisionDue.Provisional, decisionDue.Explanation));
        return deadlines;
    }

    public static IReadOnlyList<Deadline> Of(Lawsuit lawsuit, WorkdayCalendar calendar, LocalDate asOf)
    {
        var deadlines = new List<Deadline>();
        if (lawsuit.Concluded)
        {
            return deadlines;
        }

        if (lawsuit.CopyReceivedOn is { } copy && lawsuit.DefenceSubmittedOn is null)
        {
            var defence = CalendarPeriods.Days(copy, 15, calendar, "本机关收到起诉状副本", "The agency received the copy of the complaint",
                "行政诉讼法第六十七条：被告应当在收到起诉状副本之日起十五日内提交证据和规范性文件并提出答辩状；逾期不提交的，视为没有相应证据（第三十四条）",
                "ALL art. 67: evidence, normative documents and the defence within 15 days of receiving the copy; none in time counts as no evidence (art. 34)");
            deadlines.Add(new Deadline(DeadlineKind.LawsuitDefence, defence.Due, defence.Provisional, defence.Explanation));
        }

        if (lawsuit.RegisteredOn is null && lawsuit.FirstInstance is null)
        {
            var registration = CalendarPeriods.Days(lawsuit.FiledOn, 7, calendar, "法院收到起诉状", "The court received the complaint", "行政诉讼法第五十一条", "ALL art. 51");
            deadlines.Add(new Deadline(DeadlineKind.LawsuitRegistration, registration.Due, registration.Provisional, registration.Explanation));
        }

        if (lawsuit.FirstInstance is null)
        {
            var start = lawsuit.RegisteredOn ?? lawsuit.FiledOn;
            var suspended = SuspendedDays(lawsuit.Suspensions, asOf);
            var (due, explanation, provisional) = lawsuit.Simplified
                ? CalendarPeriods.Days(start, 45, calendar, "立案", "Registered", "行政诉讼法第八十三条，简易程序", "ALL art. 83, simplified procedure", suspended, "中止诉讼期间", "Suspension")
                : CalendarPeriods.Months(start, 6, calendar, lawsuit.RegisteredOn is null ? "起诉（未登记立案日期，按政策以起诉日计算）" : "立案",
                    lawsuit.RegisteredOn is null ? "Filed (no registration date recorded: counted from filing)" : "Registered", "行政诉讼法第八十一条", "ALL art. 81",
                    suspended, "中止诉讼期间", "Suspension");
            deadlines.Add(new Deadline(DeadlineKind.FirstInstance, due, provisional, explanation));
            return deadlines;
        }

        if (lawsuit.AppealedOn is { } appealed)
        {
            var second = CalendarPeriods.Months(appealed, 3, calendar, "提起上诉", "Appealed", "行政诉讼法第八十八条", "ALL art. 88");
            deadlines.Add(new Deadline(DeadlineKind.SecondInstance, second.Due, second.Provisional, second.Explanation));
            return deadlines;
        }

        var judgment = lawsuit.FirstInstance;
        var window = CalendarPeriods.Days(judgment.On, judgment.IsRuling ? 10 : 15, calendar,
            judgment.IsRuling ? "一审裁定（按政策以裁定日期为送达日）" : "一审判决（按政策以判决日期为送达日）",
            judgment.IsRuling ? "First-instance ruling (by policy served on its date)" : "First-instance judgment (by policy served on its date)",
            "行政诉讼法第八十五条", "ALL art. 85");
        deadlines.Add(new Deadline(DeadlineKind.AppealWindow, window.Due, window.Provisional, window.Explanation));
        return deadlines;
    }

    /// <summary>
    /// The agency's written reply with its evidence (被申请人书面答复): 10 working days from receiving the copy under
    /// ARL-2023 (arts. 48, 88), 10 days under ARL-2017 (art. 23); none in time counts as no evidence (art. 70).
    /// </summary>
    private static Deadline? ReplyDue(Review review, WorkdayCalendar calendar, (string Zh, string En) law)
    {
        if (review.CopyReceivedOn is not { } copy || review.ReplySubmittedOn is not null || review.Decided)
        {
            return null;
        }

        if (!review.Arl2023)
        {
            var days = CalendarPeriods.Days(copy, 10, calendar, "本机关收到复议申请书副本", "The agency received the copy of the review application",
                $"{law.Zh}第二十三条：被申请人应当自收到申请书副本之日起十日内提出书面答复，并提交证据、依据和其他有关材料",
                $"{law.En} art. 23: the written reply with the evidence within 10 days of receiving the copy");
            return new Deadline(DeadlineKind.ReviewReply, days.Due, days.Provisional, days.Explanation);
        }

        var count = calendar.Count(copy, 10);
        var writer = new ExplanationWriter()
            .Line($"{ExplanationWriter.Zh(copy)} 本机关收到复议申请书副本，应自收到之日起 10 个工作日内提出书面答复，并提交作出行政行为的证据、依据和其他有关材料（{law.Zh}第四十八条、第八十八条）；逾期未提交的，视为该行政行为没有证据、依据（第七十条）。",
                $"The agency received the copy of the review application {ExplanationWriter.En(copy)}: its written reply with the evidence is due within 10 working days ({law.En} arts. 48, 88); none in time counts as no evidence (art. 70).")
            .Line($"收到之日不计入，第1个工作日为 {ExplanationWriter.Zh(count.FirstCountedDay)}，届满于 {ExplanationWriter.Zh(count.End)}。",
                $"The day of receipt does not count: day 1 is {ExplanationWriter.En(count.FirstCountedDay)}, the period ends {ExplanationWriter.En(count.End)}.")
            .Calendar(count);
        return new Deadline(DeadlineKind.ReviewReply, count.End, count.Provisional, writer.Build());
    }

    /// <summary>The agency's own deadlines (its reply in a review, its defence in a lawsuit): legal staff see them first.</summary>
    public static bool IsAgencyOwn(DeadlineKind kind) => kind is DeadlineKind.ReviewReply or DeadlineKind.LawsuitDefence;

    /// <summary>The same for a deadline's stable code, as the views carry it.</summary>
    public static bool IsAgencyOwn(string kindCode) =>
        kindCode == RequestViews.KindCode(DeadlineKind.ReviewReply) || kindCode == RequestViews.KindCode(DeadlineKind.LawsuitDefence);

    private static int SuspendedDays(IEnumerable<Suspension> suspensions, LocalDate asOf) =>
        suspensions.Sum(s => Math.Max(0, Period.DaysBetween(s.From, s.Until ?? asOf)));
}
