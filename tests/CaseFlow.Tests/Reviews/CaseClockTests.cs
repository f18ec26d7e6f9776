using CaseFlow.Deadlines;
using CaseFlow.Requests;
using CaseFlow.Reviews;
using CaseFlow.Tests.Support;
using NodaTime;
using static CaseFlow.Tests.Support.Facts;

namespace CaseFlow.Tests.Reviews;

/// <summary>The review and litigation periods (ogi-rules §5), each explained; periods ending on a holiday roll forward.</summary>
public sealed class CaseClockTests
{
    private static readonly WorkdayCalendar s_calendar = RequestSpec.Calendar;

    private static Deadline Single(IReadOnlyList<Deadline> deadlines, DeadlineKind kind) => deadlines.Single(d => d.Kind == kind);

    private static global::CaseFlow.Reviews.Review Review(params object[] events) =>
        events.Aggregate(global::CaseFlow.Reviews.Review.Initial, global::CaseFlow.Reviews.Review.Evolve);

    private static Lawsuit Suit(params object[] events) => events.Aggregate(Lawsuit.Initial, Lawsuit.Evolve);

    private static Request Answered(LocalDate on, Outcome outcome, LocalDate? delivered = null)
    {
        var events = new List<object> { Received(on.PlusDays(-10)), new RequestAnswered(on, [new AnsweredItem(null, outcome)], OutcomeRows.Of(outcome).AnswerType) };
        if (delivered is { } d)
        {
            events.Add(new AnswerDelivered(d));
        }

        return events.Aggregate(Request.Initial, Request.Evolve);
    }

    [Fact]
    public void The_applicants_review_window_ending_in_the_spring_festival_rolls_to_the_first_working_day_after_it()
    {
        // Served 2024-11-30: 60 days end on 2025-01-29, inside the 2025 Spring Festival holiday (01-28…02-04).
        var windows = RequestClock.RemedyWindows(Answered(D(2024, 11, 25), Outcome.Disclosed, delivered: D(2024, 11, 30)), s_calendar);
        var review = Single(windows, DeadlineKind.ApplicantReviewWindow);
        review.Due.ShouldBe(D(2025, 2, 5));
        review.Provisional.ShouldBeFalse();
        review.Explanation.Chinese.ShouldContain(l => l.Contains("2025-01-29", StringComparison.Ordinal) && l.Contains("2025-02-05", StringComparison.Ordinal));
        // Six months for a direct suit, from the same day.
        Single(windows, DeadlineKind.ApplicantSuitWindow).Due.ShouldBe(D(2025, 5, 30));
    }

    [Fact]
    public void Without_a_delivery_date_the_windows_count_from_the_answer_and_say_so()
    {
        var windows = RequestClock.RemedyWindows(Answered(D(2025, 3, 3), Outcome.Disclosed), s_calendar);
        var review = Single(windows, DeadlineKind.ApplicantReviewWindow);
        review.Due.ShouldBe(D(2025, 5, 6)); // 60 days → 2025-05-02, a holiday (Labour Day 05-01…05-05) → 05-06
        review.Explanation.Chinese[0].ShouldContain("未登记送达日期");
        RequestClock.RemedyWindows(Received(D(2025, 3, 3)) is var r ? Request.Evolve(Request.Initial, r) : Request.Initial, s_calendar).ShouldBeEmpty();
    }

    [Fact]
    public void A_refusal_answered_after_2024_warns_that_review_comes_before_suit()
    {
        var refused = Single(RequestClock.RemedyWindows(Answered(D(2024, 3, 4), Outcome.RefusedProcessInformation), s_calendar), DeadlineKind.ApplicantSuitWindow);
        refused.Explanation.Chinese.ShouldContain(l => l.Contains("应先申请行政复议", StringComparison.Ordinal));
        var before = Single(RequestClock.RemedyWindows(Answered(D(2023, 11, 6), Outcome.RefusedProcessInformation), s_calendar), DeadlineKind.ApplicantSuitWindow);
        before.Explanation.Chinese.ShouldNotContain(l => l.Contains("应先申请行政复议", StringComparison.Ordinal));
    }

