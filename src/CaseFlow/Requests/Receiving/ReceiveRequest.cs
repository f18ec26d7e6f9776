using CaseFlow.Infrastructure;
using CaseFlow.Infrastructure.Http;
using CaseFlow.Requests.GettingDetails;
using CaseFlow.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;

namespace CaseFlow.Requests;

public sealed record ReceiveRequest(
    string Reference, LocalDate ReceivedOn, Channel Channel, Applicant Applicant,
    string? Subject = null, string? RequestedForm = null, LocalDate? ArrivedOn = null, LocalDate? ConfirmedOn = null, string? Officer = null) : RequestCommand;

public sealed record AgentBody(string? Name, string? Type);

public sealed record ApplicantBody(string? Type, string? Name, string? IdNumber = null, string? Phone = null, string? Address = null, string? Email = null,
    AgentBody? Agent = null, string? Capacity = null);

/// <summary>
/// The input of <c>receive</c>. <c>receivedOn</c> is the statutory receipt date; it may be left out when the arrival
/// (in person, registered mail) or the confirmation (ordinary mail, online, fax) is given, and is then derived (art. 31).
/// </summary>
public sealed record ReceiveRequestBody(string? Request, LocalDate? ReceivedOn, string? Channel, ApplicantBody? Applicant,
    string? Subject = null, string? RequestedForm = null, LocalDate? ArrivedOn = null, LocalDate? ConfirmedOn = null, string? Officer = null);

public static class Receiving
{
    /// <summary>
    /// Registers a request. Through the API and the web form a subject is required (art. 29: the information sought must
    /// be described); an import of old registers may lack one (the import contract keeps it optional).
    /// </summary>
    public static async Task<CommandOutcome> HandleAsync(CaseFlowApp app, Actor actor, string agency, ReceiveRequestBody body, WriteOptions options, CancellationToken ct,
        bool subjectRequired = false)
    {
        var validation = new Validation();
        var reference = validation.Reference(body.Request);
        var channel = validation.Code(Codes.Channels, body.Channel, "channel", "提交渠道");
        var applicant = ToApplicant(body.Applicant, validation);
        var receivedOn = body.ReceivedOn ?? ReceiptRules.StatutoryDate(channel, body.ArrivedOn, body.ConfirmedOn);
        if (receivedOn is null)
        {
            validation.Problem("缺少收到日期（receivedOn，格式 YYYY-MM-DD），或据以确定收到日期的到达/确认日期");
        }

        if (subjectRequired && string.IsNullOrWhiteSpace(body.Subject))
        {
            validation.Problem("缺少所需信息的名称或描述（subject）");
        }

        var officer = string.IsNullOrWhiteSpace(body.Officer) ? null : body.Officer.Trim();
        if (validation.Failed)
        {
            return validation.Rejection();
        }

        if (officer is not null && await Officers.RefusalAsync(app, agency, officer, options, ct) is { } refused)
        {
            return refused;
        }

        if (await RequestNumbers.LookalikeOfAsync(app, agency, reference, ct) is { } lookalike)
        {
            return new CommandOutcome.Rejected(Guid.Empty, 0, "request.lookalike-exists",
                $"申请编号“{reference}”与已登记的“{lookalike}”视为同一编号（全角与半角、大小写不同），请核对后使用已登记的编号。", RejectionKind.Conflict);
        }

        var command = new ReceiveRequest(reference, receivedOn!.Value, channel, applicant, body.Subject, body.RequestedForm, body.ArrivedOn, body.ConfirmedOn, officer);
        var outcome = await RequestWrites.ExecuteAsync(app, actor, agency, reference, command, options, ct);
        if (outcome is CommandOutcome.Applied)
        {
            RequestNumbers.Taken(agency, reference);
        }

        return outcome;
    }

    private static Applicant ToApplicant(ApplicantBody? body, Validation validation)
    {
        if (body is null)
        {
            validation.Problem("缺少申请人信息（applicant）");
            return new Applicant(ApplicantType.NaturalPerson, "");
        }

        var type = validation.Code(Codes.ApplicantTypes, body.Type, "applicant.type", "申请人类型");
        var name = validation.Text(body.Name, "applicant.name", "申请人姓名或名称");
        var agent = body.Agent is { Name: { Length: > 0 } agentName } ? new Agent(agentName.Trim(), Trim(body.Agent.Type)) : null;
        return new Applicant(type, name, Trim(body.IdNumber), Trim(body.Phone), Trim(body.Address), Trim(body.Email), agent, Trim(body.Capacity));
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/requests", (ReceiveRequestBody body, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
                RequestHttp.WriteAsync(http, app, body.Request?.Trim(), Role.Officer, (caller, options) => HandleAsync(app, caller.Actor, caller.Agency, body, options, ct, subjectRequired: true), creates: true))
            .WithName("ReceiveRequest").WithSummary("收到申请: register a request with its statutory receipt date (art. 31)")
            .AnswersRecord<RequestView>(creates: true);
}
