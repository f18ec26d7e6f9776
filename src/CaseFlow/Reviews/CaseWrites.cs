using CaseFlow.EventStore.Commands;
using CaseFlow.Infrastructure;
using CaseFlow.Reminders;
using CaseFlow.Requests;
using NodaTime;

namespace CaseFlow.Reviews;

/// <summary>How review and lawsuit use cases write: the case stream, and when needed the request stream, in one transaction.</summary>
public static class CaseWrites
{
    public static StreamDecider ReviewStream(CaseFlowApp app, string agency, string caseReference, ReviewCommand command) =>
        StreamDecider.For(StreamIds.Review(agency, caseReference), Review.StreamType, command is FileReview ? StreamRule.MustBeNew : StreamRule.MustExist,
                Review.Initial, Review.Evolve, state => ReminderPlan.WithReminders(CaseDecider.Decide(command, state, app.Today, app.Settings.CaseResults), state, Review.Evolve,
                    after => ReminderPlan.ForReview(agency, after, app.DecisionContext(), app.Settings.Reminders, app.Zone)))
            with
        {
            NotFoundCode = "review.not-found",
            NotFoundMessage = $"复议案件 {caseReference} 不存在。",
            ExistsCode = "review.already-filed",
            ExistsMessage = $"复议案件 {caseReference} 已登记。",
        };

    public static StreamDecider LawsuitStream(CaseFlowApp app, string agency, string caseReference, LawsuitCommand command) =>
        StreamDecider.For(StreamIds.Lawsuit(agency, caseReference), Lawsuit.StreamType, command is FileLawsuit ? StreamRule.MustBeNew : StreamRule.MustExist,
                Lawsuit.Initial, Lawsuit.Evolve, state => ReminderPlan.WithReminders(CaseDecider.Decide(command, state, app.Today, app.Settings.CaseResults), state, Lawsuit.Evolve,
                    after => ReminderPlan.ForLawsuit(agency, after, app.DecisionContext(), app.Settings.Reminders, app.Zone)))
            with
        {
            NotFoundCode = "lawsuit.not-found",
            NotFoundMessage = $"诉讼案件 {caseReference} 不存在。",
            ExistsCode = "lawsuit.already-filed",
            ExistsMessage = $"诉讼案件 {caseReference} 已登记。",
        };

    public static StreamDecider RequestStream(CaseFlowApp app, string agency, string reference, RequestCommand command)
    {
        var context = app.DecisionContext();
        return StreamDecider.For(StreamIds.Request(agency, reference), Request.StreamType, StreamRule.MustExist,
                Request.Initial, Request.Evolve, state => ReminderPlan.WithReminders(RequestDecider.Decide(command, state, context), state, Request.Evolve,
                    after => ReminderPlan.ForRequest(agency, after, context, app.Settings.Reminders, app.Zone)))
            with
        { NotFoundCode = "request.not-found", NotFoundMessage = $"申请 {reference} 不存在。" };
    }

    public static Task<CommandOutcome> ExecuteAsync(CaseFlowApp app, Actor actor, string agency, WriteOptions options, CancellationToken ct, params StreamDecider[] streams) =>
        app.Pipeline.ExecuteAsync(new WriteCommand(agency, streams, actor.Metadata(options.CommandId, options.CorrelationId))
        {
            CommandId = options.CommandId,
            IfMatch = options.IfMatch,
        }, ct);

    /// <summary>The case's current state, read before a command that may reopen its request (which request, what was ordered).</summary>
    public static async Task<Review?> ReadReviewAsync(CaseFlowApp app, string agency, string caseReference, CancellationToken ct)
    {
        var (state, version) = await app.Store.AggregateStreamAsync(agency, StreamIds.Review(agency, caseReference), Review.Initial, Review.Evolve, ct: ct);
        return version == 0 ? null : state;
    }

    public static async Task<Lawsuit?> ReadLawsuitAsync(CaseFlowApp app, string agency, string caseReference, CancellationToken ct)
    {
        var (state, version) = await app.Store.AggregateStreamAsync(agency, StreamIds.Lawsuit(agency, caseReference), Lawsuit.Initial, Lawsuit.Evolve, ct: ct);
        return version == 0 ? null : state;
    }

    /// <summary>The request stream's part when an effective decision orders a new answer: reopen it with the ordered period.</summary>
    public static StreamDecider Reopen(CaseFlowApp app, string agency, string requestReference, string caseReference, LocalDate on, int? workingDays) =>
        RequestStream(app, agency, requestReference, new ReopenRequest(on, caseReference, workingDays ?? app.ClockPolicies.ReopenedAnswerWorkingDays));
}
