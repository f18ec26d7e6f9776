using CaseFlow.Infrastructure;
using NodaTime;

namespace CaseFlow.Reviews;

public abstract record ReviewCommand
{
    private protected ReviewCommand()
    {
    }
}

public abstract record LawsuitCommand
{
    private protected LawsuitCommand()
    {
    }
}

public sealed record FileReview(string CaseReference, string RequestReference, LocalDate FiledOn, string? ReviewBody) : ReviewCommand;

public sealed record RequestReviewCorrection(LocalDate On, LocalDate? ReplyBy) : ReviewCommand;

public sealed record ReceiveReviewCorrection(LocalDate On) : ReviewCommand;

public sealed record AcceptReview(LocalDate On, bool Simplified) : ReviewCommand;

public sealed record SuspendReview(LocalDate On, string Reason) : ReviewCommand;

public sealed record ResumeReview(LocalDate On) : ReviewCommand;

public sealed record ExtendReview(LocalDate On, int Days) : ReviewCommand;

public sealed record DecideReview(LocalDate On, ReviewDecision? Decision, CaseResult? Result, bool OrdersNewAnswer, int? AnswerWorkingDays) : ReviewCommand;

public sealed record DeliverReviewDecision(LocalDate On) : ReviewCommand;

/// <summary>The copy of the review application received by the agency (申请书副本): its reply deadline starts.</summary>
public sealed record ReceiveReviewCopy(LocalDate On) : ReviewCommand;

public sealed record SubmitReviewReply(LocalDate On) : ReviewCommand;

public sealed record FileLawsuit(string CaseReference, string RequestReference, LocalDate FiledOn, bool AfterReview, string? Court, string? ReviewCaseReference, AgencyRole Role) : LawsuitCommand;

public sealed record RegisterLawsuit(LocalDate On, bool Simplified) : LawsuitCommand;

public sealed record SuspendLawsuit(LocalDate On, string Reason) : LawsuitCommand;

public sealed record ResumeLawsuit(LocalDate On) : LawsuitCommand;

/// <summary>A judgment or ruling: at first instance, or (after an appeal) at second instance.</summary>
public sealed record JudgeLawsuit(LocalDate On, JudgmentType? Judgment, CaseResult? Result, bool IsRuling, bool InForce, AppealOutcome? Appeal, bool OrdersNewAnswer, int? AnswerWorkingDays) : LawsuitCommand;

public sealed record AppealJudgment(LocalDate On, bool ByAgency) : LawsuitCommand;

public sealed record JudgmentTakesEffect(LocalDate On) : LawsuitCommand;

/// <summary>The copy of the complaint received by the agency (起诉状副本): its defence deadline starts.</summary>
public sealed record ReceiveComplaintCopy(LocalDate On) : LawsuitCommand;

public sealed record SubmitDefence(LocalDate On) : LawsuitCommand;

