using CaseFlow.Deadlines;
using CaseFlow.Infrastructure;
using NodaTime;

namespace CaseFlow.Requests;

/// <summary>What a decision may know besides the request: today (in the agency's zone), the calendar and the policies.</summary>
public sealed record DecisionContext(LocalDate Today, WorkdayCalendar Calendar, ClockPolicies Policies)
{
    /// <summary>The table-三 row rules (the derived row of an answer with several items).</summary>
    public OutcomePolicies Outcomes { get; init; } = OutcomePolicies.Default;
}

/// <summary>The closed set of commands on a request. Each use case's file defines its command.</summary>
public abstract record RequestCommand
{
    private protected RequestCommand()
    {
    }
}

/// <summary>
/// Every rule of the Regulations a case officer's command must meet, as pure decisions: the state and the command in,
/// events or a rejection with a stable code and a message an officer understands out. No clock, no I/O.
/// </summary>
public static class RequestDecider
{
    /// <summary>Requests received before the 2019 Regulations took effect follow the 2007 rules (15 + 15 days).</summary>
    public static readonly LocalDate RegulationsInForce = new(2019, 5, 15);

    public static Decision Decide(RequestCommand command, Request state, DecisionContext context) => command switch
    {
        ReceiveRequest c => Receive(c, state, context),
        _ when !state.Received => Decision.Reject("request.not-found", "申请不存在：请先登记收到申请。", RejectionKind.NotFound),
        AssignOfficer c => Assign(c, state, context),
        RequestClarification c => AskForClarification(c, state, context),
        ReceiveClarification c => ReceiveCorrected(c, state, context),
        ApproveExtension c => Extend(c, state, context),
        AskForExtension c => AskExtension(c, state, context),
        AskForDelayedAnswerDate c => AskDelayed(c, state, context),
        ApprovePending c => Approve(c, state, context),
        RefusePending c => Refuse(c, state, context),
        StartConsultation c => Consult(c, state, context),
        EndConsultation c => EndConsult(c, state, context),
        AskVolumeReasons c => AskReasons(c, state, context),
        SetDelayedAnswerDate c => SetDelayed(c, state, context),
        IssueFeeNotice c => IssueFee(c, state, context),
        PayFee c => Pay(c, state, context),
        AnswerRequest c => Answer(c, state, context),
        WithdrawRequest c => Withdraw(c, state, context),
        CarryOverRequest c => CarryOver(c, state),
        ReopenRequest c => Reopen(c, state, context),
        DeliverAnswer c => Deliver(c, state, context),
        ChallengeRequest c => Challenge(c, state, context),
        _ => throw new InvalidOperationException($"No rule decides {command.GetType().Name}."),
    };

    private static Decision Receive(ReceiveRequest c, Request state, DecisionContext context)
    {
        if (state.Received)
        {
            return Decision.Reject("request.already-received", $"申请 {state.Reference} 已于 {state.ReceivedOn:yyyy-MM-dd} 登记。", RejectionKind.Conflict);
        }

        if (c.ReceivedOn > context.Today)
        {
            return Decision.Reject("date.in-future", $"收到日期 {c.ReceivedOn:yyyy-MM-dd} 晚于今天。");
        }

        if (c.ReceivedOn < RegulationsInForce)
        {
            return Decision.Reject("receipt.before-regulations", "2019年5月15日前收到的申请适用修订前的条例，CaseFlow 不予登记。");
        }

        if (string.IsNullOrWhiteSpace(c.Applicant.Name))
        {
            return Decision.Reject("applicant.name-required", "请填写申请人姓名或名称。");
        }

        if (c.ArrivedOn is { } arrived && c.ConfirmedOn is { } confirmed && confirmed < arrived)
        {
            return Decision.Reject("receipt.confirmed-before-arrival", "确认日期不能早于申请到达日期。");
        }

        // Art. 31: the statutory receipt date follows from the channel and what was recorded about arrival and confirmation.
        if (ReceiptRules.StatutoryDate(c.Channel, c.ArrivedOn, c.ConfirmedOn) is { } statutory && statutory != c.ReceivedOn)
        {
            return Decision.Reject("receipt.not-statutory-date",
                $"按《条例》第三十一条，{Labels.Of(c.Channel)}提交的申请以{ReceiptRules.RuleOf(c.Channel)}为收到之日，应为 {statutory:yyyy-MM-dd}。");
        }

        if (c.ArrivedOn > context.Today || c.ConfirmedOn > context.Today)
        {
            return Decision.Reject("date.in-future", "到达或确认日期晚于今天。");
        }

        return Decision.Accept(new RequestReceived(c.Reference, c.ReceivedOn, c.Channel, c.Applicant, Blank(c.Subject), Blank(c.RequestedForm), c.ArrivedOn, c.ConfirmedOn, Blank(c.Officer)));
    }

