using CaseFlow.Infrastructure;
using CaseFlow.Infrastructure.Http;
using CaseFlow.Requests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseFlow.Reviews;

/// <summary>The input of <c>file-review</c>: a review (行政复议) applied for against the handling of a request.</summary>
public sealed record FileReviewBody(string? Request, string? Case, NodaTime.LocalDate? FiledOn, string? ReviewBody = null);

/// <summary>The input of <c>file-lawsuit</c>: a suit (行政诉讼), directly or after review; <c>role</c> when the agency is a co-defendant review body.</summary>
public sealed record FileLawsuitBody(string? Request, string? Case, NodaTime.LocalDate? FiledOn, bool? AfterReview = null, string? Court = null,
    string? ReviewCase = null, string? Role = null);

/// <summary>Registers review and lawsuit cases, each linked to its request (and a suit after review to the review).</summary>
public static class FilingCases
{
    public static Task<CommandOutcome> FileReviewAsync(CaseFlowApp app, Actor actor, string agency, FileReviewBody body, WriteOptions options, CancellationToken ct)
    {
        var validation = new Validation();
        var request = validation.Reference(body.Request);
        var caseReference = validation.Reference(body.Case, "case", "案件编号");
        var filed = validation.Date(body.FiledOn, "filedOn", "申请复议日期");
        if (validation.Failed)
        {
            return Task.FromResult(validation.Rejection());
        }

        return CaseWrites.ExecuteAsync(app, actor, agency, options, ct,
            CaseWrites.ReviewStream(app, agency, caseReference, new FileReview(caseReference, request, filed, body.ReviewBody)),
            CaseWrites.RequestStream(app, agency, request, new ChallengeRequest(caseReference, CaseGroup.Review, filed)));
    }

    public static async Task<CommandOutcome> FileLawsuitAsync(CaseFlowApp app, Actor actor, string agency, FileLawsuitBody body, WriteOptions options, CancellationToken ct)
    {
        var validation = new Validation();
        var request = validation.Reference(body.Request);
        var caseReference = validation.Reference(body.Case, "case", "案件编号");
        var filed = validation.Date(body.FiledOn, "filedOn", "起诉日期");
        var role = validation.OptionalCode(CaseCodes.Roles, body.Role, "role", "本机关的诉讼地位") ?? AgencyRole.OriginalActor;
        if (validation.Failed)
        {
            return validation.Rejection();
        }

        var afterReview = body.AfterReview ?? body.ReviewCase is not null;
        if (body.ReviewCase is { Length: > 0 } reviewCase)
        {
            var review = await CaseWrites.ReadReviewAsync(app, agency, reviewCase, ct);
            if (review is null)
            {
                return new CommandOutcome.Rejected(Guid.Empty, 0, "review.not-found", $"复议案件 {reviewCase} 不存在。", RejectionKind.Rule);
            }

            if (review.RequestReference != request)
            {
                return new CommandOutcome.Rejected(Guid.Empty, 0, "lawsuit.review-of-another-request", $"复议案件 {reviewCase} 涉及的是申请 {review.RequestReference}。", RejectionKind.Rule);
            }
        }

        var command = new FileLawsuit(caseReference, request, filed, afterReview, body.Court, body.ReviewCase, role);
        var group = afterReview ? CaseGroup.LawsuitAfterReview : CaseGroup.LawsuitDirect;
        return await CaseWrites.ExecuteAsync(app, actor, agency, options, ct,
            CaseWrites.LawsuitStream(app, agency, caseReference, command),
            CaseWrites.RequestStream(app, agency, request, new ChallengeRequest(caseReference, group, filed)));
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/cases/reviews", (FileReviewBody body, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
                CaseHttp.WriteAsync(http, app, CaseGroup.Review, body.Case, (caller, options) => FileReviewAsync(app, caller.Actor, caller.Agency, body, options, ct), creates: true))
            .WithName("FileReview").WithSummary("行政复议: a review applied for against the handling of a request")
            .AnswersRecord<CaseView>(creates: true).Refuses(StatusCodes.Status404NotFound, "request.not-found (the request the case is about)");
        api.MapPost("/cases/lawsuits", (FileLawsuitBody body, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
                CaseHttp.WriteAsync(http, app, CaseGroup.LawsuitDirect, body.Case, (caller, options) => FileLawsuitAsync(app, caller.Actor, caller.Agency, body, options, ct), creates: true))
            .WithName("FileLawsuit").WithSummary("行政诉讼: a suit filed, directly or after review")
            .AnswersRecord<CaseView>(creates: true).Refuses(StatusCodes.Status404NotFound, "request.not-found (the request the case is about)");
    }
}
