using CaseFlow.Infrastructure;
using CaseFlow.Infrastructure.Http;
using CaseFlow.Requests.GettingDetails;
using CaseFlow.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;

namespace CaseFlow.Requests;

public sealed record AssignOfficer(string Officer, LocalDate On) : RequestCommand;

public sealed record AssignOfficerBody(string? Officer, LocalDate? On);

public static class Assigning
{
    public static async Task<CommandOutcome> HandleAsync(CaseFlowApp app, Actor actor, string agency, string reference, AssignOfficerBody body, WriteOptions options, CancellationToken ct)
    {
        var validation = new Validation();
        var officer = validation.Text(body.Officer, "officer", "办理人员");
        if (validation.Failed)
        {
            return validation.Rejection();
        }

        return await Officers.RefusalAsync(app, agency, officer, options, ct)
            ?? await RequestWrites.ExecuteAsync(app, actor, agency, reference, new AssignOfficer(officer, body.On ?? app.Today), options, ct);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPut("/requests/{reference}/officer", (string reference, AssignOfficerBody body, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
                RequestHttp.WriteAsync(http, app, reference, Role.Officer, (caller, options) => HandleAsync(app, caller.Actor, caller.Agency, reference, body, options, ct)))
            .WithName("AssignOfficer").WithSummary("Assign the officer who handles the request")
            .AnswersRecord<RequestView>();
}
