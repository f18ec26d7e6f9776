using CaseFlow.Infrastructure;
using CaseFlow.Infrastructure.Http;
using CaseFlow.Requests.GettingDetails;
using CaseFlow.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;

namespace CaseFlow.Requests;

public sealed record WithdrawRequest(LocalDate On, string? Reason = null) : RequestCommand;

public sealed record WithdrawRequestBody(LocalDate? On, string? Reason = null);

public static class Withdrawing
{
    public static Task<CommandOutcome> HandleAsync(CaseFlowApp app, Actor actor, string agency, string reference, WithdrawRequestBody body, WriteOptions options, CancellationToken ct)
    {
        var validation = new Validation();
        var on = validation.Date(body.On, "on", "撤回日期");
        return validation.Failed
            ? Task.FromResult(validation.Rejection())
            : RequestWrites.ExecuteAsync(app, actor, agency, reference, new WithdrawRequest(on, body.Reason), options, ct);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/requests/{reference}/withdrawal", (string reference, WithdrawRequestBody body, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
                RequestHttp.WriteAsync(http, app, reference, Role.Officer, (caller, options) => HandleAsync(app, caller.Actor, caller.Agency, reference, body, options, ct)))
            .WithName("WithdrawRequest").WithSummary("撤回: the applicant withdrew the request")
            .AnswersRecord<RequestView>();
}