    private static Decision Assign(AssignOfficer c, Request state, DecisionContext context) =>
        CheckDate(c.On, state, context) ?? (string.IsNullOrWhiteSpace(c.Officer)
            ? Decision.Reject("officer.required", "请指定办理人员。")
            : state.Officer == c.Officer ? Decision.NoChange : Decision.Accept(new OfficerAssigned(c.Officer, c.On)));

    private static Decision AskForClarification(RequestClarification c, Request state, DecisionContext context)
    {
        if ((Open(state) ?? CheckDate(c.On, state, context)) is { } rejected)
        {
            return rejected;
        }

        if (state.PendingClarification is not null)
        {
            return Decision.Reject("clarification.already-pending", "已发出补正告知且尚未收到补正，补正应一次性告知（《条例》第三十条）。");
        }

        if (state.Clarifications.Count > 0 && context.Policies.ClarificationNotices == ClarificationNoticeRule.OncePerRequest)
        {
            return Decision.Reject("clarification.only-once",
                "补正告知应一次性发出（《条例》第三十条）；补正后申请内容仍不明确的，请以“补正后申请内容仍不明确”答复。");
        }

        if (c.ReplyBy is { } replyBy && replyBy <= c.On)
        {
            return Decision.Reject("clarification.reply-by-not-after-notice", "补正期限应晚于补正告知的发出日期。");
        }

        if (state.Consultations.Any(x => x.Open) || state.PendingFee is not null)
        {
            return Decision.Reject("clarification.while-suspended", "征求意见或收费期间不能发出补正告知：请先办结征求意见或缴费。");
        }

        // A notice cannot revive an overdue request (art. 30 gives 7 working days; the answer period is the outer limit).
        var answerDue = RequestClock.AnswerDue(state, context.Calendar, context.Policies, c.On).Due;
        if (c.On > answerDue)
        {
            return Decision.Reject("clarification.too-late", $"答复期限已于 {answerDue:yyyy-MM-dd} 届满：补正告知不能使已逾期的申请重新计算期限，请尽快作出答复。");
        }

        var items = c.Items.Select(i => i.Trim()).Where(i => i.Length > 0).ToList();
        var accepted = (Decision.Accepted)Decision.Accept(new ClarificationRequested(c.On, c.ReplyBy, items));
        var noticeDue = RequestClock.ClarificationNoticeDue(state, context.Calendar, context.Policies).Due;
        if (c.On <= noticeDue || state.Clarifications.Count > 0 || !state.ReopenedBy.IsEmpty)
        {
            return accepted;
        }

        var days = context.Policies.ClarificationNoticeWorkingDays;
        return context.Policies.LateClarificationNotice switch
        {
            LateClarificationNoticeRule.Reject => Decision.Reject("clarification.notice-late",
                $"补正告知应自收到申请之日起 {days} 个工作日内（{noticeDue:yyyy-MM-dd} 前）一次性发出（《条例》第三十条）；按本机关政策，逾期不再发出补正告知，请直接作出答复。"),
            LateClarificationNoticeRule.NoRestart => accepted.Warn("clarification.notice-late",
                $"补正告知晚于法定期限（{noticeDue:yyyy-MM-dd}）发出：按本机关政策，答复期限不因补正重新计算，仍于 {answerDue:yyyy-MM-dd} 届满。"),
            _ => accepted.Warn("clarification.notice-late",
                $"补正告知晚于法定期限（{noticeDue:yyyy-MM-dd}）发出：答复期限仍自收到补正之日起重新计算，但逾期告知可能被认定为程序违法（《条例》第三十条）。"),
        };
    }