    [Fact]
    public void A_review_filed_before_2024_runs_under_the_2017_law_and_one_filed_after_under_the_2023_law()
    {
        var old = Single(CaseClock.Of(Review(new ReviewFiled("R0", "Q", D(2023, 12, 20)), new ReviewAccepted(D(2023, 12, 22), false)), s_calendar, D(2024, 1, 10)), DeadlineKind.ReviewDecision);
        // ARL-2017 art. 17(2): accepted on the day the review office received it (2023-12-20), whatever acceptance date was
        // recorded; 60 days: 11 left in December, 31 in January, 18 in February → Sun 2024-02-18, a make-up working day.
        old.Due.ShouldBe(D(2024, 2, 18));
        old.Explanation.Chinese[0].ShouldContain("行政复议法（2017年修正）第三十一条");

        var simplified = Single(CaseClock.Of(Review(new ReviewFiled("R2", "Q", D(2024, 1, 2)), new ReviewAccepted(D(2024, 1, 3), true)), s_calendar, D(2024, 1, 10)), DeadlineKind.ReviewDecision);
        simplified.Due.ShouldBe(D(2024, 2, 2)); // 30 days, simplified procedure
        simplified.Explanation.Chinese[0].ShouldContain("行政复议法（2023年修订）第六十二条第二款");
    }

    [Fact]
    public void The_review_body_has_five_working_days_to_accept_and_then_60_days_plus_any_extension_and_suspension()
    {
        var filed = new ReviewFiled("R1", "Q", D(2025, 9, 26));
        var pending = CaseClock.Of(Review(filed), s_calendar, D(2025, 9, 26));
        // Five working days after 09-26: 09-28 (a make-up working day), 09-29, 09-30, then past the National Day holiday 10-09, 10-10.
        Single(pending, DeadlineKind.ReviewAcceptance).Due.ShouldBe(D(2025, 10, 10));
        Single(pending, DeadlineKind.ReviewDecision).Explanation.Chinese[0].ShouldContain("视为受理");

        var accepted = new ReviewAccepted(D(2025, 3, 3), false);
        var basic = Single(CaseClock.Of(Review(filed with { FiledOn = D(2025, 3, 3) }, accepted), s_calendar, D(2025, 3, 3)), DeadlineKind.ReviewDecision);
        basic.Due.ShouldBe(D(2025, 5, 6)); // 60 days → 05-02 (holiday) → 05-06
        var extended = Single(CaseClock.Of(Review(filed with { FiledOn = D(2025, 3, 3) }, accepted, new ReviewExtended(D(2025, 4, 20), 30)), s_calendar, D(2025, 4, 20)), DeadlineKind.ReviewDecision);
        extended.Due.ShouldBe(D(2025, 6, 3)); // 90 days → 06-01 (Dragon Boat holiday 05-31…06-02) → 06-03
        var suspended = Single(CaseClock.Of(Review(filed with { FiledOn = D(2025, 3, 3) }, accepted, new ReviewSuspended(D(2025, 3, 10), "等待"), new ReviewResumed(D(2025, 3, 20))),
            s_calendar, D(2025, 4, 1)), DeadlineKind.ReviewDecision);
        suspended.Due.ShouldBe(D(2025, 5, 12)); // + 10 suspended days → 05-12
        suspended.Explanation.Chinese.ShouldContain(l => l.Contains("中止审理期间共 10 日不计入", StringComparison.Ordinal));
    }

    [Fact]
    public void A_correction_asked_of_the_applicant_stops_the_acceptance_period_which_restarts_from_the_corrected_application()
    {
        var filed = new ReviewFiled("R1", "Q", D(2025, 3, 3));
        var asked = new ReviewCorrectionRequested(D(2025, 3, 4), D(2025, 3, 14));
        CaseClock.Of(Review(filed, asked), s_calendar, D(2025, 3, 5)).ShouldBeEmpty();

        var acceptance = Single(CaseClock.Of(Review(filed, asked, new ReviewCorrectionReceived(D(2025, 3, 13))), s_calendar, D(2025, 3, 13)), DeadlineKind.ReviewAcceptance);
        acceptance.Due.ShouldBe(D(2025, 3, 20)); // five working days from 03-13
        acceptance.Explanation.Chinese[0].ShouldContain("收到补正后的复议申请");
    }

