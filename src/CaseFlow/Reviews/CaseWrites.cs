using CaseFlow.Infrastructure;
using CaseFlow.Requests;
using CaseFlow.Reviews.GettingCases;
using NodaTime;

namespace CaseFlow.Reviews;

/// <summary>How review and lawsuit use cases write: the case stream, and when needed the request stream, in one transaction.</summary>
public static class CaseWrites
{
    /// <summary>The review stream's part of a command: decided on the case file's review state (one row read, no fold).</summary>
    public static StreamDecider ReviewStream(CaseFlowApp app, string agency, string caseReference, ReviewCommand command) =>
        StreamDecider.For(StreamIds.Review(agency, caseReference), command is FileReview ? StreamRule.MustBeNew : StreamRule.MustExist, new CaseFile(), file =>
            {
                var state = file.Review ?? Review.Initial;
                return app.FollowUps.Add(agency, CaseDecider.Decide(command, state, app.Today, app.Settings.CaseResults), state, Review.Evolve, app.DecisionContext());
            })
            with
        {
            NotFoundCode = "review.not-found",
            NotFoundMessage = $"复议案件 {caseReference} 不存在。",
            ExistsCode = "review.already-filed",
            ExistsMessage = $"复议案件 {caseReference} 已登记。",
        };

    /// <summary>The lawsuit stream's part of a command: decided on the case file's lawsuit state.</summary>
    public static StreamDecider LawsuitStream(CaseFlowApp app, string agency, string caseReference, LawsuitCommand command) =>
        StreamDecider.For(StreamIds.Lawsuit(agency, caseReference), command is FileLawsuit ? StreamRule.MustBeNew : StreamRule.MustExist, new CaseFile(), file =>
            {
                var state = file.Lawsuit ?? Lawsuit.Initial;
                return app.FollowUps.Add(agency, CaseDecider.Decide(command, state, app.Today, app.Settings.CaseResults), state, Lawsuit.Evolve, app.DecisionContext());
            })
            with
        {
            NotFoundCode = "lawsuit.not-found",
            NotFoundMessage = $"诉讼案件 {caseReference} 不存在。",
            ExistsCode = "lawsuit.already-filed",
            ExistsMessage = $"诉讼案件 {caseReference} 已登记。",
        };

    public static StreamDecider RequestStream(CaseFlowApp app, string agency, string reference, RequestCommand command) =>
        RequestWrites.Stream(app, agency, reference, command);

    public static Task<CommandOutcome> ExecuteAsync(CaseFlowApp app, Actor actor, string agency, WriteOptions options, CancellationToken ct, params StreamDecider[] streams) =>
        app.ExecuteAsync(agency, actor, options, ct, streams);

    /// <summary>The case's current state, read before a command that may reopen its request (which request, what was ordered).</summary>
    public static async Task<Review?> ReadReviewAsync(CaseFlowApp app, string agency, string caseReference, CancellationToken ct)
    {
        await using var query = app.Query(agency);
        return (await query.LoadAsync<CaseFile>(StreamIds.Review(agency, caseReference), ct))?.Review;
    }

    public static async Task<Lawsuit?> ReadLawsuitAsync(CaseFlowApp app, string agency, string caseReference, CancellationToken ct)
    {
        await using var query = app.Query(agency);
        return (await query.LoadAsync<CaseFile>(StreamIds.Lawsuit(agency, caseReference), ct))?.Lawsuit;
    }

    /// <summary>The request stream's part when an effective decision orders a new answer: reopen it with the ordered period.</summary>
    public static StreamDecider Reopen(CaseFlowApp app, string agency, string requestReference, string caseReference, LocalDate on, int? workingDays) =>
        RequestStream(app, agency, requestReference, new ReopenRequest(on, caseReference, workingDays ?? app.ClockPolicies.ReopenedAnswerWorkingDays));
}
