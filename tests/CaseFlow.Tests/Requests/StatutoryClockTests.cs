using CaseFlow.Deadlines;
using CaseFlow.Infrastructure;
using CaseFlow.Requests;
using CaseFlow.Requests.GettingDetails;
using NodaTime;
using static CaseFlow.Tests.Support.Facts;
using static CaseFlow.Tests.Support.RequestSpec;

namespace CaseFlow.Tests.Requests;

/// <summary>
/// The clock's second pass against the statute (ogi-rules §1.2–1.5, §2.2): pauses capped by their window, corrections and
/// fees that cannot revive an overdue request, lapses only after the applicant's deadline. Every date below is counted by
/// hand on the 2025 calendar: National Day 2025-10-01…08 off, Sun 2025-09-28 and Sat 2025-10-11 make-up working days.
/// Received Mon 2025-09-01: day 1 is 09-02; 20 working days end on the make-up Sunday 2025-09-28.
/// </summary>
public sealed class StatutoryClockTests
{
    private static readonly RequestReceived s_received = Received(D(2025, 9, 1));

    // A third-party letter sent Wed 2025-09-03: the party's 15 working days are 09-04 … 09-24.
    private static readonly ConsultationStarted s_thirdParty = new(D(2025, 9, 3), ConsultationParty.ThirdParty, "某公司");

    private static LocalDate AnswerDue(LocalDate asOf, params object[] events) =>
        RequestClock.Compute(Fold(events), Calendar, ClockPolicies.Default, asOf).Answer.Due;

    private static Request Fold(IEnumerable<object> events) => events.Aggregate(Request.Initial, Request.Evolve);

    // --- consultation: paused at most for the party's window (arts. 32–34, ogi-rules §1.4) --------------------------

    [Fact]
    public void A_reply_recorded_after_the_window_pauses_only_until_the_window_ends()
    {
        // Paused 09-04 … 09-24 (15 working days, not until the reply on 10-20): 09-02 (1), 09-03 (2), 09-25 (3), 09-26 (4),
        // 09-28 (5), 09-29 (6), 09-30 (7), 10-09 (8), 10-10 (9), 10-11 (10), 10-13 … 10-17 (11–15), 10-20 … 10-24 (16–20).
        var due = RequestClock.Compute(Fold([s_received, s_thirdParty, new ConsultationEnded(D(2025, 10, 20), ConsultationParty.ThirdParty, ConsultationResult.Replied)]),
            Calendar, ClockPolicies.Default, D(2025, 10, 21)).Answer;
        due.Due.ShouldBe(D(2025, 10, 24)); // uncapped it would have been 2025-11-13
        due.Explanation.Chinese.ShouldContain(l => l.Contains("2025-09-24 届满，此后恢复计算", StringComparison.Ordinal));
    }

    [Fact]
    public void A_consultation_left_open_pauses_to_the_as_of_date_inside_the_window_and_no_longer_after_it()
    {
        // As of 09-15 it counts as ending that day: paused 09-04 … 09-15 (8 working days) → 2025-10-15.
        AnswerDue(D(2025, 9, 15), s_received, s_thirdParty).ShouldBe(D(2025, 10, 15));

        // Long after the window, the pause stops at 09-24 whatever the day: 2025-10-24, as for a late reply.
        AnswerDue(D(2025, 10, 20), s_received, s_thirdParty).ShouldBe(D(2025, 10, 24));
        AnswerDue(D(2025, 12, 1), s_received, s_thirdParty).ShouldBe(D(2025, 10, 24));
    }

    [Fact]
    public void A_consultation_left_open_past_its_window_is_flagged_for_the_officer()
    {
        var state = Fold([s_received, s_thirdParty]);
        RequestClock.Compute(state, Calendar, ClockPolicies.Default, D(2025, 9, 24)).Notices.ShouldBeEmpty();
        var notice = RequestClock.Compute(state, Calendar, ClockPolicies.Default, D(2025, 9, 25)).Notices.ShouldHaveSingleItem();
        notice.ShouldContain("征求第三方意见期限已届满（2025-09-24）");
        notice.ShouldContain("第三十二条");
    }

