using CaseFlow.EventStore.Jobs;

namespace CaseFlow.Infrastructure;

/// <summary>Every kind of durable job CaseFlow runs, with its handler, listed explicitly (no discovery).</summary>
public static class CaseFlowJobs
{
    public static IReadOnlyDictionary<string, JobHandler> Handlers(CaseFlowApp app) => new Dictionary<string, JobHandler>
    {
        [Reporting.Closing.Restating.JobKind] = Reporting.Closing.Restating.Handler(app),
    };
}
