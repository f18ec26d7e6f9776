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
        .Register<RequestReopened>("request.reopened.v1");

    public static ProjectionRegistry Projections() => new ProjectionRegistry()
        .AddInline(new AgencyDirectoryProjection())
        .AddInline(new RequestFileProjection());
}
