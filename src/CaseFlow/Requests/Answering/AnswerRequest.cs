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
/// Conclude the request: one outcome, or each item's outcome (the table row is then derived). The lapse outcomes
/// (逾期不补正, 逾期未缴费) record those facts instead of an answer.
/// </summary>
public sealed record AnswerRequest(LocalDate On, IReadOnlyList<AnsweredItem> Items, AnswerType? AnswerType = null, string? Article = null, string? Note = null) : RequestCommand;

public sealed record AnswerItemBody(string? Subject, string? Outcome);

public sealed record AnswerRequestBody(LocalDate? On, string? Outcome = null, IReadOnlyList<AnswerItemBody>? Items = null, string? AnswerType = null, string? Article = null, string? Note = null);

public static class Answering
{
    public static Task<CommandOutcome> HandleAsync(CaseFlowApp app, Actor actor, string agency, string reference, AnswerRequestBody body, WriteOptions options, CancellationToken ct)
    {
        var validation = new Validation();
        var on = validation.Date(body.On, "on", "答复日期");
        var items = new List<AnsweredItem>();
        if (body.Items is { Count: > 0 })
        {
            if (body.Outcome is not null)
            {
                validation.Problem("outcome 与 items 只能填写其一");
            }

            for (var i = 0; i < body.Items.Count; i++)
            {
                var outcome = validation.Code(Codes.Outcomes, body.Items[i].Outcome, $"items[{i}].outcome", $"第 {i + 1} 项的办理结果");
                items.Add(new AnsweredItem(string.IsNullOrWhiteSpace(body.Items[i].Subject) ? null : body.Items[i].Subject!.Trim(), outcome));
            }
        }
        else
        {
            items.Add(new AnsweredItem(null, validation.Code(Codes.Outcomes, body.Outcome, "outcome", "办理结果")));
        }

        var answerType = validation.OptionalCode(Codes.AnswerTypes, body.AnswerType, "answerType", "答复类型");
        return validation.Failed
            ? Task.FromResult(validation.Rejection())
            : RequestWrites.ExecuteAsync(app, actor, agency, reference, new AnswerRequest(on, items, answerType, body.Article, body.Note), options, ct);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/requests/{reference}/answer", (string reference, AnswerRequestBody body, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
                RequestHttp.WriteAsync(http, app, reference, Role.Officer, (caller, options) => HandleAsync(app, caller.Actor, caller.Agency, reference, body, options, ct)))
            .WithName("AnswerRequest").WithSummary("答复: conclude the request with one outcome or each item's outcome")
            .AnswersRecord<RequestView>();
}
