using CaseFlow.Requests;
using CaseFlow.Requests.GettingDetails;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseFlow.Infrastructure.Http;

/// <summary>Every HTTP API endpoint, listed explicitly (no discovery), under <c>/api</c>, signed-in users only.</summary>
public static class ApiRoutes
{
    public static RouteGroupBuilder MapCaseFlowApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization().WithTags("CaseFlow");
        GetRequest.Map(api);
        Receiving.Map(api);
        Assigning.Map(api);
        Clarifying.Map(api);
        Extending.Map(api);
        Consulting.Map(api);
        Delaying.Map(api);
        Approving.Map(api);
        Fees.Map(api);
        Answering.Map(api);
        Withdrawing.Map(api);
        Reviews.CaseHttp.Map(api);
        Reviews.FilingCases.Map(api);
        Reviews.DecidingCases.Map(api);
        Reviews.CaseProgress.Map(api);
        Reporting.ReportHttp.Map(api);
        Letters.IssuingLetters.Map(api);
        return api;
    }
}
