using CaseFlow.Deadlines;
using CaseFlow.Reminders;
using CaseFlow.Requests;
using CaseFlow.Reviews;
using CaseFlow.Tests.Support;
using NodaTime;
using static CaseFlow.Tests.Support.Facts;

namespace CaseFlow.Tests.Reminders;

/// <summary>Which reminders a request's state plans, and when they fire (pure).</summary>
public sealed class ReminderPlanTests
{
    private static readonly DateTimeZone s_shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    private static List<(ReminderPayload Payload, Instant DueAt)> Plan(Request state, LocalDate today) =>
        ReminderPlan.ForRequest("a", state, new DecisionContext(today, RequestSpec.Calendar, ClockPolicies.Default), ReminderSettings.Default, s_shanghai)
            .Select(m => (((SendReminder)m.Message).Reminder, m.At)).ToList();

    [Fact]
    public void A_new_request_plans_the_answer_reminders_five_and_one_working_days_before_on_the_day_and_overdue_at_eight_local_time()
    {
        // Received Friday 2025-09-26: the answer is due 2025-10-30 (ogi-rules §1.10 worked example).
        var state = Request.Evolve(Request.Initial, Received(D(2025, 9, 26)));
        var plan = Plan(state, D(2025, 9, 26));

        var answer = plan.Where(p => p.Payload.Deadline == "answer").ToList();
        answer.Select(p => p.Payload.Offset).ShouldBe([5, 1, 0, -1]);
        answer.ShouldAllBe(p => p.Payload.Due == D(2025, 10, 30));
        answer.Select(p => p.DueAt.InZone(s_shanghai).LocalDateTime).ShouldBe(
        [
            D(2025, 10, 23).At(new LocalTime(8, 0)), D(2025, 10, 29).At(new LocalTime(8, 0)),
            D(2025, 10, 30).At(new LocalTime(8, 0)), D(2025, 10, 31).At(new LocalTime(8, 0)),
        ]);
        // The 7-working-day correction notice: 2025-10-13 (09-28 and 10-11 are make-up working days), reminded two working days before.
        plan.Where(p => p.Payload.Deadline == "clarification-notice").Select(p => (p.Payload.Offset, p.DueAt.InZone(s_shanghai).Date))
            .ShouldBe([(2, D(2025, 10, 10)), (0, D(2025, 10, 13))]);
        plan.Select(p => p.Payload.DedupKey).ShouldBeUnique();
    }

    [Fact]
    public void Moments_already_past_are_not_planned_and_a_concluded_request_plans_only_the_applicants_windows()
    {
        var state = Request.Evolve(Request.Initial, Received(D(2025, 9, 26)));
        Plan(state, D(2025, 10, 29)).Where(p => p.Payload.Deadline == "answer").Select(p => p.Payload.Offset).ShouldBe([1, 0, -1]);

        var answered = Request.Evolve(state, new RequestAnswered(D(2025, 10, 20), [new AnsweredItem(null, Outcome.Disclosed)], AnswerType.Provided));
        Plan(answered, D(2025, 10, 20)).Select(p => p.Payload.Deadline).Distinct().ShouldBe(["applicant-review-window", "applicant-suit-window"]);
    }

    [Fact]
    public void An_applicants_correction_deadline_is_reminded_once_it_has_passed()
    {
        var state = new object[] { Received(D(2025, 3, 3)), new ClarificationRequested(D(2025, 3, 5), D(2025, 3, 20), ["x"]) }
            .Aggregate(Request.Initial, Request.Evolve);
        var lapse = Plan(state, D(2025, 3, 5)).Single(p => p.Payload.Deadline == "applicant-clarification");
        lapse.Payload.Offset.ShouldBe(-1);
        lapse.DueAt.InZone(s_shanghai).Date.ShouldBe(D(2025, 3, 21));
    }

    [Fact]
    public void The_agencys_defence_deadline_is_reminded_five_and_one_working_days_before_and_on_the_day_across_national_day()
    {
        // Complaint copy received 2025-09-18: defence due 10-03 → rolled past the holiday (10-01…10-08) to Thu 10-09.
        // Working days before it: 09-30 (1), 09-29 (2), Sun 09-28 make-up (3), 09-26 (4), Thu 09-25 (5).
        var suit = new object[] { new LawsuitFiled("L1", "Q", D(2025, 9, 10), false), new ComplaintCopyReceived(D(2025, 9, 18)) }
            .Aggregate(Lawsuit.Initial, Lawsuit.Evolve);
        var plan = ReminderPlan.ForLawsuit("a", suit, new DecisionContext(D(2025, 9, 19), RequestSpec.Calendar, ClockPolicies.Default), ReminderSettings.Default, s_shanghai)
            .Select(m => (((SendReminder)m.Message).Reminder, m.At)).Where(p => p.Reminder.Deadline == "lawsuit-defence").ToList();
        plan.ShouldAllBe(p => p.Reminder.Due == D(2025, 10, 9));
        plan.Select(p => (p.Reminder.Offset, p.At.InZone(s_shanghai).LocalDateTime)).ShouldBe(
        [
            (5, D(2025, 9, 25).At(new LocalTime(8, 0))), (1, D(2025, 9, 30).At(new LocalTime(8, 0))), (0, D(2025, 10, 9).At(new LocalTime(8, 0))),
        ]);

        var defended = Lawsuit.Evolve(suit, new DefenceSubmitted(D(2025, 9, 29)));
        ReminderPlan.ForLawsuit("a", defended, new DecisionContext(D(2025, 9, 29), RequestSpec.Calendar, ClockPolicies.Default), ReminderSettings.Default, s_shanghai)
            .ShouldNotContain(m => ((SendReminder)m.Message).Reminder.Deadline == "lawsuit-defence");
    }
}
