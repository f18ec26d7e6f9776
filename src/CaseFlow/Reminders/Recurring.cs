using System.Text;
using CaseFlow.Agencies;
using CaseFlow.Infrastructure;
using CaseFlow.Notifications;
using CaseFlow.Reporting;
using CaseFlow.Reporting.Closing;
using CaseFlow.Requests.GettingDetails;
using CaseFlow.Requests.Listing;
using CaseFlow.Users;
using NodaTime;

namespace CaseFlow.Reminders;

/// <summary>The daily digest of one agency's officers, for the day <see cref="On"/>.</summary>
public sealed record SendDailyDigest(string Agency, LocalDate On);

/// <summary>On 1 January: propose closing the past year to the agency's reporting role.</summary>
public sealed record ProposeYearEndClose(string Agency, LocalDate On);

/// <summary>
/// Which occurrence of a recurring message is planned next for an agency (<c>digest:lc-health</c> → 2026-12-02). A
/// start-up schedules a chain only when it has no planned occurrence, and a message that is not the planned one (a
/// repeat) does nothing, so a chain is never doubled.
/// </summary>
public sealed record RecurringChain
{
    public string Id { get; init; } = "";
    public LocalDate NextOn { get; init; }
}

/// <summary>The Wolverine handlers of the recurring messages: each run plans the next occurrence.</summary>
public static class RecurringHandlers
{
    public static async Task Handle(SendDailyDigest message, CaseFlowApp app, CancellationToken ct)
    {
        if (await Recurring.IsPlannedAsync(app, Recurring.DigestChain, message.Agency, message.On, ct))
        {
            await Recurring.DigestAsync(app, message.Agency, message.On, ct);
            await Recurring.PlanAsync(app, Recurring.DigestChain, message.Agency, message.On.PlusDays(1), ct);
        }
    }

    public static async Task Handle(ProposeYearEndClose message, CaseFlowApp app, CancellationToken ct)
    {
        if (await Recurring.IsPlannedAsync(app, Recurring.YearEndChain, message.Agency, message.On, ct))
        {
            await Recurring.ProposeCloseAsync(app, message.Agency, message.On.Year - 1, ct);
            await Recurring.PlanAsync(app, Recurring.YearEndChain, message.Agency, new LocalDate(message.On.Year + 1, 1, 1), ct);
        }
    }
}

/// <summary>
/// The messages that recur: a daily digest per officer, and on 1 January the proposal to close the past year (with a
/// warning when the new year's working-day calendar is not loaded). Each run schedules the next one; <see cref="EnsureAsync"/>
/// (at a web node's start) makes sure each agency's chains exist. All are durable messages, so a restart loses none.
/// </summary>
public static class Recurring
{
    public const string DigestChain = "digest";
    public const string YearEndChain = "year-end";

    public static async Task EnsureAsync(CaseFlowApp app, CancellationToken ct)
    {
        var now = app.Clock.GetCurrentInstant();
        var today = app.Today;
        var settings = app.Settings.Reminders;
        var digestDay = ReminderPlan.FireAt(today, settings, app.Zone) > now ? today : today.PlusDays(1);
        foreach (var agency in await AgencyDirectory.AllAsync(app, ct))
        {
            await EnsureChainAsync(app, DigestChain, agency.Code, digestDay, ct);
            await EnsureChainAsync(app, YearEndChain, agency.Code, new LocalDate(today.Year + 1, 1, 1), ct);
        }
    }

    private static async Task EnsureChainAsync(CaseFlowApp app, string chain, string agency, LocalDate first, CancellationToken ct)
    {
        await using var query = app.Query(agency);
        if (await query.LoadAsync<RecurringChain>(chain, ct) is { } planned && planned.NextOn >= app.Today)
        {
            return;
        }

        await PlanAsync(app, chain, agency, first, ct);
    }

    /// <summary>Plans the next occurrence of a chain, in one transaction with the chain's record.</summary>
    public static async Task PlanAsync(CaseFlowApp app, string chain, string agency, LocalDate on, CancellationToken ct)
    {
        await using var session = app.Store.LightweightSession(agency);
        session.Store(new RecurringChain { Id = chain, NextOn = on });
        object message = chain == DigestChain ? new SendDailyDigest(agency, on) : new ProposeYearEndClose(agency, on);
        await app.ScheduleAsync(session, agency, [new ScheduledMessage(message, ReminderPlan.FireAt(on, app.Settings.Reminders, app.Zone))]);
        await session.SaveChangesAsync(ct);
    }

