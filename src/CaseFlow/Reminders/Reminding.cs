using CaseFlow.Deadlines;
using CaseFlow.Infrastructure;
using CaseFlow.Notifications;
using CaseFlow.Requests;
using CaseFlow.Requests.GettingDetails;
using CaseFlow.Reviews;
using CaseFlow.Users;

namespace CaseFlow.Reminders;

/// <summary>
/// Runs a reminder job: re-reads the request or case and recomputes its deadlines as of today; only if the deadline is
/// still running with the same due date does anyone get a message — an answered request, a received correction or a
/// moved date silences it. Messages go to the assigned officer (else the agency's officers), or to legal staff for
/// review and litigation; when there is no one, to the administrators, and the reminder is kept for their screen.
/// </summary>
/// <summary>The Wolverine handler of <see cref="SendReminder"/> (registered in <c>WolverineSetup</c>).</summary>
public static class ReminderHandler
{
    public static Task Handle(SendReminder message, CaseFlowApp app, CancellationToken ct) => Reminding.RunAsync(app, message.Reminder, ct);
}

public static class Reminding
{

    /// <summary>True when a message was due (whether or not a user was new to it).</summary>
    public static async Task<bool> RunAsync(CaseFlowApp app, ReminderPayload reminder, CancellationToken ct)
    {
        var today = app.Today;
        var calendar = app.Calendar.Current;
        IEnumerable<Deadline> deadlines;
        Request state;
        string? officer = null;
        string link;
        switch (reminder.Subject)
        {
            case ReminderPayload.Request:
                await using (var query = app.Query(reminder.Agency))
                {
                    if (await query.LoadAsync<RequestFile>(StreamIds.Request(reminder.Agency, reminder.Reference), ct) is not { } file)
                    {
                        return false;
                    }

                    state = file.State;
                }

                deadlines = state.Concluded ? RequestClock.RemedyWindows(state, calendar) : RequestClock.Compute(state, calendar, app.ClockPolicies, today).Running(state);
                officer = state.Officer;
                link = $"/requests/{Uri.EscapeDataString(reminder.Reference)}";
                break;
            case ReminderPayload.Review:
                var review = await CaseWrites.ReadReviewAsync(app, reminder.Agency, reminder.Reference, ct);
                deadlines = review is null ? [] : CaseClock.Of(review, calendar, today);
                link = $"/legal/reviews/{Uri.EscapeDataString(reminder.Reference)}";
                break;
            default:
                var lawsuit = await CaseWrites.ReadLawsuitAsync(app, reminder.Agency, reminder.Reference, ct);
                deadlines = lawsuit is null ? [] : CaseClock.Of(lawsuit, calendar, today);
                link = $"/legal/lawsuits/{Uri.EscapeDataString(reminder.Reference)}";
                break;
        }

        var deadline = deadlines.FirstOrDefault(d => RequestViews.KindCode(d.Kind) == reminder.Deadline && d.Due == reminder.Due);
        if (deadline is null)
        {
            return false;
        }

        var users = await UserAccounts.ListAsync(app, reminder.Agency, ct);
        var forLegal = reminder.Subject != ReminderPayload.Request
            || deadline.Kind is DeadlineKind.ApplicantReviewWindow or DeadlineKind.ApplicantSuitWindow;
        var enabled = users.Where(u => !u.Disabled).ToList();
        var recipients = forLegal
            ? enabled.Where(u => u.Has(Role.Legal)).ToList()
            : enabled.Where(u => u.UserName == officer && u.Has(Role.Officer)).ToList() is { Count: > 0 } assigned ? assigned
            : enabled.Where(u => u.Has(Role.Officer)).ToList();
        var (title, body) = Text(reminder, deadline, calendar, today);
        if (recipients.Count == 0)
        {
            // No one to tell: the administrators are told instead, and the screen keeps it until someone is.
            await UnroutedReminders.RecordAsync(app, new UnroutedReminder
            {
                Id = reminder.DedupKey,
                Agency = reminder.Agency,
                Title = title,
                Link = link,
                Reason = forLegal ? "本机关没有启用的法制人员账号" : "本机关没有启用的办理人员账号",
                At = app.Clock.GetCurrentInstant(),
            }, ct);
            recipients = [.. enabled.Where(u => u.Has(Role.Admin))];
        }

        await Inbox.DeliverAsync(app, new Message(reminder.Agency, $"reminder.{reminder.Deadline}", title, body, link, reminder.DedupKey), recipients, ct);
        return true;
    }

    public static (string Title, string Body) Text(ReminderPayload reminder, Deadline deadline, WorkdayCalendar calendar, NodaTime.LocalDate today)
    {
        var what = reminder.Subject switch
        {
            ReminderPayload.Request => $"申请 {reminder.Reference}",
            ReminderPayload.Review => $"复议案件 {reminder.Reference}",
            _ => $"诉讼案件 {reminder.Reference}",
        };
        var label = RequestViews.KindLabel(deadline.Kind);
        var due = deadline.Due.ToString("yyyy-MM-dd", null);
        var left = calendar.WorkingDaysBetween(today, deadline.Due);
        var how = string.Join(" ", deadline.Explanation.Chinese);
        return (deadline.Kind, reminder.Offset) switch
        {
            (DeadlineKind.ApplicantClarification, _) => ($"{what}：申请人补正期限已过（{due}）",
                $"补正期限 {due} 已届满，申请人未补正。申请人无正当理由逾期不补正的，视为放弃申请（《条例》第三十条）：请核实后在申请页面以“逾期不补正”办结，计入表三（六）1。系统不会自动办结。"),
            (DeadlineKind.FeePayment, _) => ($"{what}：缴费期限已过（{due}）",
                $"缴费期限 {due} 已届满，申请人未缴费。申请人逾期未缴纳信息处理费的，视为放弃申请：请核实后在申请页面以“逾期未缴费”办结，计入表三（六）2。系统不会自动办结。"),
            (DeadlineKind.ConsultationReply, _) => ($"{what}：征求意见期限今天届满（{due}）",
                $"第三方或其他机关逾期未提出意见的，由本机关依照《条例》规定决定是否公开：请登记征求意见结果（逾期未答复），答复期限随即恢复计算。"),
            (DeadlineKind.ApplicantReviewWindow or DeadlineKind.ApplicantSuitWindow or DeadlineKind.SuitAfterReviewWindow, _) =>
                ($"{what}：{label}已届满（{due}）", $"{label}已于 {due} 届满。{how}"),
            (_, > 0) => ($"{what}：{label}还有 {left} 个工作日（{due}）", $"{label}为 {due}，还有 {left} 个工作日。{how}"),
            (_, 0) => ($"{what}：今天是{label}（{due}）", $"{label}今天届满。{how}"),
            _ => ($"{what}：已超过{label}（{due}）", $"{label} {due} 已过，请尽快处理。{how}"),
        };
    }
}