    [Fact]
    public void Overlapping_consultations_pause_the_union_of_their_capped_windows()
    {
        // Another agency consulted from Wed 09-10 (window 09-11 … 09-30), never answering; the third party replied 09-12.
        // Union paused: 09-04 … 09-30. Then 10-09 (3), 10-10 (4), 10-11 (5), 10-13 … 10-17 (6–10), 10-20 … 10-24 (11–15),
        // 10-27 … 10-31 (16–20).
        var events = new object[]
        {
            s_received, s_thirdParty, new ConsultationStarted(D(2025, 9, 10), ConsultationParty.OtherAgency),
            new ConsultationEnded(D(2025, 9, 12), ConsultationParty.ThirdParty, ConsultationResult.Replied),
        };
        AnswerDue(D(2025, 11, 1), events).ShouldBe(D(2025, 10, 31));
    }

    [Fact]
    public void A_consultation_begun_after_the_deadline_had_passed_moves_nothing()
    {
        var late = new ConsultationStarted(D(2025, 9, 29), ConsultationParty.ThirdParty);
        var answer = RequestClock.Compute(Fold([s_received, late]), Calendar, ClockPolicies.Default, D(2025, 10, 10)).Answer;
        answer.Due.ShouldBe(D(2025, 9, 28));
        answer.Explanation.Chinese.ShouldContain(l => l.Contains("答复期限已经届满，不再中止计算", StringComparison.Ordinal));
    }

    [Fact]
    public void By_the_receipt_policy_the_window_counts_from_the_partys_receipt_when_it_is_recorded()
    {
        // Received by the party Mon 09-08: its window is 09-09 … 09-28 (15 working days, the last a make-up Sunday); a
        // reply never came. Paused 09-04 … 09-28: 09-02 (1), 09-03 (2), 09-29 (3), 09-30 (4), 10-09 … 10-11 (5–7),
        // 10-13 … 10-17 (8–12), 10-20 … 10-24 (13–17), 10-27 … 10-29 (18–20).
        var policies = ClockPolicies.Default with { ConsultationWindowStart = ConsultationWindowStartRule.FromPartyReceipt };
        var state = Fold([s_received, s_thirdParty with { PartyReceivedOn = D(2025, 9, 8) }]);
        RequestClock.Compute(state, Calendar, policies, D(2025, 11, 3)).Answer.Due.ShouldBe(D(2025, 10, 29));
        RequestClock.Compute(state, Calendar, ClockPolicies.Default, D(2025, 11, 3)).Answer.Due.ShouldBe(D(2025, 10, 24));
    }

    [Fact]
    public void After_the_window_the_officer_may_answer_and_the_consultation_ends_unanswered_on_its_last_day()
    {
        var spec = Given(s_received, s_thirdParty);
        spec.ThenRejected(new AnswerRequest(D(2025, 9, 24), [new AnsweredItem(null, Outcome.Disclosed)]), "answer.consultation-open").Message.ShouldContain("2025-09-24");
        spec.Then(new AnswerRequest(D(2025, 9, 25), [new AnsweredItem(null, Outcome.Disclosed)]),
            new ConsultationEnded(D(2025, 9, 24), ConsultationParty.ThirdParty, ConsultationResult.WindowLapsed),
            new RequestAnswered(D(2025, 9, 25), [new AnsweredItem(null, Outcome.Disclosed)], AnswerType.Provided));
    }

    [Fact]
    public void The_partys_receipt_cannot_precede_the_letter() =>
        Given(s_received).ThenRejected(new StartConsultation(D(2025, 9, 3), ConsultationParty.ThirdParty, null, D(2025, 9, 2)), "consultation.receipt-date-invalid");

    // --- correction (补正, art. 30) ---------------------------------------------------------------------------------

    [Fact]
    public void A_correction_notice_after_the_answer_deadline_is_rejected() =>
        Given(s_received).ThenRejected(new RequestClarification(D(2025, 9, 29), null, ["申请内容"]), "clarification.too-late").Message.ShouldContain("2025-09-28");