    private static Decision ReceiveCorrected(ReceiveClarification c, Request state, DecisionContext context)
    {
        if ((Open(state) ?? CheckDate(c.On, state, context)) is { } rejected)
        {
            return rejected;
        }

        // Dates in order are checked above: the notice is the latest fact, so the correction cannot predate it.
        return state.PendingClarification is null
            ? Decision.Reject("clarification.not-pending", "没有待补正的告知：不能登记收到补正。")
            : Decision.Accept(new CorrectedRequestReceived(c.On));
    }

    private static Decision Extend(ApproveExtension c, Request state, DecisionContext context)
    {
        if ((Open(state) ?? CheckDate(c.On, state, context)) is { } rejected)
        {
            return rejected;
        }

        if (string.IsNullOrWhiteSpace(c.ApprovedBy))
        {
            return Decision.Reject("extension.approval-required", "延长答复期限须经政府信息公开工作机构负责人同意（《条例》第三十三条）：请填写批准人。");
        }

        if (c.WorkingDays is < 1 or > 20)
        {
            return Decision.Reject("extension.days-out-of-range", "延长期限为 1 至 20 个工作日。");
        }

        if (state.ExtensionWorkingDays + c.WorkingDays > context.Policies.MaxExtensionWorkingDays)
        {
            return Decision.Reject("extension.exceeds-limit",
                $"延长期限最长不得超过 {context.Policies.MaxExtensionWorkingDays} 个工作日（《条例》第三十三条），已延长 {state.ExtensionWorkingDays} 个工作日。");
        }

        if (state.PendingClarification is not null)
        {
            return Decision.Reject("extension.while-awaiting-clarification", "等待补正期间答复期限尚未重新起算，无需延长。");
        }

        if (state.DueDateOverride is not null)
        {
            return Decision.Reject("extension.fixed-due-date", "答复期限已另行确定，不适用延长。");
        }

        if (context.Policies.ExtensionMustPrecedeDueDate)
        {
            var due = RequestClock.AnswerDue(state, context.Calendar, context.Policies, c.On).Due;
            if (c.On > due)
            {
                return Decision.Reject("extension.after-deadline", $"答复期限已于 {due:yyyy-MM-dd} 届满，延长须在期限届满前决定并告知申请人。");
            }
        }

        return Decision.Accept(new ExtensionApproved(c.On, c.WorkingDays, c.ApprovedBy.Trim(), Blank(c.Reason)));
    }

    // An officer's request for approval is checked by the rules the approval will meet, so the approver is never asked
    // for what could not be granted; the approval is then decided again on the state of its own day.
    private static Decision AskExtension(AskForExtension c, Request state, DecisionContext context) =>
        AlreadyAwaiting(state) ?? ReasonMissing(c.Reason) ?? Extend(new ApproveExtension(c.On, c.WorkingDays, c.RequestedBy, c.Reason), state, context) switch
        {
            Decision.Rejected rejected => rejected,
            _ => Decision.Accept(new ExtensionApprovalRequested(c.On, c.WorkingDays, c.Reason.Trim(), c.RequestedBy)),
        };

    private static Decision AskDelayed(AskForDelayedAnswerDate c, Request state, DecisionContext context) =>
        AlreadyAwaiting(state) ?? ReasonMissing(c.Reason) ?? SetDelayed(new SetDelayedAnswerDate(c.On, c.DueOn, c.Reason, c.RequestedBy), state, context) switch
        {
            Decision.Rejected rejected => rejected,
            _ => Decision.Accept(new DelayedAnswerDateApprovalRequested(c.On, c.DueOn, c.Reason.Trim(), c.RequestedBy)),
        };

