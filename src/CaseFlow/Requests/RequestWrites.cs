using CaseFlow.Agencies;
using CaseFlow.Infrastructure;
using CaseFlow.Requests.GettingDetails;

namespace CaseFlow.Requests;

/// <summary>The one way every request use case writes: through the write path, deciding with <see cref="RequestDecider"/>.</summary>
public static class RequestWrites
{
    public static async Task<CommandOutcome> ExecuteAsync(
        CaseFlowApp app, Actor actor, string agency, string reference, RequestCommand command, WriteOptions options, CancellationToken ct)
    {
        if (command is ReceiveRequest && !await AgencyExistsAsync(app, agency, ct))
        {
            return new CommandOutcome.Rejected(Guid.Empty, 0, "agency.not-found", $"机关 {agency} 未登记。", RejectionKind.NotFound);
        }

        return await app.ExecuteAsync(agency, actor, options, ct, Stream(app, agency, reference, command));
    }

    /// <summary>A command on an existing request that another slice decides (a letter issued): same stream, same path.</summary>
    public static Task<CommandOutcome> ExecuteAsync(
        CaseFlowApp app, Actor actor, string agency, string reference, Func<Request, DecisionContext, Decision> decide, WriteOptions options, CancellationToken ct) =>
        app.ExecuteAsync(agency, actor, options, ct, Stream(app, agency, reference, StreamRule.MustExist, decide));

    /// <summary>Whether the agency is registered (read once per import batch).</summary>
    private static Task<bool> AgencyExistsAsync(CaseFlowApp app, string agency, CancellationToken ct)
    {
        async Task<bool> Find() => await AgencyDirectory.FindAsync(app, agency, ct) is not null;
        return WriteBatch.Current is { } batch && batch.TenantId == agency ? batch.MemoAsync($"agency:{agency}", Find) : Find();
    }

    /// <summary>
    /// The request stream's part of a command: decided on the request file's state (an inline document, so a command
    /// reads one row), with the reminders its new deadlines need. It can join an import's batch (the file's own fold).
    /// </summary>
    public static StreamDecider Stream(CaseFlowApp app, string agency, string reference, RequestCommand command) =>
        Stream(app, agency, reference, command is ReceiveRequest ? StreamRule.MustBeNew : StreamRule.MustExist,
            (state, context) => RequestDecider.Decide(command, state, context));

    public static StreamDecider Stream(CaseFlowApp app, string agency, string reference, StreamRule rule, Func<Request, DecisionContext, Decision> decide)
    {
        var context = app.DecisionContext();
        return StreamDecider.For(StreamIds.Request(agency, reference), rule,
                new RequestFile(), file => app.FollowUps.Add(agency, decide(file.State, context), file.State, Request.Evolve, context),
                (file, e, version) => RequestFile.Evolve(file, e, version, app.OutcomePolicies) ?? file)
            with
        {
            NotFoundCode = "request.not-found",
            NotFoundMessage = $"申请 {reference} 不存在。",
            ExistsCode = "request.already-received",
            ExistsMessage = $"申请编号 {reference} 已登记。",
        };
    }
}