/// <summary>The rules of review and litigation cases: pure decisions, stable codes, messages for legal staff.</summary>
public static class CaseDecider
{
    public static Decision Decide(ReviewCommand command, Review state, LocalDate today, CaseResultPolicies policies)
    {
        if (command is FileReview file)
        {
            return state.Filed
                ? Decision.Reject("review.already-filed", $"复议案件 {state.CaseReference} 已登记。", RejectionKind.Conflict)
                : file.FiledOn > today ? Decision.Reject("date.in-future", $"日期 {file.FiledOn:yyyy-MM-dd} 晚于今天。")
                : Decision.Accept(new ReviewFiled(file.CaseReference, file.RequestReference, file.FiledOn, Blank(file.ReviewBody)));
        }

        if (!state.Filed)
        {
            return Decision.Reject("review.not-found", "复议案件不存在。", RejectionKind.NotFound);
        }

        var date = command switch
        {
            RequestReviewCorrection c => c.On,
            ReceiveReviewCorrection c => c.On,
            AcceptReview c => c.On,
            SuspendReview c => c.On,
            ResumeReview c => c.On,
            ExtendReview c => c.On,
            DecideReview c => c.On,
            DeliverReviewDecision c => c.On,
            ReceiveReviewCopy c => c.On,
            SubmitReviewReply c => c.On,
            _ => throw new InvalidOperationException($"No rule decides {command.GetType().Name}."),
        };
        if (command is ReceiveReviewCopy or SubmitReviewReply)
        {
            // The agency's own steps: recorded when they happened, whatever was recorded since.
            return CheckDate(date, state.FiledOn, state.FiledOn, today)
                ?? (command is ReceiveReviewCopy
                    ? Once(state.CopyReceivedOn, date, "case.copy-already-received", "申请书副本", () => new ReviewCopyReceived(date))
                    : Once(state.ReplySubmittedOn, date, "case.reply-already-submitted", "书面答复", () => new ReviewReplySubmitted(date)));
        }

        if (command is DecideReview repeat && state.Decision is { } decided)
        {
            return decided.On == repeat.On && decided.Decision == repeat.Decision && state.Result(policies) == (repeat.Decision is { } t ? policies.Of(t) : repeat.Result)
                ? Decision.NoChange
                : Decision.Reject("review.decided", $"复议已于 {decided.On:yyyy-MM-dd} 作出决定。");
        }

        if (command is DeliverReviewDecision deliver)
        {
            if (state.Decision is null)
            {
                return Decision.Reject("review.not-decided", "复议尚未作出决定，没有可送达的决定书。");
            }

            if (state.DeliveredOn is { } delivered)
            {
                return delivered == deliver.On ? Decision.NoChange : Decision.Reject("review.already-delivered", $"复议决定书已于 {delivered:yyyy-MM-dd} 送达。");
            }
        }

        if (CheckDate(date, state.FiledOn, state.LastFactOn, today) is { } rejected)
        {
            return rejected;
        }

        if (state.Decided && command is not DeliverReviewDecision)
        {
            return Decision.Reject("review.decided", $"复议已于 {state.Decision!.On:yyyy-MM-dd} 作出决定。");
        }

        switch (command)
        {
            case DeliverReviewDecision c:
                return Decision.Accept(new ReviewDecisionDelivered(c.On));
            case RequestReviewCorrection c:
                return state.AcceptedOn is not null ? Decision.Reject("review.already-accepted", "复议已受理，不能再要求补正申请材料。")
                    : state.AwaitingCorrection ? Decision.Reject("review.correction-pending", "已要求补正，尚未收到补正材料。")
                    : c.ReplyBy is { } replyBy && replyBy < c.On ? Decision.Reject("review.correction-reply-before-request", "补正期限不能早于通知日期。")
                    : Decision.Accept(new ReviewCorrectionRequested(c.On, c.ReplyBy));
            case ReceiveReviewCorrection c:
                return state.AwaitingCorrection ? Decision.Accept(new ReviewCorrectionReceived(c.On))
                    : Decision.Reject("review.no-correction-pending", "没有待补正的复议申请材料。");
            case AcceptReview when state.AwaitingCorrection:
                return Decision.Reject("review.correction-pending", "复议申请正在补正：收到补正材料后再登记受理。");
            case AcceptReview c:
                return state.AcceptedOn is { } accepted
                    ? accepted == c.On && state.Simplified == c.Simplified ? Decision.NoChange : Decision.Reject("review.already-accepted", $"复议已于 {accepted:yyyy-MM-dd} 受理。")
                    : c.Simplified && !state.Arl2023 ? Decision.Reject("review.simplified-not-available", "2024年1月1日前申请的复议适用修订前的行政复议法，没有简易程序。")
                    : Decision.Accept(new ReviewAccepted(c.On, c.Simplified));
            case SuspendReview c:
                return state.Suspended ? Decision.Reject("review.already-suspended", "复议已中止。")
                    : string.IsNullOrWhiteSpace(c.Reason) ? Decision.Reject("review.reason-required", "请说明中止的理由（行政复议法第三十九条）。")
                    : Decision.Accept(new ReviewSuspended(c.On, c.Reason.Trim()));
            case ResumeReview c:
                return state.Suspended ? Decision.Accept(new ReviewResumed(c.On)) : Decision.Reject("review.not-suspended", "复议未中止，无需恢复。");
            case ExtendReview c:
                return state.Simplified ? Decision.Reject("review.extension-simplified", "简易程序不适用延长审理期限。")
                    : state.ExtensionDays > 0 ? Decision.Reject("review.already-extended", "复议审理期限只能延长一次（最多30日）。")
                    : c.Days is < 1 or > 30 ? Decision.Reject("review.extension-out-of-range", "延长期限最多30日。")
                    : Decision.Accept(new ReviewExtended(c.On, c.Days));
            case DecideReview c:
                if (state.Suspended)
                {
                    return Decision.Reject("review.suspended", "复议中止期间不能作出决定：请先登记恢复审理。");
                }

                if (c.Decision is null && c.Result is null)
                {
                    return Decision.Reject("review.result-required", "请填写复议决定的类型或结果（维持、纠正、其他）。");
                }

                if (c.Decision is { } type && c.Result is { } result && policies.Of(type) != result)
                {
                    return Decision.Reject("review.result-mismatch", $"{CaseLabels.Of(type)} 按现行口径属于“{CaseLabels.Of(policies.Of(type))}”，与所填结果不符。");
                }

                return Decision.Accept(new ReviewDecided(c.On, c.Decision, c.Decision is null ? c.Result : null,
                    c.OrdersNewAnswer || (c.Decision is { } d && CaseResultPolicies.OrdersNewAnswer(d)), c.AnswerWorkingDays));
            default:
                return Decision.NoChange;
        }
    }