    private static Decision Approve(ApprovePending c, Request state, DecisionContext context) => state.AwaitingApproval switch
    {
        null => Open(state) ?? Decision.Reject("approval.not-pending", "没有待批准的事项。"),
        { IsExtension: true } p => Extend(new ApproveExtension(c.On, p.WorkingDays!.Value, c.ApprovedBy, p.Reason), state, context),
        { } p => SetDelayed(new SetDelayedAnswerDate(c.On, p.DueOn!.Value, p.Reason, c.ApprovedBy), state, context),
    };

    private static Decision Refuse(RefusePending c, Request state, DecisionContext context)
    {
        if ((Open(state) ?? CheckDate(c.On, state, context)) is { } rejected)
        {
            return rejected;
        }

        if (string.IsNullOrWhiteSpace(c.Comment))
        {
            return Decision.Reject("approval.comment-required", "不予批准时请填写意见，告知承办人。");
        }

        return state.AwaitingApproval switch
        {
            null => Decision.Reject("approval.not-pending", "没有待批准的事项。"),
            { IsExtension: true } => Decision.Accept(new ExtensionRefused(c.On, c.Comment.Trim(), c.RefusedBy)),
            _ => Decision.Accept(new DelayedAnswerDateRefused(c.On, c.Comment.Trim(), c.RefusedBy)),
        };
    }

    private static Decision? AlreadyAwaiting(Request state) => state.AwaitingApproval is { } pending
        ? Decision.Reject("approval.already-pending", $"{pending.On:yyyy-MM-dd} 已报请{pending.Label}，尚待审核人批准。", RejectionKind.Conflict)
        : null;

    private static Decision? ReasonMissing(string reason) =>
        string.IsNullOrWhiteSpace(reason) ? Decision.Reject("approval.reason-required", "请说明理由，供审核人审批。") : null;

    private static Decision Consult(StartConsultation c, Request state, DecisionContext context)
    {
        if ((Open(state) ?? CheckDate(c.On, state, context)) is { } rejected)
        {
            return rejected;
        }

        if (state.PendingClarification is not null)
        {
            return Decision.Reject("consultation.while-awaiting-clarification", "等待补正期间不能征求意见：请先登记收到补正。");
        }

        if (c.PartyReceivedOn is { } received && (received < c.On || received > context.Today))
        {
            return Decision.Reject("consultation.receipt-date-invalid", "对方收到征求意见函的日期不能早于发函日期，也不能晚于今天。");
        }

        return state.Consultations.Any(x => x.Open && x.Party == c.Party)
            ? Decision.Reject("consultation.already-open", $"向{Labels.Of(c.Party)}征求意见尚未结束，不能重复暂停计算。")
            : Decision.Accept(new ConsultationStarted(c.On, c.Party, Blank(c.Name), c.PartyReceivedOn));
    }

    private static Decision EndConsult(EndConsultation c, Request state, DecisionContext context)
    {
        if ((Open(state) ?? CheckDate(c.On, state, context)) is { } rejected)
        {
            return rejected;
        }

        var open = state.Consultations.Where(x => x.Open && (c.Party is null || x.Party == c.Party)).ToList();
        if (open.Count == 0)
        {
            return Decision.Reject("consultation.not-open", "没有正在进行的征求意见。");
        }

        if (open.Count > 1)
        {
            return Decision.Reject("consultation.party-required", "同时在征求第三方和其他机关的意见：请说明结束的是哪一项。");
        }

        return Decision.Accept(new ConsultationEnded(c.On, open[0].Party, c.Result));
    }

    private static Decision AskReasons(AskVolumeReasons c, Request state, DecisionContext context) =>
        Open(state) ?? CheckDate(c.On, state, context) ?? (state.VolumeReasonsAskedOn is not null
            ? Decision.NoChange
            : Decision.Accept(new VolumeReasonsRequested(c.On)));

