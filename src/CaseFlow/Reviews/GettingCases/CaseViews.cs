using CaseFlow.Deadlines;
using CaseFlow.Infrastructure;
using CaseFlow.Requests;
using CaseFlow.Requests.GettingDetails;
using CaseFlow.Reviews.GettingCases;
using Marten;
using NodaTime;

namespace CaseFlow.Reviews;

/// <summary>A review or lawsuit as legal staff see it.</summary>
public sealed record CaseView(
    string Group, string GroupLabel, string CaseReference, string RequestReference, LocalDate FiledOn, string? Forum,
    bool Counted, string Status, string? Result, string ResultLabel, LocalDate? ConcludedOn, string? Decision,
    DeadlineView? NextDeadline, IReadOnlyList<DeadlineView> Deadlines, IReadOnlyList<CaseHistoryEntry> History, long Version);

public sealed record CaseHistoryEntry(long Version, LocalDate? On, Instant RecordedAt, string? RecordedBy, string Summary, string? RecordedByName = null);

/// <summary>Outcomes of one year for the legal staff's overview (table 四's cells, by group).</summary>
public sealed record CaseOutcomeYear(int Year, string Group, int Maintained, int Corrected, int Other, int Pending);

public static class CaseViews
{
    /// <summary>
    /// All the agency's cases (open first, by their next deadline), with their deadlines as of a day (default today). As
    /// of an earlier day, each case is folded from its facts dated up to that day, so it shows what the clocks said then.
    /// </summary>
    public static async Task<IReadOnlyList<CaseView>> ListAsync(CaseFlowApp app, string agency, bool openOnly, CancellationToken ct = default, LocalDate? asOf = null)
    {
        var day = asOf ?? app.Today;
        await using var query = app.Query(agency);
        var docs = await query.Query<CaseFile>().OrderByDescending(d => d.FiledOn).ToListAsync(ct);
        if (day < app.Today && docs.Count > 0)
        {
            var ids = docs.Select(d => d.Id).ToArray();
            var events = await query.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(ids)).OrderBy(e => e.StreamId).ThenBy(e => e.Version).ToListAsync(ct);
            docs = [.. events.GroupBy(e => e.StreamId)
                .Select(g => g.Where(e => Date(e.Data) is not { } on || on <= day)
                    .Aggregate((CaseFile?)null, (doc, e) => CaseFileProjection.Evolve(doc, e.Data, e.Version, app.Settings.Counting.SecondInstance, app.Settings.CaseResults)))
                .OfType<CaseFile>()
                .OrderByDescending(d => d.FiledOn)];
        }

