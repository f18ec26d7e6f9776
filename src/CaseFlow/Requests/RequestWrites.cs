using CaseFlow.Agencies;
using CaseFlow.EventStore.Commands;
using CaseFlow.Infrastructure;
using CaseFlow.Reminders;

namespace CaseFlow.Requests;

/// <summary>The one way every request use case writes: through the command pipeline, deciding with <see cref="RequestDecider"/>.</summary>
public static class RequestWrites
{
    public static async Task<CommandOutcome> ExecuteAsync(
        CaseFlowApp app, Actor actor, string agency, string reference, RequestCommand command, WriteOptions options, CancellationToken ct)
    {
        if (command is ReceiveRequest && await AgencyDirectory.FindAsync(app, agency, ct) is null)
        {
            return new CommandOutcome.Rejected(Guid.Empty, 0, "agency.not-found", $"机关 {agency} 未登记。", RejectionKind.NotFound);
        }

        var context = app.DecisionContext();
        var decider = StreamDecider.For(
                StreamIds.Request(agency, reference), Request.StreamType,
                command is ReceiveRequest ? StreamRule.MustBeNew : StreamRule.MustExist,
                Request.Initial, Request.Evolve, state => ReminderPlan.WithReminders(RequestDecider.Decide(command, state, context), state, Request.Evolve,
                    after => ReminderPlan.ForRequest(agency, after, context, app.Settings.Reminders, app.Zone)))
            with
        {
            NotFoundCode = "request.not-found",
            NotFoundMessage = $"申请 {reference} 不存在。",
            ExistsCode = "request.already-received",
            ExistsMessage = $"申请编号 {reference} 已登记。",
        };
        return await app.Pipeline.ExecuteAsync(new WriteCommand(agency, [decider], actor.Metadata(options.CommandId, options.CorrelationId))
        {
            CommandId = options.CommandId,
            IfMatch = options.IfMatch,
        }, ct);
    }
}