    private static Decision SetDelayed(SetDelayedAnswerDate c, Request state, DecisionContext context)
    {
        if ((Open(state) ?? CheckDate(c.On, state, context)) is { } rejected)
        {
            return rejected;
        }

        if (state.VolumeReasonsAskedOn is null)
        {
            return Decision.Reject("volume.reasons-not-requested", "确定延迟答复期限前，应先要求申请人说明理由（《条例》第三十五条）。");
        }

        if (string.IsNullOrWhiteSpace(c.ApprovedBy))
        {
            return Decision.Reject("volume.approval-required", "确定延迟答复期限须经政府信息公开工作机构负责人同意并告知申请人：请填写批准人。");
        }

        if (c.DueOn <= c.On)
        {
            return Decision.Reject("volume.due-not-after-decision", "延迟答复的期限应晚于作出决定之日。");
        }

        var current = RequestClock.AnswerDue(state, context.Calendar, context.Policies, c.On).Due;
        if (c.DueOn <= current)
        {
            return Decision.Reject("volume.due-not-later", $"延迟答复的期限应晚于现在的答复期限 {current:yyyy-MM-dd}：否则无需延迟。");
        }

        return string.IsNullOrWhiteSpace(c.Reason)
            ? Decision.Reject("volume.reason-required", "请说明确定延迟答复期限的理由。")
            : Decision.Accept(new DelayedAnswerDateSet(c.On, c.DueOn, c.Reason.Trim(), c.ApprovedBy.Trim()));
    }

    private static Decision IssueFee(IssueFeeNotice c, Request state, DecisionContext context)
    {
        if ((Open(state) ?? CheckDate(c.On, state, context)) is { } rejected)
        {
            return rejected;
        }

        if (c.AmountYuan <= 0)
        {
            return Decision.Reject("fee.amount-invalid", "收费金额应大于零。");
        }

        if (state.PendingFee is not null)
        {
            return Decision.Reject("fee.already-pending", "已发出收费通知且尚未缴费。");
        }

        var answerDue = RequestClock.AnswerDue(state, context.Calendar, context.Policies, c.On).Due;
        if (c.On > answerDue)
        {
            return Decision.Reject("fee.notice-after-deadline", $"收费通知应在答复期限内发出（国办函〔2020〕109号）；答复期限已于 {answerDue:yyyy-MM-dd} 届满。");
        }

        return state.PendingClarification is not null
            ? Decision.Reject("fee.while-awaiting-clarification", "等待补正期间不能发出收费通知。")
            : Decision.Accept(new FeeNoticeIssued(c.On, decimal.Round(c.AmountYuan, 2), c.Method, c.Quantity));
    }

    private static Decision Pay(PayFee c, Request state, DecisionContext context)
    {
        if ((Open(state) ?? CheckDate(c.On, state, context)) is { } rejected)
        {
            return rejected;
        }

        if (state.PendingFee is null)
        {
            return Decision.Reject("fee.not-pending", "没有待缴的费用。");
        }

        var due = RequestClock.FeePaymentDue(state, context.Calendar, context.Policies)!.Due;
        return c.On > due
            ? Decision.Reject("fee.payment-late", $"缴费期限已于 {due:yyyy-MM-dd} 届满，申请视为放弃（国办函〔2020〕109号）：请以“逾期未缴费”办结（表三（六）2）。")
            : Decision.Accept(new FeePaid(c.On));
    }

