using CaseFlow.Infrastructure;
using CaseFlow.Reviews;
using NodaTime;
using static CaseFlow.Tests.Support.Facts;

namespace CaseFlow.Tests.Reviews;

/// <summary>Given/when/then for the review (行政复议) and lawsuit (行政诉讼) deciders: every transition and rejection.</summary>
public sealed class CaseDeciderTests
{
    private static readonly LocalDate s_today = D(2026, 6, 30);
    private static readonly ReviewFiled s_filed = new("R1", "2025-001", D(2025, 3, 3));
    private static readonly LawsuitFiled s_sued = new("L1", "2025-001", D(2025, 3, 3), AfterReview: false);

    private static Decision Review(ReviewCommand command, params object[] given) =>
        CaseDecider.Decide(command, given.Aggregate(global::CaseFlow.Reviews.Review.Initial, global::CaseFlow.Reviews.Review.Evolve), s_today, CaseResultPolicies.Default);

    private static Decision Suit(LawsuitCommand command, params object[] given) =>
        CaseDecider.Decide(command, given.Aggregate(Lawsuit.Initial, Lawsuit.Evolve), s_today, CaseResultPolicies.Default);

    private static T Accepted<T>(Decision decision) => decision.ShouldBeOfType<Decision.Accepted>($"expected events, got {decision}").Events.ShouldHaveSingleItem().ShouldBeOfType<T>();

    private static void Rejected(Decision decision, string code)
    {
        var rejected = decision.ShouldBeOfType<Decision.Rejected>($"expected {code}, got {decision}");
        rejected.Code.ShouldBe(code);
        rejected.Message.ShouldNotBeNullOrWhiteSpace();
    }

    private static void Nothing(Decision decision) => decision.ShouldBeOfType<Decision.Accepted>().Events.ShouldBeEmpty();

    // ---- review ----

    [Fact]
    public void A_review_is_filed_once_and_not_in_the_future()
    {
        Accepted<ReviewFiled>(Review(new FileReview("R1", "2025-001", D(2025, 3, 3), " 市人民政府 "))).ReviewBody.ShouldBe("市人民政府");
        Rejected(Review(new FileReview("R1", "2025-001", D(2025, 3, 3), null), s_filed), "review.already-filed");
        Rejected(Review(new FileReview("R1", "2025-001", D(2026, 7, 1), null)), "date.in-future");
    }

    [Fact]
    public void Facts_about_a_review_that_was_never_filed_are_refused_as_not_found()
    {
        var rejected = Review(new AcceptReview(D(2025, 3, 5), false)).ShouldBeOfType<Decision.Rejected>();
        rejected.Code.ShouldBe("review.not-found");
        rejected.Kind.ShouldBe(RejectionKind.NotFound);
    }

    [Fact]
    public void Acceptance_records_the_procedure_and_a_second_different_acceptance_is_refused()
    {
        Accepted<ReviewAccepted>(Review(new AcceptReview(D(2025, 3, 5), true), s_filed)).Simplified.ShouldBeTrue();
        Nothing(Review(new AcceptReview(D(2025, 3, 5), true), s_filed, new ReviewAccepted(D(2025, 3, 5), true)));
        Rejected(Review(new AcceptReview(D(2025, 3, 6), false), s_filed, new ReviewAccepted(D(2025, 3, 5), true)), "review.already-accepted");
    }

