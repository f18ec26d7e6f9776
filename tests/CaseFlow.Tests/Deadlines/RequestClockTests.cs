using CaseFlow.Deadlines;
using CaseFlow.Requests;
using CaseFlow.Tests.Support;
using static CaseFlow.Tests.Support.Facts;

namespace CaseFlow.Tests.Deadlines;

public sealed class RequestClockTests
{
    private static Deadline Answer(params object[] events) => Answer(ClockPolicies.Default, D(2026, 6, 30), events);

    private static Deadline Answer(ClockPolicies policies, NodaTime.LocalDate asOf, params object[] events) =>
        RequestClock.AnswerDue(events.Aggregate(Request.Initial, Request.Evolve), RequestSpec.Calendar, policies, asOf);

    [Fact]
    public void The_answer_is_due_20_working_days_after_receipt_and_says_how()
    {
        var due = Answer(Received(D(2025, 9, 26), Channel.Online));

        due.Due.ShouldBe(D(2025, 10, 30));
        due.Provisional.ShouldBeFalse();
        due.SafeTarget.ShouldBe(D(2025, 10, 29));
        var text = string.Join("\n", due.Explanation.Chinese);
        text.ShouldContain("2025-09-26（星期五） 收到申请");
        text.ShouldContain("第1个工作日为 2025-09-28（星期日）");
        text.ShouldContain("2025-10-01至2025-10-08 为法定节假日");
        text.ShouldContain("2025-09-28（星期日）、2025-10-11（星期六） 为调休上班日");
        text.ShouldContain("届满于 2025-10-30（星期四）");
        string.Join(" ", due.Explanation.English).ShouldContain("2025-10-01…2025-10-08 are public holidays");
    }

    [Fact]
    public void An_extension_runs_on_from_the_end_of_the_first_period()
    {
        var due = Answer(Received(D(2025, 9, 26)), new ExtensionApproved(D(2025, 10, 20), 20, "王主任"));

        due.Due.ShouldBe(D(2025, 11, 27));
        due.Explanation.Chinese.ShouldContain(l => l.Contains("王主任") && l.Contains("延长 20 个工作日"));
    }

    [Fact]
    public void Consultation_time_is_left_out_including_make_up_working_days_in_it()
    {
        // Paused after 10-09 through 10-15: 10-10, 10-11 (make-up Saturday), 10-13, 10-14, 10-15.
        var due = Answer(Received(D(2025, 9, 26)),
            new ConsultationStarted(D(2025, 10, 9), ConsultationParty.ThirdParty, "某公司"),
            new ConsultationEnded(D(2025, 10, 15), ConsultationParty.ThirdParty, ConsultationResult.Replied));

        due.Due.ShouldBe(D(2025, 11, 6));
        due.Explanation.Chinese.ShouldContain(l => l.Contains("征求第三方意见") && l.Contains("5 个工作日不计入"));
    }

    [Fact]
    public void An_open_pause_is_counted_as_if_it_ended_on_the_as_of_day()
    {
        var events = new object[] { Received(D(2025, 9, 26)), new ConsultationStarted(D(2025, 10, 9), ConsultationParty.OtherAgency) };

        Answer(ClockPolicies.Default, D(2025, 10, 15), events).Due.ShouldBe(D(2025, 11, 6));
        Answer(ClockPolicies.Default, D(2025, 10, 20), events).Due.ShouldBe(D(2025, 11, 11));
    }

    [Fact]
    public void A_corrected_request_restarts_the_period_and_an_awaited_one_is_provisional()
    {
        var asked = new object[] { Received(D(2025, 9, 26)), new ClarificationRequested(D(2025, 9, 30), D(2025, 10, 17), ["文件名称"]) };

        var waiting = Answer(ClockPolicies.Default, D(2025, 10, 15), asked);
        waiting.Due.ShouldBe(D(2025, 11, 12));
        waiting.Provisional.ShouldBeTrue();

        var restarted = Answer([.. asked, new CorrectedRequestReceived(D(2025, 10, 20))]);
        restarted.Due.ShouldBe(D(2025, 11, 17));
        restarted.Provisional.ShouldBeFalse();
        restarted.Explanation.Chinese[0].ShouldContain("收到补正后的申请");
    }

    [Fact]
    public void The_fee_period_pauses_the_clock_by_default_and_not_under_the_running_policy()
    {
        var events = new object[]
        {
            Received(D(2025, 9, 26)),
            new FeeNoticeIssued(D(2025, 10, 9), 100m, FeeMethod.PerItem, 11),
            new FeePaid(D(2025, 10, 15)),
        };

        Answer(events).Due.ShouldBe(D(2025, 11, 6));
        Answer(ClockPolicies.Default with { FeeClock = FeeClockRule.Running }, D(2026, 6, 30), events).Due.ShouldBe(D(2025, 10, 30));
    }

    [Fact]
    public void An_art_35_delayed_date_replaces_the_computed_one()
    {
        var due = Answer(Received(D(2025, 9, 26)), new VolumeReasonsRequested(D(2025, 10, 9)), new DelayedAnswerDateSet(D(2025, 10, 20), D(2025, 12, 31), "申请数量巨大"));

        due.Due.ShouldBe(D(2025, 12, 31));
        due.Explanation.Chinese[0].ShouldContain("第三十五条");
    }

    [Fact]
    public void A_reopened_request_gets_a_new_clock_of_the_ordered_length()
    {
        var due = Answer(Received(D(2025, 3, 3)), new RequestAnswered(D(2025, 3, 20), [new AnsweredItem(null, Outcome.UnableNotHeld)], AnswerType.DoesNotExist),
            new RequestReopened(D(2025, 9, 26), "复议〔2025〕7号", WorkingDays: 15));

        due.Due.ShouldBe(D(2025, 10, 23));
        due.Explanation.Chinese[0].ShouldContain("复议〔2025〕7号");
    }

    [Fact]
    public void The_clarification_notice_fee_and_consultation_deadlines_are_derived_too()
    {
        var state = new object[]
        {
            Received(D(2025, 9, 26)),
            new ConsultationStarted(D(2025, 10, 9), ConsultationParty.ThirdParty, "某公司"),
        }.Aggregate(Request.Initial, Request.Evolve);
        var deadlines = RequestClock.Compute(state, RequestSpec.Calendar, ClockPolicies.Default, D(2025, 10, 10));

        deadlines.ClarificationNotice.Due.ShouldBe(D(2025, 10, 13));
        deadlines.ConsultationReplies.Single().Due.ShouldBe(D(2025, 10, 29));
        deadlines.ConsultationReplies.Single().Subject.ShouldBe("某公司");

        var withFee = Request.Evolve(Request.Evolve(state, new ConsultationEnded(D(2025, 10, 10), ConsultationParty.ThirdParty, ConsultationResult.Consented)),
            new FeeNoticeIssued(D(2025, 10, 10), 300m, FeeMethod.PerPage, 60));
        RequestClock.FeePaymentDue(withFee, RequestSpec.Calendar, ClockPolicies.Default)!.Due.ShouldBe(D(2025, 11, 6));
    }

    [Fact]
    public void Without_a_reply_by_date_the_applicants_correction_deadline_is_the_policy_default()
    {
        var state = new object[] { Received(D(2025, 9, 26)), new ClarificationRequested(D(2025, 9, 30), null, []) }.Aggregate(Request.Initial, Request.Evolve);
        var due = RequestClock.ApplicantClarificationDue(state, RequestSpec.Calendar, ClockPolicies.Default)!;

        due.Due.ShouldBe(D(2025, 10, 28));
        due.Explanation.Chinese[0].ShouldContain("默认政策");
    }
}