    private static Decision Answer(AnswerRequest c, Request state, DecisionContext context)
    {
        if (state.Concluded)
        {
            // The same answer again is already satisfied; a different one is a conflict, not a silent change.
            var same = state.Conclusion!.On == c.On && state.Conclusion.Items.SequenceEqual(c.Items.Select(i => i.Outcome))
                && state.Conclusion.Kind == KindOf(c.Items);
            return same ? Decision.NoChange : Decision.Reject("request.concluded", $"申请已于 {state.Conclusion.On:yyyy-MM-dd} 办结，不能再次答复。");
        }

        if (CheckDate(c.On, state, context) is { } rejected)
        {
            return rejected;
        }

        if (c.Items.Count == 0)
        {
            return Decision.Reject("answer.outcome-required", "请选择办理结果。");
        }

        var outcomes = c.Items.Select(i => i.Outcome).ToList();
        var lapse = outcomes.Where(o => o is Outcome.OtherClarificationLapsed or Outcome.OtherFeeLapsed).Distinct().ToList();
        if (lapse.Count > 0 && outcomes.Count > 1)
        {
            return Decision.Reject("answer.lapse-is-whole-request", "逾期不补正、逾期未缴费是对整个申请的处理，不能与其他办理结果并列。");
        }

        if (lapse.FirstOrDefault() == Outcome.OtherClarificationLapsed)
        {
            if (state.PendingClarification is not { } notice)
            {
                return Decision.Reject("answer.no-pending-clarification", "没有待补正的告知，不能以“逾期不补正”办结（《条例》第三十条）。");
            }

            // The notice's own deadline, or by policy 15 working days from it when it stated none.
            var replyBy = RequestClock.ApplicantClarificationDue(state, context.Calendar, context.Policies)?.Due ?? notice.ReplyBy ?? notice.On;
            if (c.On <= replyBy)
            {
                return Decision.Reject("answer.clarification-deadline-not-passed",
                    $"补正期限 {replyBy:yyyy-MM-dd} 尚未届满，自 {replyBy.PlusDays(1):yyyy-MM-dd} 起方可视为放弃申请（“逾期不补正”）。");
            }

            return LapseYearWarning((Decision.Accepted)Decision.Accept(new ClarificationLapsed(c.On, replyBy)), c.On, replyBy, context);
        }

        if (lapse.FirstOrDefault() == Outcome.OtherFeeLapsed)
        {
            if (state.PendingFee is null)
            {
                return Decision.Reject("answer.no-pending-fee", "没有待缴的费用，不能以“逾期未缴费”办结。");
            }

            var due = RequestClock.FeePaymentDue(state, context.Calendar, context.Policies)!.Due;
            return c.On <= due
                ? Decision.Reject("answer.fee-deadline-not-passed", $"缴费期限 {due:yyyy-MM-dd} 尚未届满，自 {due.PlusDays(1):yyyy-MM-dd} 起方可视为放弃申请（“逾期未缴费”）。")
                : LapseYearWarning((Decision.Accepted)Decision.Accept(new FeeLapsed(c.On, due)), c.On, due, context);
        }

        if (state.PendingClarification is not null)
        {
            return Decision.Reject("answer.awaiting-clarification", "已发出补正告知：请先登记收到补正，或在补正期限届满后以“逾期不补正”办结。");
        }

        // A consultation whose window has ended no longer holds the answer back (arts. 32, 34): it ends, unanswered, on
        // the window's last day, recorded with the answer.
        var lapsedConsultations = new List<object>();
        foreach (var consultation in state.Consultations.Where(x => x.Open))
        {
            var windowEnd = RequestClock.ConsultationWindow(consultation, context.Calendar, context.Policies).End;
            if (c.On <= windowEnd)
            {
                return Decision.Reject("answer.consultation-open",
                    $"向{Labels.Of(consultation.Party)}征求意见尚未结束（对方答复期限 {windowEnd:yyyy-MM-dd}）：请先登记对方意见，或在期限届满后直接作出答复。");
            }

            lapsedConsultations.Add(new ConsultationEnded(windowEnd, consultation.Party, ConsultationResult.WindowLapsed));
        }

        if (state.PendingFee is not null)
        {
            return Decision.Reject("answer.fee-unpaid", "收费通知尚未缴费：请先登记缴费，或在缴费期限届满后以“逾期未缴费”办结。");
        }

        if (outcomes.Contains(Outcome.UnableUnclearAfterClarification) && !state.Clarifications.Any(n => n.CorrectedOn is not null))
        {
            return Decision.Reject("answer.no-correction-received", "只有收到补正后的申请，才能以“补正后申请内容仍不明确”答复。");
        }

        if (outcomes.Contains(Outcome.NotProcessedExcessive) && state.VolumeReasonsAskedOn is null)
        {
            return Decision.Reject("answer.reasons-not-requested", "以“无正当理由大量反复申请”不予处理前，应先要求申请人说明理由（《条例》第三十五条）。");
        }

        if (outcomes.Contains(Outcome.PartiallyDisclosed) && outcomes.Count > 1)
        {
            return Decision.Reject("answer.partial-is-derived", "分项登记时，请为每项选择各自的结果，“部分公开”由系统按区分处理规则得出。");
        }

        var row = OutcomeDerivation.FromItems(outcomes, context.Outcomes);
        var answerType = c.AnswerType ?? OutcomeRows.Of(row).AnswerType;
        return Decision.Accept([.. lapsedConsultations, new RequestAnswered(c.On, c.Items, answerType, Blank(c.Article), Blank(c.Note))]);
    }

