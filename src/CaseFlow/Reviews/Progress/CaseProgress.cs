using CaseFlow.Infrastructure;
using CaseFlow.Infrastructure.Http;
using CaseFlow.Requests;
using CaseFlow.Requests.GettingDetails;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseFlow.Reviews;

/// <summary>The input of the steps between filing and decision (acceptance, suspension, extension, service, appeal).</summary>
public sealed record CaseStepBody(string? Case, NodaTime.LocalDate? On, bool? Simplified = null, string? Reason = null, int? Days = null, bool? ByAgency = null, string? Method = null,
    NodaTime.LocalDate? ReplyBy = null);

/// <summary>The steps of a case between filing and its end, and the service of an answer on the applicant.</summary>
public static class CaseProgress
{
    public enum Step
    {
        RequestReviewCorrection,
        ReceiveReviewCorrection,
        AcceptReview,
        SuspendReview,
        ResumeReview,
        ExtendReview,
        DeliverReviewDecision,
        RegisterLawsuit,
        SuspendLawsuit,
        ResumeLawsuit,
        AppealJudgment,
        JudgmentInForce,
        ReceiveReviewCopy,
        SubmitReviewReply,
        ReceiveComplaintCopy,
        SubmitDefence,
    }

    public static async Task<CommandOutcome> HandleAsync(CaseFlowApp app, Actor actor, string agency, Step step, CaseStepBody body, WriteOptions options, CancellationToken ct)
    {
        var validation = new Validation();
        var caseReference = validation.Reference(body.Case, "case", "案件编号");
        var on = validation.Date(body.On, "on", "日期");
        if (step is Step.SuspendReview or Step.SuspendLawsuit && string.IsNullOrWhiteSpace(body.Reason))
        {
            validation.Problem("请说明中止的理由（reason）");
        }

        if (step is Step.ExtendReview && body.Days is null)
        {
            validation.Problem("请填写延长的天数（days）");
        }

        if (validation.Failed)
        {
            return validation.Rejection();
        }

        if (step is Step.JudgmentInForce)
        {
            // A judgment that ordered a new answer reopens the request when it takes effect.
            var lawsuit = await CaseWrites.ReadLawsuitAsync(app, agency, caseReference, ct);
            var first = lawsuit?.FirstInstance;
            if (lawsuit is not null && first is not null && (first.OrdersNewAnswer || (first.Judgment is { } j && CaseResultPolicies.OrdersNewAnswer(j))) && !lawsuit.Concluded)
            {
                return await CaseWrites.ExecuteAsync(app, actor, agency, options, ct,
                    CaseWrites.LawsuitStream(app, agency, caseReference, new JudgmentTakesEffect(on)),
                    CaseWrites.Reopen(app, agency, lawsuit.RequestReference, caseReference, on, first.AnswerWorkingDays));
            }
        }

        var stream = step switch
        {
            Step.RequestReviewCorrection => CaseWrites.ReviewStream(app, agency, caseReference, new RequestReviewCorrection(on, body.ReplyBy)),
            Step.ReceiveReviewCorrection => CaseWrites.ReviewStream(app, agency, caseReference, new ReceiveReviewCorrection(on)),
            Step.AcceptReview => CaseWrites.ReviewStream(app, agency, caseReference, new AcceptReview(on, body.Simplified ?? false)),
            Step.SuspendReview => CaseWrites.ReviewStream(app, agency, caseReference, new SuspendReview(on, body.Reason!)),
            Step.ResumeReview => CaseWrites.ReviewStream(app, agency, caseReference, new ResumeReview(on)),
            Step.ExtendReview => CaseWrites.ReviewStream(app, agency, caseReference, new ExtendReview(on, body.Days!.Value)),
            Step.DeliverReviewDecision => CaseWrites.ReviewStream(app, agency, caseReference, new DeliverReviewDecision(on)),
            Step.RegisterLawsuit => CaseWrites.LawsuitStream(app, agency, caseReference, new RegisterLawsuit(on, body.Simplified ?? false)),
            Step.SuspendLawsuit => CaseWrites.LawsuitStream(app, agency, caseReference, new SuspendLawsuit(on, body.Reason!)),
            Step.ResumeLawsuit => CaseWrites.LawsuitStream(app, agency, caseReference, new ResumeLawsuit(on)),
            Step.AppealJudgment => CaseWrites.LawsuitStream(app, agency, caseReference, new AppealJudgment(on, body.ByAgency ?? false)),
            Step.ReceiveReviewCopy => CaseWrites.ReviewStream(app, agency, caseReference, new ReceiveReviewCopy(on)),
            Step.SubmitReviewReply => CaseWrites.ReviewStream(app, agency, caseReference, new SubmitReviewReply(on)),
            Step.ReceiveComplaintCopy => CaseWrites.LawsuitStream(app, agency, caseReference, new ReceiveComplaintCopy(on)),
            Step.SubmitDefence => CaseWrites.LawsuitStream(app, agency, caseReference, new SubmitDefence(on)),
            _ => CaseWrites.LawsuitStream(app, agency, caseReference, new JudgmentTakesEffect(on)),
        };
        return await CaseWrites.ExecuteAsync(app, actor, agency, options, ct, stream);
    }

