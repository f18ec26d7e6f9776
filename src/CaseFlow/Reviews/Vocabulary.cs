using CaseFlow.Infrastructure;
using CaseFlow.Requests;

namespace CaseFlow.Reviews;

/// <summary>The result columns of table 四 (尚未审结 is derived from there being no final result yet).</summary>
public enum CaseResult
{
    Maintained,
    Corrected,
    Other,
}

/// <summary>The agency's part in a case. Interp-2016: a review body sued as co-defendant does not count the case.</summary>
public enum AgencyRole
{
    /// <summary>The agency that made the disclosure act: respondent in review, defendant in court.</summary>
    OriginalActor,

    /// <summary>The review body that upheld the act, sued together with the original actor (复议维持, 双被告).</summary>
    CoDefendantReviewBody,
}

/// <summary>Decisions of the Administrative Review Law (2023 articles; the 2017 law has the same kinds).</summary>
public enum ReviewDecision
{
    Maintained,             // 维持 68
    ClaimDismissed,         // 驳回行政复议请求 69
    Varied,                 // 变更 63
    Revoked,                // 撤销 64
    RevokedWithRedo,        // 撤销并责令重新作出 64
    ConfirmedIllegal,       // 确认违法 65
    OrderedToPerform,       // 责令履行 66
    ConfirmedInvalid,       // 确认无效 67
    ApplicationDismissed,   // 驳回行政复议申请 33
    Terminated,             // 终止 41
    Withdrawn,              // 撤回申请而终止 41
    Mediated,               // 调解 73
    NotAccepted,            // 不予受理 30
}

/// <summary>Judgments and rulings of the Administrative Litigation Law (2017) and its interpretation.</summary>
public enum JudgmentType
{
    ClaimDismissed,         // 判决驳回诉讼请求 69
    Revoked,                // 判决撤销 70
    RevokedWithRedo,        // 判决撤销并重新作出 70
    OrderedToPerform,       // 判决履行 72
    OrderedToPay,           // 判决给付 73
    ConfirmedIllegal,       // 判决确认违法 74
    ConfirmedInvalid,       // 判决确认无效 75
    Varied,                 // 判决变更 77
    SuitDismissed,          // 裁定驳回起诉 (Interp 69)
    Withdrawn,              // 裁定准予撤诉 62
    NotRegistered,          // 裁定不予立案 51
    Terminated,             // 裁定终结诉讼
    Mediated,               // 调解
}

/// <summary>What the second instance did with the first-instance judgment (ALL art. 89).</summary>
public enum AppealOutcome
{
    Upheld,     // 驳回上诉，维持原判
    Reversed,   // 依法改判
    Remanded,   // 发回重审
    Withdrawn,  // 准予撤回上诉: the first-instance judgment stands
}

public static class CaseCodes
{
    public static readonly CodeTable<CaseGroup> Groups = new(
        (CaseGroup.Review, "review"), (CaseGroup.LawsuitDirect, "lawsuit-direct"), (CaseGroup.LawsuitAfterReview, "lawsuit-after-review"));

    public static readonly CodeTable<CaseResult> Results = new(
        (CaseResult.Maintained, "maintained"), (CaseResult.Corrected, "corrected"), (CaseResult.Other, "other"));

    public static readonly CodeTable<AgencyRole> Roles = new(
        (AgencyRole.OriginalActor, "original-actor"), (AgencyRole.CoDefendantReviewBody, "co-defendant-review-body"));

    public static readonly CodeTable<ReviewDecision> ReviewDecisions = new(
        (ReviewDecision.Maintained, "maintained"), (ReviewDecision.ClaimDismissed, "claim-dismissed"), (ReviewDecision.Varied, "varied"),
        (ReviewDecision.Revoked, "revoked"), (ReviewDecision.RevokedWithRedo, "revoked-with-redo"), (ReviewDecision.ConfirmedIllegal, "confirmed-illegal"),
        (ReviewDecision.OrderedToPerform, "ordered-to-perform"), (ReviewDecision.ConfirmedInvalid, "confirmed-invalid"),
        (ReviewDecision.ApplicationDismissed, "application-dismissed"), (ReviewDecision.Terminated, "terminated"), (ReviewDecision.Withdrawn, "withdrawn"),
        (ReviewDecision.Mediated, "mediated"), (ReviewDecision.NotAccepted, "not-accepted"));

    public static readonly CodeTable<JudgmentType> Judgments = new(
        (JudgmentType.ClaimDismissed, "claim-dismissed"), (JudgmentType.Revoked, "revoked"), (JudgmentType.RevokedWithRedo, "revoked-with-redo"),
        (JudgmentType.OrderedToPerform, "ordered-to-perform"), (JudgmentType.OrderedToPay, "ordered-to-pay"), (JudgmentType.ConfirmedIllegal, "confirmed-illegal"),
        (JudgmentType.ConfirmedInvalid, "confirmed-invalid"), (JudgmentType.Varied, "varied"), (JudgmentType.SuitDismissed, "suit-dismissed"),
        (JudgmentType.Withdrawn, "withdrawn"), (JudgmentType.NotRegistered, "not-registered"), (JudgmentType.Terminated, "terminated"),
        (JudgmentType.Mediated, "mediated"));

    public static readonly CodeTable<AppealOutcome> AppealOutcomes = new(
        (AppealOutcome.Upheld, "upheld"), (AppealOutcome.Reversed, "reversed"), (AppealOutcome.Remanded, "remanded"), (AppealOutcome.Withdrawn, "withdrawn"));
}