    [Fact]
    public void The_review_body_may_ask_for_a_correction_before_acceptance_and_accepts_only_once_it_is_received()
    {
        var asked = Accepted<ReviewCorrectionRequested>(Review(new RequestReviewCorrection(D(2025, 3, 5), D(2025, 3, 12)), s_filed));
        asked.ReplyBy.ShouldBe(D(2025, 3, 12));
        Rejected(Review(new RequestReviewCorrection(D(2025, 3, 5), D(2025, 3, 4)), s_filed), "review.correction-reply-before-request");
        Rejected(Review(new RequestReviewCorrection(D(2025, 3, 6), null), s_filed, asked), "review.correction-pending");
        Rejected(Review(new AcceptReview(D(2025, 3, 6), false), s_filed, asked), "review.correction-pending");
        Rejected(Review(new ReceiveReviewCorrection(D(2025, 3, 6)), s_filed), "review.no-correction-pending");
        var received = Accepted<ReviewCorrectionReceived>(Review(new ReceiveReviewCorrection(D(2025, 3, 10)), s_filed, asked));
        Accepted<ReviewAccepted>(Review(new AcceptReview(D(2025, 3, 12), false), s_filed, asked, received));
        Rejected(Review(new RequestReviewCorrection(D(2025, 3, 13), null), s_filed, new ReviewAccepted(D(2025, 3, 12), false)), "review.already-accepted");
    }

    [Fact]
    public void The_simplified_procedure_exists_only_for_reviews_filed_under_the_2023_law()
    {
        var before = new ReviewFiled("R0", "2023-001", D(2023, 12, 20));
        Rejected(Review(new AcceptReview(D(2023, 12, 22), true), before), "review.simplified-not-available");
        Accepted<ReviewAccepted>(Review(new AcceptReview(D(2023, 12, 22), false), before));
        var after = new ReviewFiled("R2", "2024-001", D(2024, 1, 2));
        Accepted<ReviewAccepted>(Review(new AcceptReview(D(2024, 1, 3), true), after)).Simplified.ShouldBeTrue();
    }

    [Fact]
    public void Dates_may_not_precede_the_filing_or_the_latest_fact()
    {
        Rejected(Review(new AcceptReview(D(2025, 3, 1), false), s_filed), "date.before-filing");
        Rejected(Review(new ExtendReview(D(2025, 3, 4), 30), s_filed, new ReviewAccepted(D(2025, 3, 5), false)), "date.before-last-fact");
        Rejected(Review(new AcceptReview(D(2026, 7, 1), false), s_filed), "date.in-future");
    }

    [Fact]
    public void A_suspension_needs_a_reason_blocks_the_decision_and_ends_with_resumption()
    {
        Rejected(Review(new SuspendReview(D(2025, 4, 1), " "), s_filed), "review.reason-required");
        var suspended = Accepted<ReviewSuspended>(Review(new SuspendReview(D(2025, 4, 1), "等待相关案件结果"), s_filed));
        Rejected(Review(new SuspendReview(D(2025, 4, 2), "又一次"), s_filed, suspended), "review.already-suspended");
        Rejected(Review(new DecideReview(D(2025, 4, 5), ReviewDecision.Maintained, null, false, null), s_filed, suspended), "review.suspended");
        Rejected(Review(new ResumeReview(D(2025, 4, 5)), s_filed), "review.not-suspended");
        Accepted<ReviewResumed>(Review(new ResumeReview(D(2025, 4, 20)), s_filed, suspended));
    }

    [Fact]
    public void The_decision_period_is_extended_once_by_at_most_30_days_and_never_in_the_simplified_procedure()
    {
        var accepted = new ReviewAccepted(D(2025, 3, 5), false);
        Accepted<ReviewExtended>(Review(new ExtendReview(D(2025, 4, 20), 30), s_filed, accepted)).Days.ShouldBe(30);
        Rejected(Review(new ExtendReview(D(2025, 4, 20), 31), s_filed, accepted), "review.extension-out-of-range");
        Rejected(Review(new ExtendReview(D(2025, 4, 21), 10), s_filed, accepted, new ReviewExtended(D(2025, 4, 20), 20)), "review.already-extended");
        Rejected(Review(new ExtendReview(D(2025, 3, 20), 10), s_filed, new ReviewAccepted(D(2025, 3, 5), true)), "review.extension-simplified");
    }

