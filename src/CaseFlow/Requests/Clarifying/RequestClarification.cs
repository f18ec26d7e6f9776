using CaseFlow.Infrastructure;
using CaseFlow.Infrastructure.Http;
using CaseFlow.Requests.GettingDetails;
using CaseFlow.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;

namespace CaseFlow.Requests;

/// <summary>Send the one consolidated correction notice (补正告知, Regs art. 30).</summary>
public sealed record RequestClarification(LocalDate On, LocalDate? ReplyBy, IReadOnlyList<string> Items) : RequestCommand;

/// <summary>Record that the corrected request arrived: the answer period starts again.</summary>
public sealed record ReceiveClarification(LocalDate On) : RequestCommand;

public sealed record RequestClarificationBody(LocalDate? On, LocalDate? ReplyBy = null, IReadOnlyList<string>? Items = null);

public sealed record ReceiveClarificationBody(LocalDate? On);

public static class Clarifying
{
    public static Task<CommandOutcome> RequestAsync(CaseFlowApp app, Actor actor, string agency, string reference, RequestClarificationBody body, WriteOptions options, CancellationToken ct)
    {
        var validation = new Validation();
        var on = validation.Date(body.On, "on", "补正告知日期");
        return validation.Failed
            ? Task.FromResult(validation.Rejection())
            : RequestWrites.ExecuteAsync(app, actor, agency, reference, new RequestClarification(on, body.ReplyBy, body.Items ?? []), options, ct);
    }

    public static Task<CommandOutcome> ReceiveAsync(CaseFlowApp app, Actor actor, string agency, string reference, ReceiveClarificationBody body, WriteOptions options, CancellationToken ct)
    {
        var validation = new Validation();
        var on = validation.Date(body.On, "on", "收到补正日期");
        return validation.Failed
            ? Task.FromResult(validation.Rejection())
            : RequestWrites.ExecuteAsync(app, actor, agency, reference, new ReceiveClarification(on), options, ct);
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/requests/{reference}/clarification-notices", (string reference, RequestClarificationBody body, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
                RequestHttp.WriteAsync(http, app, reference, Role.Officer, (caller, options) => RequestAsync(app, caller.Actor, caller.Agency, reference, body, options, ct)))
            .WithName("RequestClarification").WithSummary("补正告知: send the one consolidated correction notice (art. 30)")
            .AnswersRecord<RequestView>();
        api.MapPost("/requests/{reference}/corrected-requests", (string reference, ReceiveClarificationBody body, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
                RequestHttp.WriteAsync(http, app, reference, Role.Officer, (caller, options) => ReceiveAsync(app, caller.Actor, caller.Agency, reference, body, options, ct)))
            .WithName("ReceiveClarification").WithSummary("收到补正: the corrected request arrived; the answer period restarts")
            .AnswersRecord<RequestView>();
    }
}