    /// <summary>A lapse recorded in a later year than the deadline it relies on: say which year's report counts it.</summary>
    private static Decision LapseYearWarning(Decision.Accepted accepted, LocalDate on, LocalDate deadline, DecisionContext context)
    {
        if (on.Year <= deadline.Year)
        {
            return accepted;
        }

        var (year, rule) = context.Outcomes.LapseYear == LapseYearRule.LapseDate
            ? (deadline.PlusDays(1).Year, $"逾期之日（{deadline.PlusDays(1):yyyy-MM-dd}）")
            : (on.Year, $"登记之日（{on:yyyy-MM-dd}）");
        return accepted.Warn("lapse.counted-in-year",
            $"期限于 {deadline:yyyy-MM-dd} 届满，登记于 {on.Year} 年：按本机关政策以{rule}计，本申请计入 {year} 年度报告表三（六）；该年度已结转的，年报将重新发布更正版本。");
    }

    private static ConclusionKind KindOf(IReadOnlyList<AnsweredItem> items) =>
        items.Count == 1 && items[0].Outcome == Outcome.OtherClarificationLapsed ? ConclusionKind.ClarificationLapsed
        : items.Count == 1 && items[0].Outcome == Outcome.OtherFeeLapsed ? ConclusionKind.FeeLapsed
        : ConclusionKind.Answered;

    private static Decision Withdraw(WithdrawRequest c, Request state, DecisionContext context)
    {
        if (state.Concluded)
        {
            return state.Conclusion!.Kind == ConclusionKind.Withdrawn && state.Conclusion.On == c.On
                ? Decision.NoChange
                : Decision.Reject("request.concluded", $"申请已于 {state.Conclusion.On:yyyy-MM-dd} 办结，不能撤回。");
        }

        return CheckDate(c.On, state, context) ?? Decision.Accept(new RequestWithdrawn(c.On, Blank(c.Reason)));
    }

    private static Decision CarryOver(CarryOverRequest c, Request state)
    {
        if (state.CarriedOverYears.Contains(c.Year))
        {
            return Decision.NoChange;
        }

        // Open at the end of the year by business date: received by 31 December and not concluded by then.
        var yearEnd = new LocalDate(c.Year, 12, 31);
        var openAtYearEnd = state.ReceivedOn <= yearEnd && (state.Conclusion is null || state.Conclusion.On > yearEnd);
        return openAtYearEnd ? Decision.Accept(new RequestCarriedOver(c.Year)) : Decision.NoChange;
    }

    private static Decision Reopen(ReopenRequest c, Request state, DecisionContext context)
    {
        if (!state.Concluded)
        {
            return state.ReopenedBy.Contains(c.CaseReference) ? Decision.NoChange : Decision.Reject("request.not-concluded", "申请尚未办结，无需重新答复。");
        }

        if (c.On > context.Today)
        {
            return Decision.Reject("date.in-future", $"日期 {c.On:yyyy-MM-dd} 晚于今天。");
        }

        if (c.On < state.Conclusion!.On)
        {
            return Decision.Reject("date.before-conclusion", "责令重新答复的日期不能早于原答复日期。");
        }

        if (c.WorkingDays is <= 0 || (c.DueOn is { } due && due <= c.On))
        {
            return Decision.Reject("reopen.period-invalid", "重新答复的期限无效。");
        }

        return Decision.Accept(new RequestReopened(c.On, c.CaseReference, c.WorkingDays, c.DueOn));
    }