    public static Decision Decide(LawsuitCommand command, Lawsuit state, LocalDate today, CaseResultPolicies policies)
    {
        if (command is FileLawsuit file)
        {
            return state.Filed ? Decision.Reject("lawsuit.already-filed", $"诉讼案件 {state.CaseReference} 已登记。", RejectionKind.Conflict)
                : file.FiledOn > today ? Decision.Reject("date.in-future", $"日期 {file.FiledOn:yyyy-MM-dd} 晚于今天。")
                : !string.IsNullOrWhiteSpace(file.ReviewCaseReference) && !file.AfterReview
                    ? Decision.Reject("lawsuit.after-review-contradiction", $"起诉针对复议案件 {file.ReviewCaseReference}，属于复议后起诉：afterReview 不能为 false。")
                : file.Role == AgencyRole.CoDefendantReviewBody && !file.AfterReview
                    ? Decision.Reject("lawsuit.co-defendant-needs-review", "只有复议后起诉的案件，复议机关才可能作为共同被告。")
                : Decision.Accept(new LawsuitFiled(file.CaseReference, file.RequestReference, file.FiledOn, file.AfterReview, Blank(file.Court), Blank(file.ReviewCaseReference), file.Role));
        }

        if (!state.Filed)
        {
            return Decision.Reject("lawsuit.not-found", "诉讼案件不存在。", RejectionKind.NotFound);
        }

        var date = command switch
        {
            RegisterLawsuit c => c.On,
            SuspendLawsuit c => c.On,
            ResumeLawsuit c => c.On,
            JudgeLawsuit c => c.On,
            AppealJudgment c => c.On,
            JudgmentTakesEffect c => c.On,
            ReceiveComplaintCopy c => c.On,
            SubmitDefence c => c.On,
            _ => throw new InvalidOperationException($"No rule decides {command.GetType().Name}."),
        };
        if (command is ReceiveComplaintCopy or SubmitDefence)
        {
            return CheckDate(date, state.FiledOn, state.FiledOn, today)
                ?? (command is ReceiveComplaintCopy
                    ? Once(state.CopyReceivedOn, date, "case.copy-already-received", "起诉状副本", () => new ComplaintCopyReceived(date))
                    : Once(state.DefenceSubmittedOn, date, "case.defence-already-submitted", "答辩状", () => new DefenceSubmitted(date)));
        }

        if (command is JudgeLawsuit repeat && state.Concluded)
        {
            var last = state.SecondInstance ?? state.FirstInstance;
            return last is not null && last.On == repeat.On && Lawsuit.ResultOf(last, policies) == (repeat.Judgment is { } t ? policies.Of(t) : repeat.Result)
                ? Decision.NoChange
                : Decision.Reject("lawsuit.concluded", $"判决已于 {state.InForceOn:yyyy-MM-dd} 生效。");
        }

        if (CheckDate(date, state.FiledOn, state.LastFactOn, today) is { } rejected)
        {
            return rejected;
        }

        if (state.Concluded)
        {
            return Decision.Reject("lawsuit.concluded", $"判决已于 {state.InForceOn:yyyy-MM-dd} 生效。");
        }

        switch (command)
        {
            case RegisterLawsuit c:
                return state.RegisteredOn is not null ? Decision.Reject("lawsuit.already-registered", "法院已立案。") : Decision.Accept(new LawsuitRegistered(c.On, c.Simplified));
            case SuspendLawsuit c:
                return state.Suspended ? Decision.Reject("lawsuit.already-suspended", "诉讼已中止。") : Decision.Accept(new LawsuitSuspended(c.On, c.Reason.Trim()));
            case ResumeLawsuit c:
                return state.Suspended ? Decision.Accept(new LawsuitResumed(c.On)) : Decision.Reject("lawsuit.not-suspended", "诉讼未中止。");
            case AppealJudgment c:
                return state.FirstInstance is null ? Decision.Reject("lawsuit.not-judged", "一审尚未判决，不能上诉。")
                    : state.AppealedOn is not null ? Decision.Reject("lawsuit.already-appealed", "已提起上诉。")
                    : Decision.Accept(new JudgmentAppealed(c.On, c.ByAgency));
            case JudgmentTakesEffect c:
                return state.FirstInstance is null ? Decision.Reject("lawsuit.not-judged", "尚未判决。")
                    : state.AppealedOn is not null ? Decision.Reject("lawsuit.under-appeal", "已上诉，一审判决未生效：请登记二审结果。")
                    : Decision.Accept(new JudgmentInForce(c.On));
            case JudgeLawsuit c:
                if (state.Suspended)
                {
                    return Decision.Reject("lawsuit.suspended", "诉讼中止期间不能登记判决：请先登记恢复审理。");
                }

                if (c.Judgment is null && c.Result is null && c.Appeal is null)
                {
                    return Decision.Reject("lawsuit.result-required", "请填写判决、裁定的类型或结果（维持、纠正、其他）。");
                }

                if (c.Judgment is { } type && c.Result is { } result && policies.Of(type) != result)
                {
                    return Decision.Reject("lawsuit.result-mismatch", $"{CaseLabels.Of(type)} 按现行口径属于“{CaseLabels.Of(policies.Of(type))}”，与所填结果不符。");
                }

                var ordersNewAnswer = c.OrdersNewAnswer || (c.Judgment is { } j && CaseResultPolicies.OrdersNewAnswer(j));
                if (state.AppealedOn is not null)
                {
                    // Second instance: what became of the first-instance judgment. With only a result: same result upheld.
                    var first = Lawsuit.ResultOf(state.FirstInstance, policies);
                    var appeal = c.Appeal ?? ((c.Judgment is { } jt ? policies.Of(jt) : c.Result) == first ? AppealOutcome.Upheld : AppealOutcome.Reversed);
                    return Decision.Accept(new LawsuitJudged(c.On, 2, c.Judgment, c.Judgment is null ? c.Result : null, c.IsRuling, appeal != AppealOutcome.Remanded, appeal, ordersNewAnswer, c.AnswerWorkingDays));
                }

                if (state.FirstInstance is not null)
                {
                    return Decision.Reject("lawsuit.awaiting-appeal-window", "一审已判决：请登记上诉或判决生效。");
                }

                return Decision.Accept(new LawsuitJudged(c.On, 1, c.Judgment, c.Judgment is null ? c.Result : null, c.IsRuling, c.InForce, null, ordersNewAnswer, c.AnswerWorkingDays));
            default:
                return Decision.NoChange;
        }
    }

    private static Decision? CheckDate(LocalDate on, LocalDate filed, LocalDate last, LocalDate today) =>
        on > today ? Decision.Reject("date.in-future", $"日期 {on:yyyy-MM-dd} 晚于今天。")
        : on < filed ? Decision.Reject("date.before-filing", $"日期 {on:yyyy-MM-dd} 早于立案（申请）日期 {filed:yyyy-MM-dd}。")
        : on < last ? Decision.Reject("date.before-last-fact", $"日期 {on:yyyy-MM-dd} 早于已登记的最近一项事实（{last:yyyy-MM-dd}）。")
        : null;

    /// <summary>A fact that happens once: the same date again is no change, another date a conflict.</summary>
    private static Decision Once(LocalDate? recorded, LocalDate on, string code, string what, Func<object> fact) =>
        recorded is null ? Decision.Accept(fact())
        : recorded == on ? Decision.NoChange
        : Decision.Reject(code, $"已登记{what}的日期 {recorded:yyyy-MM-dd}。", RejectionKind.Conflict);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
