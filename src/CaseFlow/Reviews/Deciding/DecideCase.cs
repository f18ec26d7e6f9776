using CaseFlow.Infrastructure;
using CaseFlow.Infrastructure.Http;
using CaseFlow.Requests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseFlow.Reviews;

/// <summary>
/// The input of <c>decide-review</c>: the table-四 <c>result</c> (maintained, corrected, other), or the specific
/// <c>decision</c> type; <c>ordersNewAnswer</c> (implied by 责令履行 and 撤销并责令重作) reopens the request.
/// </summary>
public sealed record DecideReviewBody(string? Case, NodaTime.LocalDate? On, string? Result = null, string? Decision = null, bool? OrdersNewAnswer = null, int? WorkingDays = null);

/// <summary>
/// The input of <c>decide-lawsuit</c>: a judgment or ruling. By the contract it is in force when recorded (<c>inForce</c>
/// defaults to true); after an appeal it is the second instance's (<c>appeal</c>: upheld, reversed, remanded, withdrawn).
/// </summary>
public sealed record DecideLawsuitBody(string? Case, NodaTime.LocalDate? On, string? Result = null, string? Judgment = null, bool? Ruling = null,
    bool? InForce = null, string? Appeal = null, bool? OrdersNewAnswer = null, int? WorkingDays = null);

/// <summary>Records decisions and judgments; one that orders a new answer reopens the request in the same transaction.</summary>
public static class DecidingCases
{
    public static async Task<CommandOutcome> DecideReviewAsync(CaseFlowApp app, Actor actor, string agency, DecideReviewBody body, WriteOptions options, CancellationToken ct)
    {
        var validation = new Validation();
        var caseReference = validation.Reference(body.Case, "case", "案件编号");
        var on = validation.Date(body.On, "on", "决定日期");
        var result = validation.OptionalCode(CaseCodes.Results, body.Result, "result", "复议结果");
        var decision = validation.OptionalCode(CaseCodes.ReviewDecisions, body.Decision, "decision", "复议决定类型");
        if (validation.Failed)
        {
            return validation.Rejection();
        }

        var command = new DecideReview(on, decision, result, body.OrdersNewAnswer ?? false, body.WorkingDays);
        var review = await CaseWrites.ReadReviewAsync(app, agency, caseReference, ct);
        var ordersNewAnswer = command.OrdersNewAnswer || (decision is { } d && CaseResultPolicies.OrdersNewAnswer(d));
        return review is not null && ordersNewAnswer && !review.Decided
            ? await CaseWrites.ExecuteAsync(app, actor, agency, options, ct,
                CaseWrites.ReviewStream(app, agency, caseReference, command),
                CaseWrites.Reopen(app, agency, review.RequestReference, caseReference, on, body.WorkingDays))
            : await CaseWrites.ExecuteAsync(app, actor, agency, options, ct, CaseWrites.ReviewStream(app, agency, caseReference, command));
    }

    public static async Task<CommandOutcome> DecideLawsuitAsync(CaseFlowApp app, Actor actor, string agency, DecideLawsuitBody body, WriteOptions options, CancellationToken ct)
    {
        var validation = new Validation();
        var caseReference = validation.Reference(body.Case, "case", "案件编号");
        var on = validation.Date(body.On, "on", "裁判日期");
        var result = validation.OptionalCode(CaseCodes.Results, body.Result, "result", "裁判结果");
        var judgment = validation.OptionalCode(CaseCodes.Judgments, body.Judgment, "judgment", "裁判类型");
        var appeal = validation.OptionalCode(CaseCodes.AppealOutcomes, body.Appeal, "appeal", "二审结果");
        if (validation.Failed)
        {
            return validation.Rejection();
        }

        var command = new JudgeLawsuit(on, judgment, result, body.Ruling ?? false, body.InForce ?? true, appeal, body.OrdersNewAnswer ?? false, body.WorkingDays);
        var lawsuit = await CaseWrites.ReadLawsuitAsync(app, agency, caseReference, ct);
        var ordersNewAnswer = command.OrdersNewAnswer || (judgment is { } j && CaseResultPolicies.OrdersNewAnswer(j));
        var takesEffect = command.InForce || lawsuit?.AppealedOn is not null;
        return lawsuit is not null && ordersNewAnswer && takesEffect && !lawsuit.Concluded
            ? await CaseWrites.ExecuteAsync(app, actor, agency, options, ct,
                CaseWrites.LawsuitStream(app, agency, caseReference, command),
                CaseWrites.Reopen(app, agency, lawsuit.RequestReference, caseReference, on, body.WorkingDays))
            : await CaseWrites.ExecuteAsync(app, actor, agency, options, ct, CaseWrites.LawsuitStream(app, agency, caseReference, command));
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/cases/reviews/{caseReference}/decision", (string caseReference, DecideReviewBody body, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
                CaseHttp.WriteAsync(http, app, CaseGroup.Review, caseReference, (caller, options) => DecideReviewAsync(app, caller.Actor, caller.Agency, body with { Case = caseReference }, options, ct)))
            .WithName("DecideReview").WithSummary("复议决定: the review decided; an order to answer again reopens the request")
            .AnswersRecord<CaseView>();
        api.MapPost("/cases/lawsuits/{caseReference}/judgments", (string caseReference, DecideLawsuitBody body, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
                CaseHttp.WriteAsync(http, app, CaseGroup.LawsuitDirect, caseReference, (caller, options) => DecideLawsuitAsync(app, caller.Actor, caller.Agency, body with { Case = caseReference }, options, ct)))
            .WithName("JudgeLawsuit").WithSummary("裁判: a judgment or ruling at first or second instance")
            .AnswersRecord<CaseView>();
    }
}