    [Fact]
    public void A_decision_needs_a_type_or_result_that_agree_and_a_repeat_is_satisfied_while_a_change_is_refused()
    {
        Rejected(Review(new DecideReview(D(2025, 4, 20), null, null, false, null), s_filed), "review.result-required");
        Rejected(Review(new DecideReview(D(2025, 4, 20), ReviewDecision.ConfirmedIllegal, CaseResult.Maintained, false, null), s_filed), "review.result-mismatch");
        var decided = Accepted<ReviewDecided>(Review(new DecideReview(D(2025, 4, 20), ReviewDecision.Maintained, CaseResult.Maintained, false, null), s_filed));
        decided.Decision.ShouldBe(ReviewDecision.Maintained);
        decided.Result.ShouldBeNull(); // the type is the fact; the column is derived
        Nothing(Review(new DecideReview(D(2025, 4, 20), ReviewDecision.Maintained, null, false, null), s_filed, decided));
        Rejected(Review(new DecideReview(D(2025, 4, 21), ReviewDecision.Revoked, null, false, null), s_filed, decided), "review.decided");
        Rejected(Review(new SuspendReview(D(2025, 4, 22), "x"), s_filed, decided), "review.decided");
    }

    [Fact]
    public void An_order_to_perform_is_recorded_as_ordering_a_new_answer()
    {
        var decided = Accepted<ReviewDecided>(Review(new DecideReview(D(2025, 4, 20), ReviewDecision.OrderedToPerform, null, false, 15), s_filed));
        decided.OrdersNewAnswer.ShouldBeTrue();
        decided.AnswerWorkingDays.ShouldBe(15);
        Accepted<ReviewDecided>(Review(new DecideReview(D(2025, 4, 20), ReviewDecision.Maintained, null, false, null), s_filed)).OrdersNewAnswer.ShouldBeFalse();
    }

    [Fact]
    public void The_decision_is_served_once_and_only_after_it_is_made()
    {
        var decided = new ReviewDecided(D(2025, 4, 20), ReviewDecision.Maintained, null);
        Rejected(Review(new DeliverReviewDecision(D(2025, 4, 22)), s_filed), "review.not-decided");
        Accepted<ReviewDecisionDelivered>(Review(new DeliverReviewDecision(D(2025, 4, 22)), s_filed, decided));
        Nothing(Review(new DeliverReviewDecision(D(2025, 4, 22)), s_filed, decided, new ReviewDecisionDelivered(D(2025, 4, 22))));
        Rejected(Review(new DeliverReviewDecision(D(2025, 4, 25)), s_filed, decided, new ReviewDecisionDelivered(D(2025, 4, 22))), "review.already-delivered");
    }

    // ---- lawsuit ----

    [Fact]
    public void A_suit_is_filed_once_and_only_a_suit_after_review_can_make_the_agency_a_co_defendant()
    {
        Accepted<LawsuitFiled>(Suit(new FileLawsuit("L1", "2025-001", D(2025, 3, 3), false, " 区人民法院 ", null, AgencyRole.OriginalActor))).Court.ShouldBe("区人民法院");
        Rejected(Suit(new FileLawsuit("L1", "2025-001", D(2025, 3, 3), false, null, null, AgencyRole.OriginalActor), s_sued), "lawsuit.already-filed");
        Rejected(Suit(new FileLawsuit("L1", "2025-001", D(2025, 3, 3), false, null, null, AgencyRole.CoDefendantReviewBody)), "lawsuit.co-defendant-needs-review");
        Accepted<LawsuitFiled>(Suit(new FileLawsuit("L1", "2025-001", D(2025, 3, 3), true, null, "R1", AgencyRole.CoDefendantReviewBody))).Role.ShouldBe(AgencyRole.CoDefendantReviewBody);
        Rejected(Suit(new RegisterLawsuit(D(2025, 3, 5), false)), "lawsuit.not-found");
    }