    /// <summary>True when <paramref name="on"/> is the chain's planned occurrence (a stale repeat is not).</summary>
    public static async Task<bool> IsPlannedAsync(CaseFlowApp app, string chain, string agency, LocalDate on, CancellationToken ct)
    {
        await using var query = app.Query(agency);
        return await query.LoadAsync<RecurringChain>(chain, ct) is not { } planned || planned.NextOn == on;
    }

    /// <summary>One message per officer with their overdue and soon-due requests (none when there is nothing to do).</summary>
    public static async Task<int> DigestAsync(CaseFlowApp app, string agency, LocalDate on, CancellationToken ct)
    {
        var users = await UserAccounts.ListAsync(app, agency, ct);
        var rows = await RequestListing.LoadAsync(app, agency, app.Today, new RequestFilter { OpenOnly = true }, ct);
        var sent = 0;
        foreach (var officer in users.Where(u => u.Has(Role.Officer) && !u.Disabled))
        {
            var mine = RequestListing.ByUrgency(rows.Where(r => r.State.Officer == officer.UserName))
                .Select(r => (Row: r, Next: r.NextDeadline is { } d ? RequestViews.View(d, app.Calendar.Current, app.Today) : null))
                .Where(x => x.Next is { Overdue: true } or { DueSoon: true })
                .ToList();
            if (mine.Count == 0)
            {
                continue;
            }

            var overdue = mine.Count(x => x.Next!.Overdue);
            var body = new StringBuilder($"您办理的在办申请中，已逾期 {overdue} 件，{RequestViews.DueSoonWorkingDays} 个工作日内到期 {mine.Count - overdue} 件：\n");
            foreach (var (row, next) in mine)
            {
                body.Append($"· {row.Reference} {next!.Label} {next.Due:yyyy-MM-dd}（{(next.Overdue ? $"已逾期 {-next.WorkingDaysLeft} 个工作日" : $"剩 {next.WorkingDaysLeft} 个工作日")}）\n");
            }

            sent += await Inbox.DeliverAsync(app, new Message(agency, "digest", $"每日待办 {on:yyyy-MM-dd}：逾期 {overdue} 件，即将到期 {mine.Count - overdue} 件",
                body.ToString().TrimEnd(), "/?list=mine", $"digest:{on:yyyy-MM-dd}"), [officer], ct);
        }

        await WarnMissingCalendarAsync(app, agency, users, ct);
        return sent;
    }

    /// <summary>On 1 January: ask the reporting role to close the past year (they confirm; nothing closes by itself).</summary>
    public static async Task<bool> ProposeCloseAsync(CaseFlowApp app, string agency, int year, CancellationToken ct)
    {
        var users = await UserAccounts.ListAsync(app, agency, ct);
        await WarnMissingCalendarAsync(app, agency, users, ct);
        if (await AnnualReportVersions.LatestAsync(app, agency, year, ct) is not null)
        {
            return false;
        }

        var open = await ClosingYear.OpenAtYearEndAsync(app, agency, year, ct);
        var report = await AnnualReports.ComputeAsync(app, agency, year, false, ct);
        var failing = report?.Checks.Count(c => !c.Ok) ?? 0;
        await Inbox.DeliverAsync(app, new Message(agency, "year-end", $"请确认 {year} 年度关账",
            $"{year} 年已结束。关账将为年末仍在办理的 {open.Count} 件申请登记“结转下年度”，并冻结 {year} 年度报告（第 1 版）。"
            + (failing > 0 ? $"目前有 {failing} 项校验未通过，请先核对。" : "报表校验全部通过。")
            + "年度报告应于1月31日前公布。", $"/reports?year={year}", $"year-end:{year}"),
            users.Where(u => u.Has(Role.Reporting)), ct);
        return true;
    }

    /// <summary>From December: warn administrators when next year's holiday notice is not loaded (deadlines would be provisional).</summary>
    private static async Task WarnMissingCalendarAsync(CaseFlowApp app, string agency, IReadOnlyList<UserAccount> users, CancellationToken ct)
    {
        var today = app.Today;
        var missing = new[] { today.Year, today.Month == 12 ? today.Year + 1 : (int?)null }.OfType<int>().Where(y => !app.Calendar.Current.Covers(y)).ToList();
        foreach (var year in missing)
        {
            await Inbox.DeliverAsync(app, new Message(agency, "calendar.missing", $"{year} 年节假日安排尚未载入",
                $"国务院办公厅 {year} 年部分节假日安排尚未载入 CaseFlow：涉及 {year} 年的期限只按周末计算并标为“暂定”。请在“系统管理”中载入。",
                "/admin", $"calendar-missing:{year}"), users.Where(u => u.Has(Role.Admin)), ct);
        }
    }
}