    [Fact]
    public void After_a_review_decision_the_applicant_has_15_days_to_sue_counted_from_service()
    {
        var decided = new ReviewDecided(D(2025, 1, 10), ReviewDecision.Maintained, null);
        var served = Single(CaseClock.Of(Review(new ReviewFiled("R1", "Q", D(2024, 11, 1)), decided, new ReviewDecisionDelivered(D(2025, 1, 16))), s_calendar, D(2025, 1, 20)),
            DeadlineKind.SuitAfterReviewWindow);
        served.Due.ShouldBe(D(2025, 2, 5)); // 15 days → 01-31 (Spring Festival) → 02-05
    }

    [Fact]
    public void First_instance_six_months_or_45_days_simplified_then_appeal_windows_and_second_instance_three_months()
    {
        var filed = new LawsuitFiled("L1", "Q", D(2025, 3, 3), false);
        var unregistered = CaseClock.Of(Suit(filed), s_calendar, D(2025, 3, 3));
        Single(unregistered, DeadlineKind.LawsuitRegistration).Due.ShouldBe(D(2025, 3, 10));
        Single(unregistered, DeadlineKind.FirstInstance).Due.ShouldBe(D(2025, 9, 3));

        Single(CaseClock.Of(Suit(filed, new LawsuitRegistered(D(2025, 3, 10), false)), s_calendar, D(2025, 3, 10)), DeadlineKind.FirstInstance).Due.ShouldBe(D(2025, 9, 10));
        Single(CaseClock.Of(Suit(filed, new LawsuitRegistered(D(2025, 3, 10), true)), s_calendar, D(2025, 3, 10)), DeadlineKind.FirstInstance).Due.ShouldBe(D(2025, 4, 24));

        var judgment = new LawsuitJudged(D(2025, 9, 16), 1, JudgmentType.ClaimDismissed, null);
        Single(CaseClock.Of(Suit(filed, judgment), s_calendar, D(2025, 9, 16)), DeadlineKind.AppealWindow).Due.ShouldBe(D(2025, 10, 9)); // 10-01 → holiday → 10-09
        var ruling = judgment with { IsRuling = true, Judgment = JudgmentType.SuitDismissed };
        Single(CaseClock.Of(Suit(filed, ruling), s_calendar, D(2025, 9, 16)), DeadlineKind.AppealWindow).Due.ShouldBe(D(2025, 9, 26));

        var appealed = new JudgmentAppealed(D(2025, 9, 25), false);
        Single(CaseClock.Of(Suit(filed, judgment, appealed), s_calendar, D(2025, 9, 25)), DeadlineKind.SecondInstance).Due.ShouldBe(D(2025, 12, 25));
        CaseClock.Of(Suit(filed, judgment with { InForce = true }), s_calendar, D(2025, 9, 25)).ShouldBeEmpty();
    }

    // ---- the agency's own deadlines (ogi-rules §5.1 R10, §5.2 L11) ----

    [Fact]
    public void Under_the_2023_law_the_written_reply_is_due_ten_working_days_after_the_copy_across_the_spring_festival()
    {
        // Copy received Wed 2026-02-11: 02-12 (1), 02-13 (2), Sat 02-14 make-up (3); 02-15 … 02-23 off; 02-24 … 02-27
        // (4–7), Sat 02-28 make-up (8), 03-02 (9), 03-03 (10).
        var review = Review(new ReviewFiled("R5", "Q", D(2026, 2, 2)), new ReviewAccepted(D(2026, 2, 5), false), new ReviewCopyReceived(D(2026, 2, 11)));
        var deadlines = CaseClock.Of(review, s_calendar, D(2026, 2, 12));
        var reply = Single(deadlines, DeadlineKind.ReviewReply);
        reply.Due.ShouldBe(D(2026, 3, 3));
        reply.Explanation.Chinese[0].ShouldContain("第四十八条");
        deadlines[0].Kind.ShouldBe(DeadlineKind.ReviewReply); // the agency's own deadline comes first
    }

