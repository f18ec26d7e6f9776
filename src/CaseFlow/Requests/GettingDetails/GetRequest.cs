using CaseFlow.Infrastructure;
using CaseFlow.Infrastructure.Http;
using CaseFlow.Requests.Listing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseFlow.Requests.GettingDetails;

/// <summary>Reading requests: one request with its history and explained dates; the officers' worklist.</summary>
public static class GetRequest
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/requests/{reference}", async (string reference, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
            {
                if (Caller.From(http.User) is not { } caller)
                {
                    return ApiResults.NotSignedIn();
                }

                return await RequestViews.LoadAsync(app, caller.Agency, reference, !RequestViews.SeesPersonalData(caller.Roles), ct) is { } found
                    ? ApiResults.WithETag(TypedResults.Ok(found.View), found.Version)
                    : ApiResults.Problem(StatusCodes.Status404NotFound, "request.not-found", $"申请 {reference} 不存在。");
            })
            .WithName("GetRequest").WithSummary("A request: its facts, every statutory date with how it was computed, and its history")
            .AnswersRecord<RequestView>();

        api.MapGet("/requests", async (HttpContext http, CaseFlowApp app, string? list, string? officer, string? status, string? channel, string? q, string? asOf, CancellationToken ct) =>
            {
                if (Caller.From(http.User) is not { } caller)
                {
                    return ApiResults.NotSignedIn();
                }

                var validation = new Validation();
                var filter = new RequestFilter
                {
                    OpenOnly = list is "mine" or "open",
                    Officer = list == "mine" ? caller.UserName : string.IsNullOrWhiteSpace(officer) ? null : officer,
                    Status = validation.OptionalCode(Codes.Statuses, status, "status", "状态"),
                    Channel = validation.OptionalCode(Codes.Channels, channel, "channel", "提交渠道"),
                    Search = q,
                };
                var day = app.Today;
                if (asOf is not null)
                {
                    var parsed = NodaTime.Text.LocalDatePattern.Iso.Parse(asOf);
                    if (parsed.Success)
                    {
                        day = parsed.Value;
                    }
                    else
                    {
                        validation.Problem("asOf 应为 YYYY-MM-DD");
                    }
                }

                if (validation.Failed)
                {
                    return ApiResults.Problem(StatusCodes.Status422UnprocessableEntity, "input.invalid", "输入有误：" + string.Join("；", validation.Problems));
                }

                var rows = RequestListing.ByUrgency(await RequestListing.LoadAsync(app, caller.Agency, day, filter, ct));
                return TypedResults.Ok(rows.Select(r => RequestViews.FromRow(app, r)).ToList());
            })
            .WithName("ListRequests").WithSummary("The worklist: requests ordered by their nearest statutory deadline (list=mine|open|all)")
            .Answers<List<RequestView>>().Refuses(StatusCodes.Status422UnprocessableEntity, "input.invalid (an unknown status or channel, a malformed asOf)");
    }
}
