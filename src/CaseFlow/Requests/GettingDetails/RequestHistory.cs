using JasperFx.Events;

namespace CaseFlow.Requests.GettingDetails;

/// <summary>The timeline entry of one recorded fact: when it happened, when and by whom it was recorded, in words.</summary>
/// <param name="RecordedBy">The account's login (stable, for integrators).</param>
/// <param name="RecordedByName">Who that is, as screens show it (李娜, 系统, 导入（命令行）).</param>
public sealed record HistoryEntry(long Version, string Type, NodaTime.LocalDate? On, NodaTime.Instant RecordedAt, string? RecordedBy, string Summary, string? RecordedByName = null);

/// <summary>Describes each request fact for the timeline, in the officers' language.</summary>
public static class RequestHistory
{
    public static IReadOnlyList<HistoryEntry> Of(IEnumerable<IEvent> events, OutcomePolicies policies, Users.PeopleNames names) =>
        events.Select(e => new HistoryEntry(e.Version, e.EventTypeName, RequestFacts.DateOf(e.Data), NodaTime.Instant.FromDateTimeOffset(e.Timestamp), e.UserName,
            Describe(e.Data, policies, names), names.Of(e.UserName))).ToList();

    public static string Describe(object e, OutcomePolicies policies, Users.PeopleNames? names = null) => e switch
    {
        RequestReceived r => $"收到申请（{Labels.Of(r.Channel)}），申请人：{r.Applicant.Name}（{Labels.Of(r.Applicant.Type)}）"
            + (r.ArrivedOn is { } a && a != r.ReceivedOn ? $"；到达 {a:yyyy-MM-dd}" : "")
            + (r.ConfirmedOn is { } c && c != r.ReceivedOn ? $"；确认 {c:yyyy-MM-dd}" : ""),
        OfficerAssigned a => $"交由 {names?.Of(a.Officer) ?? a.Officer} 办理",
        ClarificationRequested c => "发出补正告知" + (c.ReplyBy is { } by ? $"，补正期限 {by:yyyy-MM-dd}" : "") + (c.Items.Count > 0 ? $"：{string.Join("；", c.Items)}" : ""),
        CorrectedRequestReceived => "收到补正后的申请，答复期限重新计算",
        ClarificationLapsed => "申请人逾期未补正，视为放弃申请",
        ExtensionApproved x => $"经 {x.ApprovedBy} 同意延长答复期限 {x.WorkingDays} 个工作日并告知申请人" + (x.Reason is null ? "" : $"（{x.Reason}）"),
        ExtensionApprovalRequested a => $"{a.RequestedBy} 报请延长答复期限 {a.WorkingDays} 个工作日，待审核人批准（{a.Reason}）",
        ExtensionRefused r => $"{r.RefusedBy} 不同意延长答复期限：{r.Comment}",
        DelayedAnswerDateApprovalRequested a => $"{a.RequestedBy} 报请延迟答复至 {a.DueOn:yyyy-MM-dd}（第三十五条），待审核人批准（{a.Reason}）",
        DelayedAnswerDateRefused r => $"{r.RefusedBy} 不同意延迟答复：{r.Comment}",
        ConsultationStarted c => $"向{Labels.Of(c.Party)}{(c.Name is null ? "" : $"（{c.Name}）")}发出征求意见函，答复期限中止计算",
        ConsultationEnded c => $"{Labels.Of(c.Party)}意见：{ResultLabel(c.Result)}，答复期限恢复计算",
        VolumeReasonsRequested => "要求申请人说明申请数量、频次的理由（第三十五条）",
        DelayedAnswerDateSet d => $"确定延迟答复期限至 {d.DueOn:yyyy-MM-dd}：{d.Reason}",
        FeeNoticeIssued f => $"发出收费通知，金额 {f.AmountYuan:0.##} 元",
        FeePaid => "申请人已缴费",
        FeeLapsed => "申请人逾期未缴费，不再处理",
        RequestAnswered a => "答复：" + OutcomeRows.Of(OutcomeDerivation.FromItems(a.Items.Select(i => i.Outcome).ToList(), policies)).Name
            + (a.Items.Count > 1 ? "（" + string.Join("；", a.Items.Select(i => $"{i.Subject}：{OutcomeRows.Of(i.Outcome).Label}")) + "）" : ""),
        RequestWithdrawn w => "申请人撤回申请" + (w.Reason is null ? "" : $"（{w.Reason}）"),
        RequestCarriedOver c => $"{c.Year} 年末仍在办理，结转下年度",
        LetterIssued l => $"出具{LetterKinds.Label(l.Kind)}（{(l.DocumentNumber is { } number ? $"{number}，" : "")}{(l.TemplateVersion == 0 ? "默认模板" : $"模板第 {l.TemplateVersion} 版")}，校验码 {l.Hash[..12]}）"
            + (l.DeliveredOn is { } delivered ? $"，{delivered:yyyy-MM-dd} 送达" + (l.Method is null ? "" : $"（{l.Method}）") : ""),
        AnswerDelivered d => $"答复已送达申请人" + (d.Method is null ? "" : $"（{d.Method}）"),
        RequestChallenged c => $"申请人就本申请的办理提起{CaseGroups.Label(c.Group)}（{c.CaseReference}）",
        RequestReopened r => $"{r.CaseReference} 责令重新答复" + (r.WorkingDays is { } d ? $"，期限 {d} 个工作日" : r.DueOn is { } due ? $"，期限至 {due:yyyy-MM-dd}" : ""),
        _ => e.GetType().Name,
    };

    private static string ResultLabel(ConsultationResult result) => result switch
    {
        ConsultationResult.Objected => "不同意公开",
        ConsultationResult.Consented => "同意公开",
        ConsultationResult.WindowLapsed => "期限届满未提出意见",
        _ => "已回复",
    };
}