    [Fact]
    public void A_notice_within_seven_working_days_is_accepted_without_a_warning()
    {
        // 7 working days from 09-01: 09-02 … 09-05 (1–4), 09-08 … 09-10 (5–7): due Wed 2025-09-10.
        var accepted = Given(s_received).When(new RequestClarification(D(2025, 9, 10), null, ["申请内容"])).ShouldBeOfType<Decision.Accepted>();
        accepted.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void A_late_notice_restarts_the_clock_with_a_warning_by_default()
    {
        Given(s_received).ThenWarned(new RequestClarification(D(2025, 9, 12), null, ["申请内容"]), "clarification.notice-late").Message.ShouldContain("2025-09-10");

        // The corrected request arrives Mon 09-22: 20 working days from there end on 2025-10-24.
        AnswerDue(D(2025, 9, 23), s_received, new ClarificationRequested(D(2025, 9, 12), null, []), new CorrectedRequestReceived(D(2025, 9, 22)))
            .ShouldBe(D(2025, 10, 24));
    }

    [Fact]
    public void By_the_no_restart_policy_a_late_notice_leaves_the_clock_running_from_receipt()
    {
        var policies = ClockPolicies.Default with { LateClarificationNotice = LateClarificationNoticeRule.NoRestart };
        Given(s_received).With(policies).ThenWarned(new RequestClarification(D(2025, 9, 12), null, ["申请内容"]), "clarification.notice-late")
            .Message.ShouldContain("仍于 2025-09-28 届满");
        var state = Fold([s_received, new ClarificationRequested(D(2025, 9, 12), null, []), new CorrectedRequestReceived(D(2025, 9, 22))]);
        RequestClock.Compute(state, Calendar, policies, D(2025, 9, 23)).Answer.Due.ShouldBe(D(2025, 9, 28));

        // A notice in time still restarts it under that policy.
        var inTime = Fold([s_received, new ClarificationRequested(D(2025, 9, 10), null, []), new CorrectedRequestReceived(D(2025, 9, 22))]);
        RequestClock.Compute(inTime, Calendar, policies, D(2025, 9, 23)).Answer.Due.ShouldBe(D(2025, 10, 24));
    }

    [Fact]
    public void By_the_reject_policy_a_late_notice_is_refused() =>
        Given(s_received).With(ClockPolicies.Default with { LateClarificationNotice = LateClarificationNoticeRule.Reject })
            .ThenRejected(new RequestClarification(D(2025, 9, 12), null, ["申请内容"]), "clarification.notice-late");

    [Fact]
    public void Deemed_abandoned_only_after_the_default_correction_deadline_when_the_notice_set_none()
    {
        // No deadline in the notice of 09-03: by policy 15 working days, 09-04 … 09-24.
        var spec = Given(s_received, new ClarificationRequested(D(2025, 9, 3), null, []));
        spec.ThenRejected(new AnswerRequest(D(2025, 9, 24), [new AnsweredItem(null, Outcome.OtherClarificationLapsed)]), "answer.clarification-deadline-not-passed")
            .Message.ShouldContain("自 2025-09-25 起");
        spec.Then(new AnswerRequest(D(2025, 9, 25), [new AnsweredItem(null, Outcome.OtherClarificationLapsed)]), new ClarificationLapsed(D(2025, 9, 25), D(2025, 9, 24)));
    }

    [Fact]
    public void A_request_deemed_abandoned_keeps_the_answer_deadline_as_it_stood_so_it_is_not_answered_late()
    {
        // The wait for the correction (09-04 … 09-25, 16 working days) is excluded: 09-02 (1), 09-03 (2), 09-26 (3),
        // 09-28 (4), 09-29 (5), 09-30 (6), 10-09 … 10-11 (7–9), 10-13 … 10-17 (10–14), 10-20 … 10-24 (15–19), 10-27 (20).
        var due = AnswerDue(D(2025, 12, 1), s_received, new ClarificationRequested(D(2025, 9, 3), null, []), new ClarificationLapsed(D(2025, 9, 25), D(2025, 9, 24)));
        due.ShouldBe(D(2025, 10, 27));
        (D(2025, 9, 25) <= due).ShouldBeTrue();
    }

    // --- fees (Fee Measures, ogi-rules §2.2) ------------------------------------------------------------------------

    [Fact]
    public void A_fee_notice_after_the_answer_deadline_is_rejected() =>
        Given(s_received).ThenRejected(new IssueFeeNotice(D(2025, 9, 29), 100m, FeeMethod.Stated), "fee.notice-after-deadline").Message.ShouldContain("2025-09-28");

    [Fact]
    public void A_payment_after_the_twenty_working_day_window_is_rejected_and_the_lapse_is_accepted_only_after_it()
    {
        // Notice Fri 09-05: 09-08 … 09-26 (1–15), 09-28 (16), 09-29 (17), 09-30 (18), 10-09 (19), 10-10 (20).
        var spec = Given(s_received, new FeeNoticeIssued(D(2025, 9, 5), 100m, FeeMethod.Stated));
        spec.ThenRejected(new PayFee(D(2025, 10, 11)), "fee.payment-late").Message.ShouldContain("2025-10-10");
        spec.Then(new PayFee(D(2025, 10, 10)), new FeePaid(D(2025, 10, 10)));
        spec.ThenRejected(new AnswerRequest(D(2025, 10, 10), [new AnsweredItem(null, Outcome.OtherFeeLapsed)]), "answer.fee-deadline-not-passed");
        spec.Then(new AnswerRequest(D(2025, 10, 11), [new AnsweredItem(null, Outcome.OtherFeeLapsed)]), new FeeLapsed(D(2025, 10, 11), D(2025, 10, 10)));
    }

    [Fact]
    public void A_fee_lapse_excludes_the_wait_for_payment_even_when_the_clock_runs_during_fees()
    {
        // Policy: the clock runs while a fee is unpaid. Lapsed 10-13: 09-08 … 10-13 excluded for the deadline as it stood:
        // 09-02 … 09-05 (1–4), 10-14 … 10-17 (5–8), 10-20 … 10-24 (9–13), 10-27 … 10-31 (14–18), 11-03 (19), 11-04 (20).
        var policies = ClockPolicies.Default with { FeeClock = FeeClockRule.Running };
        var state = Fold([s_received, new FeeNoticeIssued(D(2025, 9, 5), 100m, FeeMethod.Stated), new FeeLapsed(D(2025, 10, 13), D(2025, 10, 10))]);
        RequestClock.Compute(state, Calendar, policies, D(2025, 12, 1)).Answer.Due.ShouldBe(D(2025, 11, 4));
    }

    // --- year of a lapse --------------------------------------------------------------------------------------------

    private static readonly object[] s_lapseAcrossYears =
    [
        Received(D(2025, 11, 25)), new ClarificationRequested(D(2025, 12, 1), D(2025, 12, 19), ["申请内容"]),
    ];

    [Fact]
    public void A_lapse_recorded_in_the_next_year_warns_and_counts_in_the_year_it_happened_by_default()
    {
        var answer = new AnswerRequest(D(2026, 1, 6), [new AnsweredItem(null, Outcome.OtherClarificationLapsed)]);
        Given(s_lapseAcrossYears).ThenWarned(answer, "lapse.counted-in-year").Message.ShouldContain("计入 2025 年度报告");

        var file = RequestFile.Fold(Stored([.. s_lapseAcrossYears, new ClarificationLapsed(D(2026, 1, 6), D(2025, 12, 19))]), OutcomePolicies.Default)!;
        file.ConcludedOn.ShouldBe(D(2025, 12, 20)); // the first day after the deadline
    }

    [Fact]
    public void By_the_recording_date_policy_a_late_lapse_counts_in_the_year_it_was_recorded()
    {
        var policies = OutcomePolicies.Default with { LapseYear = LapseYearRule.RecordingDate };
        var answer = new AnswerRequest(D(2026, 1, 6), [new AnsweredItem(null, Outcome.OtherClarificationLapsed)]);
        Given(s_lapseAcrossYears).With(policies).ThenWarned(answer, "lapse.counted-in-year").Message.ShouldContain("计入 2026 年度报告");

        var file = RequestFile.Fold(Stored([.. s_lapseAcrossYears, new ClarificationLapsed(D(2026, 1, 6), D(2025, 12, 19))]), policies)!;
        file.ConcludedOn.ShouldBe(D(2026, 1, 6));
    }

    [Fact]
    public void A_lapse_recorded_in_the_year_of_its_deadline_gives_no_warning() =>
        Given(s_lapseAcrossYears).When(new AnswerRequest(D(2025, 12, 22), [new AnsweredItem(null, Outcome.OtherClarificationLapsed)]))
            .ShouldBeOfType<Decision.Accepted>().Warnings.ShouldBeEmpty();

    // --- art. 35 ----------------------------------------------------------------------------------------------------

    [Fact]
    public void Excessive_requests_are_refused_only_after_the_applicant_was_asked_for_reasons()
    {
        var answer = new AnswerRequest(D(2025, 9, 20), [new AnsweredItem(null, Outcome.NotProcessedExcessive)]);
        Given(s_received).ThenRejected(answer, "answer.reasons-not-requested");
        Given(s_received, new VolumeReasonsRequested(D(2025, 9, 5)))
            .Then(answer, new RequestAnswered(D(2025, 9, 20), [new AnsweredItem(null, Outcome.NotProcessedExcessive)], AnswerType.NotHandledAsDisclosure));
    }

    private static IEnumerable<JasperFx.Events.IEvent> Stored(IEnumerable<object> events) =>
        events.Select((e, i) => (JasperFx.Events.IEvent)new JasperFx.Events.Event<object>(e) { Version = i + 1 });
}