    private static Decision Deliver(DeliverAnswer c, Request state, DecisionContext context)
    {
        if (!state.Concluded)
        {
            return Decision.Reject("request.not-concluded", "申请尚未办结，没有可送达的答复。");
        }

        if (state.AnswerDeliveredOn is { } delivered)
        {
            return delivered == c.On ? Decision.NoChange : Decision.Reject("answer.already-delivered", $"答复已于 {delivered:yyyy-MM-dd} 送达。");
        }

        if (c.On > context.Today)
        {
            return Decision.Reject("date.in-future", $"日期 {c.On:yyyy-MM-dd} 晚于今天。");
        }

        return c.On < state.Conclusion!.On
            ? Decision.Reject("date.before-answer", "送达日期不能早于答复日期。")
            : Decision.Accept(new AnswerDelivered(c.On, Blank(c.Method)));
    }

    /// <summary>A review or suit needs an act to challenge: an answer, or an answer not given in time.</summary>
    private static Decision Challenge(ChallengeRequest c, Request state, DecisionContext context)
    {
        if (state.Challenges.Contains(c.CaseReference))
        {
            return Decision.NoChange;
        }

        if (c.FiledOn > context.Today)
        {
            return Decision.Reject("date.in-future", $"日期 {c.FiledOn:yyyy-MM-dd} 晚于今天。");
        }

        if (c.FiledOn < state.ReceivedOn)
        {
            return Decision.Reject("date.before-receipt", $"日期 {c.FiledOn:yyyy-MM-dd} 早于收到申请之日 {state.ReceivedOn:yyyy-MM-dd}。");
        }

        var concludedBefore = state.FirstConclusion is { } first && first.On <= c.FiledOn;
        if (!concludedBefore)
        {
            var due = RequestClock.AnswerDue(state, context.Calendar, context.Policies, c.FiledOn).Due;
            if (c.FiledOn <= due)
            {
                return Decision.Reject("challenge.no-act",
                    $"截至 {c.FiledOn:yyyy-MM-dd} 申请尚未答复且答复期限（{due:yyyy-MM-dd}）未届满，尚无可申请复议或起诉的行为。");
            }
        }

        return Decision.Accept(new RequestChallenged(c.CaseReference, c.Group, c.FiledOn));
    }

    /// <summary>A fact's date: not in the future, not before receipt, not before the facts already recorded.</summary>
    private static Decision? CheckDate(LocalDate on, Request state, DecisionContext context)
    {
        if (on > context.Today)
        {
            return Decision.Reject("date.in-future", $"日期 {on:yyyy-MM-dd} 晚于今天。");
        }

        if (on < state.ReceivedOn)
        {
            return Decision.Reject("date.before-receipt", $"日期 {on:yyyy-MM-dd} 早于收到申请之日 {state.ReceivedOn:yyyy-MM-dd}。");
        }

        return on < state.LastFactOn
            ? Decision.Reject("date.before-last-fact", $"日期 {on:yyyy-MM-dd} 早于已登记的最近一项办理事实（{state.LastFactOn:yyyy-MM-dd}）：办理事实应按时间顺序登记。")
            : null;
    }

    private static Decision? Open(Request state) =>
        state.Concluded ? Decision.Reject("request.concluded", $"申请已于 {state.Conclusion!.On:yyyy-MM-dd} 办结。") : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The statutory receipt date of Regs art. 31, by channel.</summary>
public static class ReceiptRules
{
    /// <summary>The receipt date the recorded arrival and confirmation imply, or null when they do not settle it.</summary>
    public static LocalDate? StatutoryDate(Channel channel, LocalDate? arrivedOn, LocalDate? confirmedOn) => channel switch
    {
        Channel.InPerson or Channel.RegisteredMail or Channel.Oral => arrivedOn,
        Channel.OrdinaryMail or Channel.Online or Channel.Fax => confirmedOn,
        _ => null,
    };

    public static string RuleOf(Channel channel) => channel switch
    {
        Channel.InPerson => "提交之日",
        Channel.Oral => "口头提出之日",
        Channel.RegisteredMail => "行政机关签收之日",
        Channel.OrdinaryMail => "政府信息公开工作机构与申请人确认之日",
        Channel.Online or Channel.Fax => "双方确认之日",
        _ => "",
    };
}
