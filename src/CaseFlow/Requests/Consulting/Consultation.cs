using CaseFlow.Infrastructure;
using CaseFlow.Infrastructure.Http;
using CaseFlow.Requests.GettingDetails;
using CaseFlow.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;

namespace CaseFlow.Requests;

/// <summary>
/// Send a consultation letter (art. 32 third party, art. 34 other agency): the answer clock pauses, at most for the
/// party's 15-working-day window. <see cref="PartyReceivedOn"/>: when the party received it, if known.
/// </summary>
public sealed record StartConsultation(LocalDate On, ConsultationParty Party, string? Name = null, LocalDate? PartyReceivedOn = null) : RequestCommand;

/// <summary>The consulted party replied, or its window ended: the clock resumes.</summary>
public sealed record EndConsultation(LocalDate On, ConsultationParty? Party, ConsultationResult Result) : RequestCommand;

public sealed record StartConsultationBody(LocalDate? On, string? Party, string? Name = null, LocalDate? PartyReceivedOn = null);

public sealed record EndConsultationBody(LocalDate? On, string? Party = null, string? Result = null);

public static class Consulting
{
    public static Task<CommandOutcome> StartAsync(CaseFlowApp app, Actor actor, string agency, string reference, StartConsultationBody body, WriteOptions options, CancellationToken ct)
    {
        var validation = new Validation();
        var on = validation.Date(body.On, "on", "发函日期");
        var party = validation.Code(Codes.ConsultationParties, body.Party, "party", "征求意见对象");
        return validation.Failed
            ? Task.FromResult(validation.Rejection())
            : RequestWrites.ExecuteAsync(app, actor, agency, reference, new StartConsultation(on, party, body.Name, body.PartyReceivedOn), options, ct);
    }

    public static Task<CommandOutcome> EndAsync(CaseFlowApp app, Actor actor, string agency, string reference, EndConsultationBody body, WriteOptions options, CancellationToken ct)
    {
        var validation = new Validation();
        var on = validation.Date(body.On, "on", "收到意见日期");
        var party = validation.OptionalCode(Codes.ConsultationParties, body.Party, "party", "征求意见对象");
        var result = validation.OptionalCode(Codes.ConsultationResults, body.Result, "result", "征求意见结果") ?? ConsultationResult.Replied;
        return validation.Failed
            ? Task.FromResult(validation.Rejection())
            : RequestWrites.ExecuteAsync(app, actor, agency, reference, new EndConsultation(on, party, result), options, ct);
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/requests/{reference}/consultations", (string reference, StartConsultationBody body, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
                RequestHttp.WriteAsync(http, app, reference, Role.Officer, (caller, options) => StartAsync(app, caller.Actor, caller.Agency, reference, body, options, ct)))
            .WithName("StartConsultation").WithSummary("征求意见: consultation letter sent (arts. 32, 34); the clock pauses")
            .AnswersRecord<RequestView>();
        api.MapPost("/requests/{reference}/consultation-replies", (string reference, EndConsultationBody body, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
                RequestHttp.WriteAsync(http, app, reference, Role.Officer, (caller, options) => EndAsync(app, caller.Actor, caller.Agency, reference, body, options, ct)))
            .WithName("EndConsultation").WithSummary("The consulted party replied or its window ended; the clock resumes")
            .AnswersRecord<RequestView>();
    }
}