    [Fact]
    public void Registration_suspension_and_resumption()
    {
        var registered = Accepted<LawsuitRegistered>(Suit(new RegisterLawsuit(D(2025, 3, 10), true), s_sued));
        Rejected(Suit(new RegisterLawsuit(D(2025, 3, 11), false), s_sued, registered), "lawsuit.already-registered");
        var suspended = Accepted<LawsuitSuspended>(Suit(new SuspendLawsuit(D(2025, 4, 1), "中止"), s_sued));
        Rejected(Suit(new SuspendLawsuit(D(2025, 4, 2), "中止"), s_sued, suspended), "lawsuit.already-suspended");
        Rejected(Suit(new JudgeLawsuit(D(2025, 4, 3), JudgmentType.ClaimDismissed, null, false, true, null, false, null), s_sued, suspended), "lawsuit.suspended");
        Rejected(Suit(new ResumeLawsuit(D(2025, 4, 3)), s_sued), "lawsuit.not-suspended");
        Accepted<LawsuitResumed>(Suit(new ResumeLawsuit(D(2025, 5, 3)), s_sued, suspended));
    }

    [Fact]
    public void A_first_instance_judgment_is_appealed_or_takes_effect_and_the_second_instance_decides()
    {
        Rejected(Suit(new JudgeLawsuit(D(2025, 8, 1), null, null, false, true, null, false, null), s_sued), "lawsuit.result-required");
        Rejected(Suit(new JudgeLawsuit(D(2025, 8, 1), JudgmentType.Revoked, CaseResult.Maintained, false, true, null, false, null), s_sued), "lawsuit.result-mismatch");
        Rejected(Suit(new AppealJudgment(D(2025, 8, 5), false), s_sued), "lawsuit.not-judged");
        Rejected(Suit(new JudgmentTakesEffect(D(2025, 8, 20)), s_sued), "lawsuit.not-judged");

        var first = Accepted<LawsuitJudged>(Suit(new JudgeLawsuit(D(2025, 8, 1), JudgmentType.ClaimDismissed, null, false, false, null, false, null), s_sued));
        first.Instance.ShouldBe(1);
        first.InForce.ShouldBeFalse();
        Rejected(Suit(new JudgeLawsuit(D(2025, 8, 2), JudgmentType.Revoked, null, false, false, null, false, null), s_sued, first), "lawsuit.awaiting-appeal-window");
        Accepted<JudgmentInForce>(Suit(new JudgmentTakesEffect(D(2025, 8, 20)), s_sued, first));

        var appealed = Accepted<JudgmentAppealed>(Suit(new AppealJudgment(D(2025, 8, 10), false), s_sued, first));
        Rejected(Suit(new AppealJudgment(D(2025, 8, 11), true), s_sued, first, appealed), "lawsuit.already-appealed");
        Rejected(Suit(new JudgmentTakesEffect(D(2025, 8, 20)), s_sued, first, appealed), "lawsuit.under-appeal");

        var reversed = Accepted<LawsuitJudged>(Suit(new JudgeLawsuit(D(2025, 11, 20), JudgmentType.Revoked, null, false, true, null, false, null), s_sued, first, appealed));
        reversed.Instance.ShouldBe(2);
        reversed.Appeal.ShouldBe(AppealOutcome.Reversed);
        reversed.InForce.ShouldBeTrue();
        var upheld = Accepted<LawsuitJudged>(Suit(new JudgeLawsuit(D(2025, 11, 20), null, CaseResult.Maintained, false, true, null, false, null), s_sued, first, appealed));
        upheld.Appeal.ShouldBe(AppealOutcome.Upheld);
        var remanded = Accepted<LawsuitJudged>(Suit(new JudgeLawsuit(D(2025, 11, 20), null, null, true, true, AppealOutcome.Remanded, false, null), s_sued, first, appealed));
        remanded.InForce.ShouldBeFalse();

        var done = new object[] { s_sued, first, appealed, reversed };
        Nothing(Suit(new JudgeLawsuit(D(2025, 11, 20), JudgmentType.Revoked, null, false, true, null, false, null), done));
        Rejected(Suit(new JudgeLawsuit(D(2025, 12, 1), JudgmentType.ClaimDismissed, null, false, true, null, false, null), done), "lawsuit.concluded");
        Rejected(Suit(new SuspendLawsuit(D(2025, 12, 1), "x"), done), "lawsuit.concluded");
    }

