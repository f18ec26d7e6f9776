namespace CaseFlow.Requests;

/// <summary>One result row of table 三: its group, its number within the group, the official label and its grounding.</summary>
public sealed record OutcomeRow(Outcome Outcome, string GroupKey, string GroupLabel, int Number, string Label, string Grounding, AnswerType AnswerType)
{
    /// <summary>The row as printed in the report: "（三）不予公开 1.属于国家秘密" or "（一）予以公开".</summary>
    public string FullLabel => Number == 0 ? GroupLabel : $"{GroupLabel} {Number}.{Label}";

    /// <summary>
    /// The row as officers read it on screens, in histories and letters: the official label without the report's
    /// counting note ("（二）部分公开", not "…（区分处理的，只计这一情形，不计其他情形）").
    /// </summary>
    public string Name => FullLabel.Replace(CountingNote, "", StringComparison.Ordinal);

    /// <summary>The group as officers read it (without the counting note).</summary>
    public string GroupName => GroupLabel.Replace(CountingNote, "", StringComparison.Ordinal);

    private const string CountingNote = "（区分处理的，只计这一情形，不计其他情形）";

    /// <summary>Whether this outcome gives the applicant information (what makes a mixed answer 部分公开).</summary>
    public bool ProvidesInformation => Outcome is Outcome.Disclosed or Outcome.PartiallyDisclosed;
}

/// <summary>The 21 result rows in table order (ogi-rules §3.3 and §3.5).</summary>
public static class OutcomeRows
{
    public static readonly IReadOnlyList<OutcomeRow> All =
    [
        new(Outcome.Disclosed, "disclosed", "（一）予以公开", 0, "予以公开", "《条例》第三十六条第二项（第一项）", AnswerType.Provided),
        new(Outcome.PartiallyDisclosed, "partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 0, "部分公开", "《条例》第三十七条", AnswerType.Provided),
        new(Outcome.RefusedStateSecret, "refused", "（三）不予公开", 1, "属于国家秘密", "《条例》第十四条", AnswerType.NotDisclosed),
        new(Outcome.RefusedProhibitedByLaw, "refused", "（三）不予公开", 2, "其他法律行政法规禁止公开", "《条例》第十四条", AnswerType.NotDisclosed),
        new(Outcome.RefusedSecurityStability, "refused", "（三）不予公开", 3, "危及“三安全一稳定”", "《条例》第十四条", AnswerType.NotDisclosed),
        new(Outcome.RefusedThirdPartyRights, "refused", "（三）不予公开", 4, "保护第三方合法权益", "《条例》第十五条、第三十二条", AnswerType.NotDisclosed),
        new(Outcome.RefusedInternalAffairs, "refused", "（三）不予公开", 5, "属于三类内部事务信息", "《条例》第十六条第一款", AnswerType.NotDisclosed),
        new(Outcome.RefusedProcessInformation, "refused", "（三）不予公开", 6, "属于四类过程性信息", "《条例》第十六条第二款", AnswerType.NotDisclosed),
        new(Outcome.RefusedEnforcementCaseFile, "refused", "（三）不予公开", 7, "属于行政执法案卷", "《条例》第十六条第二款", AnswerType.NotDisclosed),
        new(Outcome.RefusedAdministrativeQuery, "refused", "（三）不予公开", 8, "属于行政查询事项", "《条例》第三十六条第七项", AnswerType.SpecialAccessRules),
        new(Outcome.UnableNotHeld, "unable", "（四）无法提供", 1, "本机关不掌握相关政府信息", "《条例》第三十六条第四项、第五项", AnswerType.DoesNotExist),
        new(Outcome.UnableNeedsCreation, "unable", "（四）无法提供", 2, "没有现成信息需要另行制作", "《条例》第三十八条", AnswerType.DoesNotExist),
        new(Outcome.UnableUnclearAfterClarification, "unable", "（四）无法提供", 3, "补正后申请内容仍不明确", "《条例》第二十九条、第三十条", AnswerType.NotHandledAsDisclosure),
        new(Outcome.NotProcessedComplaint, "not-processed", "（五）不予处理", 1, "信访举报投诉类申请", "《条例》第三十九条第一款", AnswerType.NotHandledAsDisclosure),
        new(Outcome.NotProcessedRepeat, "not-processed", "（五）不予处理", 2, "重复申请", "《条例》第三十六条第六项", AnswerType.RepeatRequest),
        new(Outcome.NotProcessedPublication, "not-processed", "（五）不予处理", 3, "要求提供公开出版物", "《条例》第三十九条第二款", AnswerType.NotHandledAsDisclosure),
        new(Outcome.NotProcessedExcessive, "not-processed", "（五）不予处理", 4, "无正当理由大量反复申请", "《条例》第三十五条", AnswerType.NotHandledAsDisclosure),
        new(Outcome.NotProcessedConfirmation, "not-processed", "（五）不予处理", 5, "要求行政机关确认或重新出具已获取信息", "（无专门条款）", AnswerType.NotHandledAsDisclosure),
        new(Outcome.OtherClarificationLapsed, "other", "（六）其他处理", 1, "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "《条例》第三十条", AnswerType.NotHandledAsDisclosure),
        new(Outcome.OtherFeeLapsed, "other", "（六）其他处理", 2, "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "《条例》第四十二条；国办函〔2020〕109号", AnswerType.NotHandledAsDisclosure),
        new(Outcome.Other, "other", "（六）其他处理", 3, "其他", "（无专门条款）", AnswerType.NotHandledAsDisclosure),
    ];

    private static readonly Dictionary<Outcome, OutcomeRow> s_byOutcome = All.ToDictionary(r => r.Outcome);

    public static OutcomeRow Of(Outcome outcome) => s_byOutcome[outcome];

    /// <summary>Table order: the position of the row among the 21 (used by the mixed-refusal precedence policy).</summary>
    public static int Order(Outcome outcome) => (int)outcome;
}
