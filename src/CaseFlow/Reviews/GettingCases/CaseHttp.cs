using CaseFlow.Infrastructure;
using CaseFlow.Infrastructure.Http;
using CaseFlow.Requests;
using CaseFlow.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseFlow.Reviews;

/// <summary>The HTTP side of review and lawsuit use cases (legal staff), and reading cases.</summary>
public static class CaseHttp
{
    public static async Task<IResult> WriteAsync(HttpContext http, CaseFlowApp app, CaseGroup group, string? caseReference,
        Func<Caller, WriteOptions, Task<CommandOutcome>> run, bool creates = false)
    {
        if (!ApiResults.TryWriteAccess(http, Role.Legal, out var caller, out var options, out var problem))
        {
            return problem;
        }

        var outcome = await run(caller, options);
        if (outcome is CommandOutcome.Rejected rejected)
        {
            return ApiResults.Rejected(rejected);
        }

        var kind = group == CaseGroup.Review ? CaseGroup.Review : CaseGroup.LawsuitDirect;
        var view = await CaseViews.LoadAsync(app, caller.Agency, kind, caseReference!, http.RequestAborted);
        var path = $"/api/cases/{(kind == CaseGroup.Review ? "reviews" : "lawsuits")}/{Uri.EscapeDataString(caseReference!)}";
        IResult result = creates && outcome is CommandOutcome.Applied { Created: true } ? TypedResults.Created(path, view) : TypedResults.Ok(view);
        return ApiResults.WithETag(result, view?.Version ?? outcome.Version);
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/cases", async (HttpContext http, CaseFlowApp app, bool? open, CancellationToken ct) =>
                Caller.From(http.User) is { } caller ? Results.Ok(await CaseViews.ListAsync(app, caller.Agency, open ?? false, ct)) : ApiResults.NotSignedIn())
            .WithName("ListCases").WithSummary("Review and lawsuit cases, open ones first by their next deadline")
            .Answers<IReadOnlyList<CaseView>>();
        api.MapGet("/cases/outcomes", async (HttpContext http, CaseFlowApp app, CancellationToken ct) =>
                Caller.From(http.User) is { } caller ? Results.Ok(await CaseViews.OutcomesByYearAsync(app, caller.Agency, ct)) : ApiResults.NotSignedIn())
            .WithName("CaseOutcomesByYear").WithSummary("Results by year and group (the cells of table 四)")
            .Answers<IReadOnlyList<CaseOutcomeYear>>();
        foreach (var (segment, group) in new[] { ("reviews", CaseGroup.Review), ("lawsuits", CaseGroup.LawsuitDirect) })
        {
            api.MapGet($"/cases/{segment}/{{caseReference}}", async (string caseReference, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
                {
                    if (Caller.From(http.User) is not { } caller)
                    {
                        return ApiResults.NotSignedIn();
                    }

                    return await CaseViews.LoadAsync(app, caller.Agency, group, caseReference, ct) is { } view
                        ? ApiResults.WithETag(TypedResults.Ok(view), view.Version)
                        : ApiResults.Problem(StatusCodes.Status404NotFound, $"{(group == CaseGroup.Review ? "review" : "lawsuit")}.not-found", $"案件 {caseReference} 不存在。");
                })
                .WithName(group == CaseGroup.Review ? "GetReview" : "GetLawsuit").WithSummary("A case with its deadlines and history")
                .AnswersRecord<CaseView>();
        }
    }
}