    [Fact]
    public void A_remand_sends_the_case_back_to_a_new_first_instance()
    {
        var first = new LawsuitJudged(D(2025, 8, 1), 1, JudgmentType.ClaimDismissed, null);
        var remanded = new LawsuitJudged(D(2025, 11, 20), 2, null, null, InForce: false, Appeal: AppealOutcome.Remanded);
        var state = new object[] { s_sued, first, new JudgmentAppealed(D(2025, 8, 10), false), remanded }.Aggregate(Lawsuit.Initial, Lawsuit.Evolve);
        state.Concluded.ShouldBeFalse();
        state.FirstInstance.ShouldBeNull();
        var retried = Accepted<LawsuitJudged>(Suit(new JudgeLawsuit(D(2026, 3, 2), JudgmentType.ConfirmedIllegal, null, false, true, null, false, null),
            s_sued, first, new JudgmentAppealed(D(2025, 8, 10), false), remanded));
        retried.Instance.ShouldBe(1);
    }

    // ---- the agency's copy, reply and defence ----

    [Fact]
    public void The_copy_of_the_review_application_is_received_once_on_or_after_filing_whatever_was_recorded_since()
    {
        var accepted = new ReviewAccepted(D(2025, 3, 10), false);
        Accepted<ReviewCopyReceived>(Review(new ReceiveReviewCopy(D(2025, 3, 7)), s_filed, accepted)).On.ShouldBe(D(2025, 3, 7));
        Nothing(Review(new ReceiveReviewCopy(D(2025, 3, 7)), s_filed, new ReviewCopyReceived(D(2025, 3, 7))));
        Rejected(Review(new ReceiveReviewCopy(D(2025, 3, 8)), s_filed, new ReviewCopyReceived(D(2025, 3, 7))), "case.copy-already-received");
        Rejected(Review(new ReceiveReviewCopy(D(2025, 3, 2)), s_filed), "date.before-filing");
        Rejected(Review(new ReceiveReviewCopy(D(2026, 7, 1)), s_filed), "date.in-future");
        Accepted<ReviewReplySubmitted>(Review(new SubmitReviewReply(D(2025, 3, 20)), s_filed, new ReviewCopyReceived(D(2025, 3, 7))));
    }

    [Fact]
    public void The_complaint_copy_and_the_defence_are_recorded_once()
    {
        Accepted<ComplaintCopyReceived>(Suit(new ReceiveComplaintCopy(D(2025, 3, 12)), s_sued)).On.ShouldBe(D(2025, 3, 12));
        Rejected(Suit(new ReceiveComplaintCopy(D(2025, 3, 13)), s_sued, new ComplaintCopyReceived(D(2025, 3, 12))), "case.copy-already-received");
        Accepted<DefenceSubmitted>(Suit(new SubmitDefence(D(2025, 3, 20)), s_sued));
        Rejected(Suit(new SubmitDefence(D(2025, 3, 21)), s_sued, new DefenceSubmitted(D(2025, 3, 20))), "case.defence-already-submitted");
    }

    [Fact]
    public void A_suit_naming_its_review_is_after_review_and_saying_otherwise_is_a_contradiction()
    {
        Rejected(Suit(new FileLawsuit("L2", "2025-001", D(2025, 6, 3), false, null, "R1", AgencyRole.OriginalActor)), "lawsuit.after-review-contradiction");
        Accepted<LawsuitFiled>(Suit(new FileLawsuit("L2", "2025-001", D(2025, 6, 3), true, null, "R1", AgencyRole.OriginalActor))).AfterReview.ShouldBeTrue();
    }
}
