using CaseFlow.EventStore.Jobs;

namespace CaseFlow.Infrastructure;

/// <summary>Every kind of durable job CaseFlow runs, with its handler, listed explicitly (no discovery).</summary>
public static class CaseFlowJobs
{
    public static IReadOnlyDictionary<string, JobHandler> Handlers(CaseFlowApp app) => new Dictionary<string, JobHandler>
    {
        [Reporting.Closing.Restating.JobKind] = Reporting.Closing.Restating.Handler(app),
        [Reminders.ReminderPlan.JobKind] = Reminders.Reminding.Handler(app),
        [Reminders.Recurring.DigestKind] = Reminders.Recurring.DigestHandler(app),
        [Reminders.Recurring.YearEndKind] = Reminders.Recurring.YearEndHandler(app),
        [Notifications.Mailer.JobKind] = Notifications.Mailer.Handler(app),
    };
}