    /// <summary>
    /// <c>receive-case-copy</c> (and <c>submit-case-reply</c>): the copy of the review application or of the complaint
    /// received by the agency, or its reply or defence filed, for the case of that reference, whichever kind it is.
    /// </summary>
    public static async Task<CommandOutcome> AgencyStepAsync(CaseFlowApp app, Actor actor, string agency, bool submitted, CaseStepBody body, WriteOptions options, CancellationToken ct)
    {
        var validation = new Validation();
        var caseReference = validation.Reference(body.Case, "case", "案件编号");
        validation.Date(body.On, "on", submitted ? "提交日期" : "收到副本日期");
        if (validation.Failed)
        {
            return validation.Rejection();
        }

        var review = await CaseWrites.ReadReviewAsync(app, agency, caseReference, ct);
        var lawsuit = await CaseWrites.ReadLawsuitAsync(app, agency, caseReference, ct);
        return (review, lawsuit) switch
        {
            (null, null) => new CommandOutcome.Rejected(Guid.Empty, 0, "case.not-found", $"复议或诉讼案件 {caseReference} 不存在。", RejectionKind.NotFound),
            (not null, not null) => new CommandOutcome.Rejected(Guid.Empty, 0, "case.ambiguous", $"编号 {caseReference} 既是复议案件又是诉讼案件：请在案件页面登记。", RejectionKind.Rule),
            (not null, _) => await HandleAsync(app, actor, agency, submitted ? Step.SubmitReviewReply : Step.ReceiveReviewCopy, body, options, ct),
            _ => await HandleAsync(app, actor, agency, submitted ? Step.SubmitDefence : Step.ReceiveComplaintCopy, body, options, ct),
        };
    }

    /// <summary>Service of the answer on the applicant (送达): the applicant's review and suit windows start there.</summary>
    public static Task<CommandOutcome> DeliverAnswerAsync(CaseFlowApp app, Actor actor, string agency, string reference, CaseStepBody body, WriteOptions options, CancellationToken ct)
    {
        var validation = new Validation();
        var on = validation.Date(body.On, "on", "送达日期");
        return validation.Failed
            ? Task.FromResult(validation.Rejection())
            : RequestWrites.ExecuteAsync(app, actor, agency, reference, new DeliverAnswer(on, body.Method), options, ct);
    }

    public static void Map(RouteGroupBuilder api)
    {
        foreach (var (step, group, path, summary) in new (Step, CaseGroup, string, string)[]
        {
            (Step.RequestReviewCorrection, CaseGroup.Review, "/cases/reviews/{caseReference}/correction-requests", "复议机关要求补正申请材料"),
            (Step.ReceiveReviewCorrection, CaseGroup.Review, "/cases/reviews/{caseReference}/corrections", "收到补正的复议申请材料"),
            (Step.AcceptReview, CaseGroup.Review, "/cases/reviews/{caseReference}/acceptance", "复议受理（普通或简易程序）"),
            (Step.SuspendReview, CaseGroup.Review, "/cases/reviews/{caseReference}/suspension", "复议中止"),
            (Step.ResumeReview, CaseGroup.Review, "/cases/reviews/{caseReference}/resumption", "复议恢复审理"),
            (Step.ExtendReview, CaseGroup.Review, "/cases/reviews/{caseReference}/extension", "延长复议审理期限"),
            (Step.DeliverReviewDecision, CaseGroup.Review, "/cases/reviews/{caseReference}/delivery", "复议决定书送达"),
            (Step.RegisterLawsuit, CaseGroup.LawsuitDirect, "/cases/lawsuits/{caseReference}/registration", "法院立案"),
            (Step.SuspendLawsuit, CaseGroup.LawsuitDirect, "/cases/lawsuits/{caseReference}/suspension", "中止诉讼"),
            (Step.ResumeLawsuit, CaseGroup.LawsuitDirect, "/cases/lawsuits/{caseReference}/resumption", "恢复诉讼"),
            (Step.AppealJudgment, CaseGroup.LawsuitDirect, "/cases/lawsuits/{caseReference}/appeal", "提起上诉"),
            (Step.JudgmentInForce, CaseGroup.LawsuitDirect, "/cases/lawsuits/{caseReference}/in-force", "一审裁判生效"),
            (Step.ReceiveReviewCopy, CaseGroup.Review, "/cases/reviews/{caseReference}/copy-received", "本机关收到复议申请书副本（书面答复期限起算）"),
            (Step.SubmitReviewReply, CaseGroup.Review, "/cases/reviews/{caseReference}/reply", "本机关提交书面答复及证据"),
            (Step.ReceiveComplaintCopy, CaseGroup.LawsuitDirect, "/cases/lawsuits/{caseReference}/copy-received", "本机关收到起诉状副本（答辩期限起算）"),
            (Step.SubmitDefence, CaseGroup.LawsuitDirect, "/cases/lawsuits/{caseReference}/defence", "本机关提交答辩状及证据"),
        })
        {
            api.MapPost(path, (string caseReference, CaseStepBody body, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
                    CaseHttp.WriteAsync(http, app, group, caseReference, (caller, options) => HandleAsync(app, caller.Actor, caller.Agency, step, body with { Case = caseReference }, options, ct)))
                .WithName(step.ToString()).WithSummary(summary)
                .AnswersRecord<CaseView>();
        }

        api.MapPost("/requests/{reference}/delivery", (string reference, CaseStepBody body, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
                RequestHttp.WriteAsync(http, app, reference, Users.Role.Officer, (caller, options) => DeliverAnswerAsync(app, caller.Actor, caller.Agency, reference, body, options, ct)))
            .WithName("DeliverAnswer").WithSummary("送达: the answer served on the applicant (starts the review and suit windows)")
            .AnswersRecord<RequestView>();
    }
}