    [Fact]
    public void Under_the_2017_law_the_written_reply_is_due_ten_calendar_days_after_the_copy_rolled_past_national_day()
    {
        // Copy received 2023-09-25: 10 days → 2023-10-05, inside National Day (09-29 … 10-06 off) → Sat 10-07, a make-up day.
        var review = Review(new ReviewFiled("R6", "Q", D(2023, 9, 20)), new ReviewCopyReceived(D(2023, 9, 25)));
        var reply = Single(CaseClock.Of(review, s_calendar, D(2023, 9, 26)), DeadlineKind.ReviewReply);
        reply.Due.ShouldBe(D(2023, 10, 7));
        reply.Explanation.Chinese.ShouldContain(l => l.Contains("第二十三条", StringComparison.Ordinal));
    }

    [Fact]
    public void The_reply_deadline_ends_when_the_reply_is_filed_or_the_review_decided()
    {
        var filed = new ReviewFiled("R7", "Q", D(2026, 2, 2));
        var copy = new ReviewCopyReceived(D(2026, 2, 11));
        CaseClock.Of(Review(filed, copy, new ReviewReplySubmitted(D(2026, 2, 24))), s_calendar, D(2026, 2, 25)).ShouldNotContain(d => d.Kind == DeadlineKind.ReviewReply);
        CaseClock.Of(Review(filed, copy, new ReviewDecided(D(2026, 3, 1), null, CaseResult.Maintained)), s_calendar, D(2026, 3, 2))
            .ShouldNotContain(d => d.Kind == DeadlineKind.ReviewReply);
        CaseClock.Of(Review(filed), s_calendar, D(2026, 2, 12)).ShouldNotContain(d => d.Kind == DeadlineKind.ReviewReply);
    }

    [Fact]
    public void The_defence_is_due_fifteen_days_after_the_complaint_copy_rolled_past_national_day()
    {
        // Copy received 2025-09-18: 15 days → 2025-10-03, inside National Day (10-01 … 10-08 off) → Thu 2025-10-09.
        var suit = Suit(new LawsuitFiled("L5", "Q", D(2025, 9, 10), false), new ComplaintCopyReceived(D(2025, 9, 18)));
        var deadlines = CaseClock.Of(suit, s_calendar, D(2025, 9, 19));
        var defence = Single(deadlines, DeadlineKind.LawsuitDefence);
        defence.Due.ShouldBe(D(2025, 10, 9));
        defence.Explanation.Chinese.ShouldContain(l => l.Contains("第六十七条", StringComparison.Ordinal));
        deadlines[0].Kind.ShouldBe(DeadlineKind.LawsuitDefence);
        CaseClock.Of(suit with { DefenceSubmittedOn = D(2025, 9, 30) }, s_calendar, D(2025, 10, 1)).ShouldNotContain(d => d.Kind == DeadlineKind.LawsuitDefence);
    }

    [Fact]
    public void Under_the_2017_law_an_unrefused_application_is_accepted_on_receipt_and_under_2023_when_the_five_days_end()
    {
        // 2017: filed 2023-11-01, 60 days from receipt → 2023-12-31 (Sun) → Tue 2024-01-02 (01-01 a holiday).
        var old = Single(CaseClock.Of(Review(new ReviewFiled("R8", "Q", D(2023, 11, 1))), s_calendar, D(2023, 11, 2)), DeadlineKind.ReviewDecision);
        old.Due.ShouldBe(D(2024, 1, 2));
        old.Explanation.Chinese[0].ShouldContain("第十七条第二款");

        // 2023: filed Mon 2025-03-03, 5 working days → 03-10 (deemed accepted), 60 days → 2025-05-09.
        var current = Single(CaseClock.Of(Review(new ReviewFiled("R9", "Q", D(2025, 3, 3))), s_calendar, D(2025, 3, 4)), DeadlineKind.ReviewDecision);
        current.Due.ShouldBe(D(2025, 5, 9));
    }
}