public static class CaseLabels
{
    public static string Of(CaseResult? result) => result switch
    {
        CaseResult.Maintained => "结果维持",
        CaseResult.Corrected => "结果纠正",
        CaseResult.Other => "其他结果",
        _ => "尚未审结",
    };

    public static string Of(ReviewDecision decision) => decision switch
    {
        ReviewDecision.Maintained => "维持（行政复议法第六十八条）",
        ReviewDecision.ClaimDismissed => "驳回行政复议请求（第六十九条）",
        ReviewDecision.Varied => "变更（第六十三条）",
        ReviewDecision.Revoked => "撤销（第六十四条）",
        ReviewDecision.RevokedWithRedo => "撤销并责令重新作出（第六十四条）",
        ReviewDecision.ConfirmedIllegal => "确认违法（第六十五条）",
        ReviewDecision.OrderedToPerform => "责令履行（第六十六条）",
        ReviewDecision.ConfirmedInvalid => "确认无效（第六十七条）",
        ReviewDecision.ApplicationDismissed => "驳回行政复议申请（第三十三条）",
        ReviewDecision.Terminated => "终止（第四十一条）",
        ReviewDecision.Withdrawn => "申请人撤回，终止（第四十一条）",
        ReviewDecision.Mediated => "调解（第七十三条）",
        ReviewDecision.NotAccepted => "不予受理（第三十条）",
        _ => decision.ToString(),
    };

    public static string Of(JudgmentType judgment) => judgment switch
    {
        JudgmentType.ClaimDismissed => "判决驳回诉讼请求（行政诉讼法第六十九条）",
        JudgmentType.Revoked => "判决撤销（第七十条）",
        JudgmentType.RevokedWithRedo => "判决撤销并责令重新作出（第七十条）",
        JudgmentType.OrderedToPerform => "判决履行（第七十二条）",
        JudgmentType.OrderedToPay => "判决给付（第七十三条）",
        JudgmentType.ConfirmedIllegal => "判决确认违法（第七十四条）",
        JudgmentType.ConfirmedInvalid => "判决确认无效（第七十五条）",
        JudgmentType.Varied => "判决变更（第七十七条）",
        JudgmentType.SuitDismissed => "裁定驳回起诉",
        JudgmentType.Withdrawn => "裁定准予撤诉（第六十二条）",
        JudgmentType.NotRegistered => "裁定不予立案（第五十一条）",
        JudgmentType.Terminated => "裁定终结诉讼",
        JudgmentType.Mediated => "调解",
        _ => judgment.ToString(),
    };

    public static string Of(AppealOutcome outcome) => outcome switch
    {
        AppealOutcome.Upheld => "驳回上诉，维持原判",
        AppealOutcome.Reversed => "改判",
        AppealOutcome.Remanded => "发回重审",
        AppealOutcome.Withdrawn => "准予撤回上诉",
        _ => outcome.ToString(),
    };
}

/// <summary>[U] §3.7: whether 驳回复议请求 (ARL-2023 art. 69) counts as 维持 or 其他.</summary>
public enum ClaimDismissedRule
{
    /// <summary>Default: 结果维持 — the act stands.</summary>
    Maintained,
    Other,
}

/// <summary>[U] §3.7 edge case 2: how a case that went to a second instance is counted (a counting policy of the report).</summary>
public enum SecondInstanceRule
{
    /// <summary>Default: one dispute, one row, with its final effective result (an appeal dismissed keeps the first-instance result).</summary>
    FinalEffectiveResult,

    /// <summary>Only the first-instance result counts.</summary>
    FirstInstanceOnly,
}

/// <summary>
/// Which table-四 column each decision falls in: a named policy (ogi-rules §3.7), defaults from the reference.
/// Also says which decisions order the agency to answer again (and so reopen the request).
/// </summary>
public sealed record CaseResultPolicies
{
    public static readonly CaseResultPolicies Default = new();

    public ClaimDismissedRule ReviewClaimDismissed { get; init; } = ClaimDismissedRule.Maintained;

    public CaseResult Of(ReviewDecision decision) => decision switch
    {
        ReviewDecision.Maintained => CaseResult.Maintained,
        ReviewDecision.ClaimDismissed => ReviewClaimDismissed == ClaimDismissedRule.Maintained ? CaseResult.Maintained : CaseResult.Other,
        ReviewDecision.Varied or ReviewDecision.Revoked or ReviewDecision.RevokedWithRedo or ReviewDecision.ConfirmedIllegal
            or ReviewDecision.OrderedToPerform or ReviewDecision.ConfirmedInvalid => CaseResult.Corrected,
        _ => CaseResult.Other,
    };

    public CaseResult Of(JudgmentType judgment) => judgment switch
    {
        JudgmentType.ClaimDismissed => CaseResult.Maintained,
        JudgmentType.Revoked or JudgmentType.RevokedWithRedo or JudgmentType.OrderedToPerform or JudgmentType.OrderedToPay
            or JudgmentType.ConfirmedIllegal or JudgmentType.ConfirmedInvalid or JudgmentType.Varied => CaseResult.Corrected,
        _ => CaseResult.Other,
    };

    /// <summary>Decisions that require the agency to answer the request again.</summary>
    public static bool OrdersNewAnswer(ReviewDecision decision) => decision is ReviewDecision.RevokedWithRedo or ReviewDecision.OrderedToPerform;

    public static bool OrdersNewAnswer(JudgmentType judgment) => judgment is JudgmentType.RevokedWithRedo or JudgmentType.OrderedToPerform;
}
