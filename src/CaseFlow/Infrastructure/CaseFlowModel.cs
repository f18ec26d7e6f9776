using CaseFlow.Agencies;
using CaseFlow.EventStore.Projections;
using CaseFlow.EventStore.Serialization;
using CaseFlow.Requests;
using CaseFlow.Requests.GettingDetails;

namespace CaseFlow.Infrastructure;

/// <summary>
/// Everything the event store must know about CaseFlow, registered explicitly in one place: every event type under its
/// stable stored name, and every projection. No discovery: the code that runs is the code listed here.
/// </summary>
public static class CaseFlowModel
{
    public static EventTypeRegistry Events() => new EventTypeRegistry(CaseFlowJson.Create())
        // agencies
        .Register<AgencyRegistered>("agency.registered.v1")
        .Register<AgencyRenamed>("agency.renamed.v1")
        // requests
        .Register<RequestReceived>("request.received.v1")
        .Register<OfficerAssigned>("request.officer-assigned.v1")
        .Register<ClarificationRequested>("request.clarification-requested.v1")
        .Register<CorrectedRequestReceived>("request.corrected-request-received.v1")
        .Register<ClarificationLapsed>("request.clarification-lapsed.v1")
        .Register<ExtensionApproved>("request.extension-approved.v1")
        .Register<ConsultationStarted>("request.consultation-started.v1")
        .Register<ConsultationEnded>("request.consultation-ended.v1")
        .Register<VolumeReasonsRequested>("request.volume-reasons-requested.v1")
        .Register<DelayedAnswerDateSet>("request.delayed-answer-date-set.v1")
        .Register<FeeNoticeIssued>("request.fee-notice-issued.v1")
        .Register<FeePaid>("request.fee-paid.v1")
        .Register<FeeLapsed>("request.fee-lapsed.v1")
        .Register<RequestAnswered>("request.answered.v1")
        .Register<RequestWithdrawn>("request.withdrawn.v1")
        .Register<RequestCarriedOver>("request.carried-over.v1")
        .Register<RequestReopened>("request.reopened.v1")
        .Register<AnswerDelivered>("request.answer-delivered.v1")
        .Register<RequestChallenged>("request.challenged.v1")
        .Register<Letters.LetterIssued>("request.letter-issued.v1")
        // reviews (行政复议) and lawsuits (行政诉讼)
        .Register<Reviews.ReviewFiled>("review.filed.v1")
        .Register<Reviews.ReviewCorrectionRequested>("review.correction-requested.v1")
        .Register<Reviews.ReviewCorrectionReceived>("review.correction-received.v1")
        .Register<Reviews.ReviewAccepted>("review.accepted.v1")
        .Register<Reviews.ReviewSuspended>("review.suspended.v1")
        .Register<Reviews.ReviewResumed>("review.resumed.v1")
        .Register<Reviews.ReviewExtended>("review.extended.v1")
        .Register<Reviews.ReviewDecided>("review.decided.v1")
        .Register<Reviews.ReviewDecisionDelivered>("review.decision-delivered.v1")
        .Register<Reviews.LawsuitFiled>("lawsuit.filed.v1")
        .Register<Reviews.LawsuitRegistered>("lawsuit.registered.v1")
        .Register<Reviews.LawsuitSuspended>("lawsuit.suspended.v1")
        .Register<Reviews.LawsuitResumed>("lawsuit.resumed.v1")
        .Register<Reviews.LawsuitJudged>("lawsuit.judged.v1")
        .Register<Reviews.JudgmentAppealed>("lawsuit.appealed.v1")
        .Register<Reviews.JudgmentInForce>("lawsuit.judgment-in-force.v1")
        // the annual report: table 二's figures, the year-end close and restatements
        .Register<Reporting.Stats.DisclosureStatsRecorded>("disclosure-stats.recorded.v1")
        .Register<Reporting.Closing.AnnualReportClosed>("annual-report.closed.v1")
        .Register<Reporting.Closing.AnnualReportRestated>("annual-report.restated.v1");

    public static ProjectionRegistry Projections(CaseFlowSettings settings, NodaTime.IClock clock) => new ProjectionRegistry()
        .AddInline(new AgencyDirectoryProjection())
        .AddInline(new RequestFileProjection())
        .AddInline(new Reporting.Facts.ReportRequestProjection(settings.Counting, settings.Outcomes))
        .AddInline(new Reviews.Facts.ReportCaseProjection(settings.Counting, settings.CaseResults))
        .AddInline(new Reporting.Stats.DisclosureStatsProjection())
        .AddInline(new Reporting.Closing.AnnualReportProjection())
        .AddAsync(new Reporting.Closing.RestatementWatch(clock));
}
