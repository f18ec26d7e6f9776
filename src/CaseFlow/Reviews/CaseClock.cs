using CaseFlow.Deadlines;
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
        if (review.AcceptedOn is null)
        {
            var received = review.CorrectionReceivedOn is null ? "收到复议申请" : "收到补正后的复议申请";
            var receivedEn = review.CorrectionReceivedOn is null ? "Review application received" : "Corrected review application received";
            var writer = new ExplanationWriter()
                .Line($"{ExplanationWriter.Zh(acceptanceStart)} {received}，复议机关应在 5 个工作日内审查并决定是否受理；期满未决定不予受理的，视为受理（{law.Item1}第三十条、第八十八条）。",
                    $"{receivedEn} {ExplanationWriter.En(acceptanceStart)}: 5 working days to decide on acceptance, after which it counts as accepted ({law.Item2} arts. 30, 88).")
                .Calendar(acceptance);
            deadlines.Add(new Deadline(DeadlineKind.ReviewAcceptance, acceptance.End, acceptance.Provisional, writer.Build()));
        }

        var accepted = review.AcceptedOn ?? acceptance.End;
        var suspended = SuspendedDays(review.Suspensions, asOf);
        var (days, ground, groundEn) = review.Simplified
            ? (30, $"{law.Item1}第六十二条第二款，简易程序", $"{law.Item2} art. 62(2), simplified procedure")
            : (60 + review.ExtensionDays, $"{law.Item1}{(review.Arl2023 ? "第六十二条" : "第三十一条")}" + (review.ExtensionDays > 0 ? $"，经批准延长{review.ExtensionDays}日" : ""),
                $"{law.Item2} {(review.Arl2023 ? "art. 62" : "art. 31")}" + (review.ExtensionDays > 0 ? $", extended by {review.ExtensionDays} days" : ""));
        var decisionDue = CalendarPeriods.Days(accepted, days, calendar,
            review.AcceptedOn is null ? "视为受理" : "受理", review.AcceptedOn is null ? "Deemed accepted" : "Accepted", ground, groundEn,
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

    private static int SuspendedDays(IEnumerable<Suspension> suspensions, LocalDate asOf) =>
        suspensions.Sum(s => Math.Max(0, Period.DaysBetween(s.From, s.Until ?? asOf)));
}