        var views = docs.Select(doc => Build(app, doc, [], doc.Version, day)).Where(view => !openOnly || view.Status == "pending");
        return views.OrderBy(v => v.Status == "pending" ? 0 : 1).ThenBy(v => v.NextDeadline?.Due ?? LocalDate.MaxIsoValue).ToList();
    }

    public static async Task<CaseView?> LoadAsync(CaseFlowApp app, string agency, CaseGroup group, string caseReference, CancellationToken ct = default)
    {
        var id = group == CaseGroup.Review ? StreamIds.Review(agency, caseReference) : StreamIds.Lawsuit(agency, caseReference);
        await using var query = app.Query(agency);
        var events = await query.Events.FetchStreamAsync(id, token: ct);
        if (events.Count == 0)
        {
            return null;
        }

        CaseFile? doc = null;
        foreach (var e in events)
        {
            doc = CaseFileProjection.Evolve(doc, e.Data, e.Version, app.Settings.Counting.SecondInstance, app.Settings.CaseResults);
        }

        var names = await Users.PeopleNames.LoadAsync(app, agency, events.Select(e => e.UserName), ct);
        var history = events.Select(e => new CaseHistoryEntry(e.Version, Date(e.Data), Instant.FromDateTimeOffset(e.Timestamp), e.UserName, Describe(e.Data), names.Of(e.UserName))).ToList();
        return Build(app, doc!, history, events[^1].Version, app.Today);
    }

    /// <summary>Results by year and group under the table-四 year rule's "concluded in the year" part, and pending at each year's end.</summary>
    public static async Task<IReadOnlyList<CaseOutcomeYear>> OutcomesByYearAsync(CaseFlowApp app, string agency, CancellationToken ct = default)
    {
        await using var command = app.DataSource.CreateCommand(
            """
            with years as (select generate_series(extract(year from min(filed_on))::int, extract(year from current_date)::int) as year from rm.mt_doc_case_files where tenant_id = $1)
            select y.year, c.case_group,
                   count(*) filter (where extract(year from c.concluded_on) = y.year and c.result = 'maintained'),
                   count(*) filter (where extract(year from c.concluded_on) = y.year and c.result = 'corrected'),
                   count(*) filter (where extract(year from c.concluded_on) = y.year and c.result = 'other'),
                   count(*) filter (where c.filed_on <= make_date(y.year, 12, 31) and (c.concluded_on is null or c.concluded_on > make_date(y.year, 12, 31)))
              from years y cross join rm.mt_doc_case_files c
             where c.tenant_id = $1 and c.counted
             group by y.year, c.case_group order by y.year, c.case_group
            """);
        command.Parameters.Add(Db.Param(agency));
        var result = new List<CaseOutcomeYear>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(new CaseOutcomeYear(reader.GetInt32(0), reader.GetString(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3), (int)reader.GetInt64(4), (int)reader.GetInt64(5)));
        }

        return result;
    }

    private static CaseView Build(CaseFlowApp app, CaseFile doc, IReadOnlyList<CaseHistoryEntry> history, long version, LocalDate today)
    {
        var calendar = app.Calendar.Current;
        // The agency's own deadlines (its reply, its defence) first: legal staff act on those.
        var deadlines = Deadlines(doc, calendar, today)
            .OrderBy(d => CaseClock.IsAgencyOwn(d.Kind) ? 0 : 1).ThenBy(d => d.Due)
            .Select(d => RequestViews.View(d, calendar, today)).ToList();
        var decision = doc.Review?.Decision is { } d ? d.Decision is { } type ? CaseLabels.Of(type) : null
            : (doc.Lawsuit?.SecondInstance ?? doc.Lawsuit?.FirstInstance) is { } j ? j.Judgment is { } jt ? CaseLabels.Of(jt) : j.Appeal is { } a ? CaseLabels.Of(a) : null
            : null;
        var pending = doc.ConcludedOn is null;
        return new CaseView(
            doc.CaseGroup, CaseGroups.Label(doc.Group), doc.CaseReference, doc.RequestReference, doc.FiledOn,
            doc.Review?.ReviewBody ?? doc.Lawsuit?.Court, doc.Counted,
            pending ? "pending" : "concluded", doc.Result, CaseLabels.Of(doc.ResultValue), doc.ConcludedOn,
            decision, deadlines.FirstOrDefault(), deadlines, history, version);
    }

    /// <summary>A case's deadlines as of a day (the legal staff's list, <c>cases list --as-of</c>).</summary>
    public static IReadOnlyList<Deadline> Deadlines(CaseFile doc, WorkdayCalendar calendar, LocalDate asOf) =>
        doc.Review is { } review ? CaseClock.Of(review, calendar, asOf) : CaseClock.Of(doc.Lawsuit!, calendar, asOf);

    private static LocalDate? Date(object e) => e switch
    {
        ReviewFiled f => f.FiledOn,
        ReviewCorrectionRequested c => c.On,
        ReviewCorrectionReceived c => c.On,
        ReviewAccepted a => a.On,
        ReviewSuspended s => s.On,
        ReviewResumed r => r.On,
        ReviewExtended x => x.On,
        ReviewDecided d => d.On,
        ReviewDecisionDelivered d => d.On,
        ReviewCopyReceived c => c.On,
        ReviewReplySubmitted r => r.On,
        ComplaintCopyReceived c => c.On,
        DefenceSubmitted d => d.On,
        LawsuitFiled f => f.FiledOn,
        LawsuitRegistered r => r.On,
        LawsuitSuspended s => s.On,
        LawsuitResumed r => r.On,
        LawsuitJudged j => j.On,
        JudgmentAppealed a => a.On,
        JudgmentInForce f => f.On,
        _ => null,
    };

    public static string Describe(object e) => e switch
    {
        ReviewFiled f => $"申请行政复议（申请 {f.RequestReference}）" + (f.ReviewBody is null ? "" : $"，复议机关：{f.ReviewBody}"),
        ReviewCorrectionRequested c => "复议机关要求补正申请材料" + (c.ReplyBy is { } by ? $"，限 {by:yyyy-MM-dd} 前补正" : ""),
        ReviewCorrectionReceived => "收到补正的复议申请材料，受理审查期限重新计算",
        ReviewAccepted a => a.Simplified ? "复议机关受理，适用简易程序" : "复议机关受理",
        ReviewSuspended s => $"复议中止：{s.Reason}",
        ReviewResumed => "复议恢复审理",
        ReviewExtended x => $"复议审理期限延长 {x.Days} 日",
        ReviewDecided d => "复议决定：" + (d.Decision is { } t ? CaseLabels.Of(t) : CaseLabels.Of(d.Result)) + (d.OrdersNewAnswer ? "，责令重新答复" : ""),
        ReviewDecisionDelivered => "复议决定书送达",
        ReviewCopyReceived => "本机关收到复议申请书副本，书面答复期限开始计算",
        ReviewReplySubmitted => "本机关提交书面答复及证据材料",
        ComplaintCopyReceived => "本机关收到起诉状副本，答辩期限开始计算",
        DefenceSubmitted => "本机关提交答辩状及证据材料",
        LawsuitFiled f => (f.AfterReview ? "复议后提起行政诉讼" : "提起行政诉讼") + (f.Court is null ? "" : $"（{f.Court}）")
            + (f.Role == AgencyRole.CoDefendantReviewBody ? "，本机关作为复议机关共同被告" : ""),
        LawsuitRegistered r => r.Simplified ? "法院立案，适用简易程序" : "法院立案",
        LawsuitSuspended s => $"诉讼中止：{s.Reason}",
        LawsuitResumed => "诉讼恢复",
        LawsuitJudged j => (j.Instance == 1 ? "一审" : "二审") + (j.IsRuling ? "裁定：" : "判决：")
            + (j.Appeal is { } a ? CaseLabels.Of(a) + (j.Judgment is { } jt2 ? $"，{CaseLabels.Of(jt2)}" : "") : j.Judgment is { } jt ? CaseLabels.Of(jt) : CaseLabels.Of(j.Result))
            + (j.InForce ? "（已生效）" : "") + (j.OrdersNewAnswer ? "，责令重新答复" : ""),
        JudgmentAppealed a => a.ByAgency ? "本机关提起上诉" : "提起上诉",
        JudgmentInForce => "一审裁判生效",
        _ => e.GetType().Name,
    };
}
