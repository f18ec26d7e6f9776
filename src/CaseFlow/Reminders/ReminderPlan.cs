using CaseFlow.Deadlines;
using CaseFlow.Infrastructure;
using CaseFlow.Requests;
using CaseFlow.Requests.GettingDetails;
using CaseFlow.Reviews;
using NodaTime;

namespace CaseFlow.Reminders;

/// <summary>When reminders fire: working days before a deadline, on its day, or on the first working day after it.</summary>
public sealed record ReminderSettings
{
    public static readonly ReminderSettings Default = new();

    /// <summary>Answer due soon: these many working days before the answer deadline (then on the day, then overdue).</summary>
    public IReadOnlyList<int> AnswerDueSoon { get; init; } = [5, 1];

    /// <summary>The 7-working-day correction-notice deadline: this many working days before (then on the day).</summary>
    public IReadOnlyList<int> ClarificationNoticeDueSoon { get; init; } = [2];

    /// <summary>Review and litigation deadlines for legal staff.</summary>
    public IReadOnlyList<int> CaseDueSoon { get; init; } = [5];

    /// <summary>Local hour (agency time zone) at which a reminder of a day fires.</summary>
    public int HourOfDay { get; init; } = 8;
}

/// <summary>What a reminder carries: which deadline of which request or case, its due date, and the moment.</summary>
/// <param name="Offset">Working days before the due date; 0 on the day; -1 on the first working day after it.</param>
public sealed record ReminderPayload(string Agency, string Subject, string Reference, string Deadline, LocalDate Due, int Offset)
{
    public const string Request = "request";
    public const string Review = "review";
    public const string Lawsuit = "lawsuit";

    public string DedupKey => $"reminder:{Subject}:{Agency}/{Reference}/{Deadline}/{Due:yyyy-MM-dd}/{Offset}";
}

/// <summary>The Wolverine message of a reminder: run at its moment, it re-checks the deadline before telling anyone.</summary>
public sealed record SendReminder(ReminderPayload Reminder);

/// <summary>
/// Plans the reminders of a request or case from its state: pure (the calendar, policies and "today" come in). A write
/// schedules, in its own transaction, only the reminders its new state plans and the state before did not
/// (<see cref="FollowUps"/>), so writing again plans nothing twice. A deadline that moves gets new
/// reminders; the old ones find on running that their date no longer holds, and the inbox keys make a repeat silent.
/// </summary>
public static class ReminderPlan
{
    /// <summary>The reminder plans of requests, reviews and lawsuits, for the write path (<see cref="FollowUps"/>).</summary>
    public static FollowUps Plans(ReminderSettings settings, DateTimeZone zone) => new FollowUps()
        .Plan<Request>((agency, state, context) => ForRequest(agency, state, context, settings, zone))
        .Plan<Review>((agency, state, context) => ForReview(agency, state, context, settings, zone))
        .Plan<Lawsuit>((agency, state, context) => ForLawsuit(agency, state, context, settings, zone));

    public static IEnumerable<ScheduledMessage> ForRequest(string agency, Request state, DecisionContext context, ReminderSettings settings, DateTimeZone zone)
    {
        if (!state.Received)
        {
            return [];
        }

        var deadlines = state.Concluded
            ? RequestClock.RemedyWindows(state, context.Calendar)
            : RequestClock.Compute(state, context.Calendar, context.Policies, context.Today).Running(state);
        var reminders = Plan(agency, ReminderPayload.Request, state.Reference, deadlines, context, settings, zone);
        // A request awaiting its approver: the approvers are told at once (the message is the same for as long as it waits).
        return state.AwaitingApproval is { } pending
            ? reminders.Append(new ScheduledMessage(new SendApprovalRequest(agency, state.Reference, pending.On), context.Today.AtStartOfDayInZone(zone).ToInstant()))
            : reminders;
    }

    public static IEnumerable<ScheduledMessage> ForReview(string agency, Review state, DecisionContext context, ReminderSettings settings, DateTimeZone zone) =>
        state.Filed ? Plan(agency, ReminderPayload.Review, state.CaseReference, CaseClock.Of(state, context.Calendar, context.Today), context, settings, zone) : [];

    public static IEnumerable<ScheduledMessage> ForLawsuit(string agency, Lawsuit state, DecisionContext context, ReminderSettings settings, DateTimeZone zone) =>
        state.Filed ? Plan(agency, ReminderPayload.Lawsuit, state.CaseReference, CaseClock.Of(state, context.Calendar, context.Today), context, settings, zone) : [];

    /// <summary>The moments (working-day offsets) at which a deadline of this kind is reminded.</summary>
    public static IReadOnlyList<int> Offsets(DeadlineKind kind, ReminderSettings settings) => kind switch
    {
        DeadlineKind.Answer => [.. settings.AnswerDueSoon, 0, -1],
        DeadlineKind.ClarificationNotice => [.. settings.ClarificationNoticeDueSoon, 0],
        DeadlineKind.ConsultationReply => [0],
        // The applicant's own deadlines: once passed, the officer is prompted to close the request (never closed silently).
        DeadlineKind.ApplicantClarification or DeadlineKind.FeePayment => [-1],
        DeadlineKind.ApplicantReviewWindow or DeadlineKind.ApplicantSuitWindow or DeadlineKind.SuitAfterReviewWindow => [-1],
        DeadlineKind.AppealWindow => [.. settings.CaseDueSoon, 1, 0],
        DeadlineKind.ReviewAcceptance or DeadlineKind.LawsuitRegistration => [0],
        DeadlineKind.ReviewDecision or DeadlineKind.FirstInstance or DeadlineKind.SecondInstance => [.. settings.CaseDueSoon, -1],
        // The agency's own reply and defence: missing them means the act stands without evidence (ARL art. 70, ALL art. 34).
        DeadlineKind.ReviewReply or DeadlineKind.LawsuitDefence => [.. settings.CaseDueSoon, 1, 0],
        _ => [],
    };

    public static LocalDate FireDate(LocalDate due, int offset, WorkdayCalendar calendar) => offset switch
    {
        > 0 => calendar.WorkingDaysBefore(due, offset),
        0 => due,
        _ => calendar.NextWorkingDayAfter(due),
    };

    public static Instant FireAt(LocalDate day, ReminderSettings settings, DateTimeZone zone) =>
        day.At(new LocalTime(settings.HourOfDay, 0)).InZoneLeniently(zone).ToInstant();

    private static IEnumerable<ScheduledMessage> Plan(string agency, string subject, string reference, IEnumerable<Deadline> deadlines,
        DecisionContext context, ReminderSettings settings, DateTimeZone zone)
    {
        foreach (var deadline in deadlines)
        {
            foreach (var offset in Offsets(deadline.Kind, settings).Distinct())
            {
                var day = FireDate(deadline.Due, offset, context.Calendar);
                if (day < context.Today)
                {
                    continue; // that moment has passed; the daily digest lists what is due
                }

                var payload = new ReminderPayload(agency, subject, reference, RequestViews.KindCode(deadline.Kind), deadline.Due, offset);
                yield return new ScheduledMessage(new SendReminder(payload), FireAt(day, settings, zone));
            }
        }
    }
}
