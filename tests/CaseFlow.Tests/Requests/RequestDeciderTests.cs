using CaseFlow.Deadlines;
using CaseFlow.Infrastructure;
using CaseFlow.Requests;
using static CaseFlow.Tests.Support.Facts;
using static CaseFlow.Tests.Support.RequestSpec;

namespace CaseFlow.Tests.Requests;

public sealed class RequestDeciderTests
{
    private static readonly RequestReceived s_receipt = Received(D(2025, 9, 26));

    // --- receive -------------------------------------------------------------------------------------------------

    [Fact]
    public void GivenNothing_WhenReceived_ThenRequestReceived() =>
        Given().Then(new ReceiveRequest("2025-001", D(2025, 9, 26), Channel.InPerson, Person, " 某文件 "),
            new RequestReceived("2025-001", D(2025, 9, 26), Channel.InPerson, Person, "某文件"));

    [Fact]
    public void GivenReceived_WhenReceivedAgain_ThenConflict() =>
        Given(s_receipt).ThenRejected(new ReceiveRequest("2025-001", D(2025, 9, 26), Channel.InPerson, Person), "request.already-received")
            .Kind.ShouldBe(RejectionKind.Conflict);

    [Fact]
    public void GivenNothing_WhenReceivedTomorrow_ThenRejected() =>
        Given().Today(D(2025, 9, 25)).ThenRejected(new ReceiveRequest("x", D(2025, 9, 26), Channel.InPerson, Person), "date.in-future");

    [Fact]
    public void GivenNothing_WhenReceivedBeforeThe2019Regulations_ThenRejected() =>
        Given().ThenRejected(new ReceiveRequest("x", D(2019, 5, 14), Channel.InPerson, Person), "receipt.before-regulations");

    [Fact]
    public void GivenNothing_WhenReceivedWithoutApplicantName_ThenRejected() =>
        Given().ThenRejected(new ReceiveRequest("x", D(2025, 9, 26), Channel.InPerson, Person with { Name = " " }), "applicant.name-required");

    [Fact]
    public void GivenNothing_WhenConfirmedBeforeItArrived_ThenRejected() =>
        Given().ThenRejected(new ReceiveRequest("x", D(2025, 9, 26), Channel.Online, Person, ArrivedOn: D(2025, 9, 26), ConfirmedOn: D(2025, 9, 25)),
            "receipt.confirmed-before-arrival");

    [Fact]
    public void GivenNothing_WhenAnOnlineRequestIsDatedByArrivalNotConfirmation_ThenRejectedWithTheStatutoryDate()
    {
        var rejected = Given().ThenRejected(new ReceiveRequest("x", D(2025, 9, 26), Channel.Online, Person, ArrivedOn: D(2025, 9, 26), ConfirmedOn: D(2025, 9, 29)),
            "receipt.not-statutory-date");
        rejected.Message.ShouldContain("2025-09-29");
        rejected.Message.ShouldContain("双方确认之日");
    }

    [Fact]
    public void GivenNothing_WhenAnyOtherCommand_ThenNotFound() =>
        Given().ThenRejected(new ApproveExtension(D(2025, 10, 9), 5, "王主任"), "request.not-found").Kind.ShouldBe(RejectionKind.NotFound);

    // --- dates in order ------------------------------------------------------------------------------------------

    [Fact]
    public void GivenReceived_WhenAFactIsDatedBeforeReceipt_ThenRejected() =>
        Given(s_receipt).ThenRejected(new StartConsultation(D(2025, 9, 25), ConsultationParty.ThirdParty), "date.before-receipt");

    [Fact]
    public void GivenReceived_WhenAFactIsDatedInTheFuture_ThenRejected() =>
        Given(s_receipt).Today(D(2025, 10, 9)).ThenRejected(new StartConsultation(D(2025, 10, 10), ConsultationParty.ThirdParty), "date.in-future");

    [Fact]
    public void GivenALaterFact_WhenAnEarlierOneIsRecorded_ThenRejected() =>
        Given(s_receipt, new ConsultationStarted(D(2025, 10, 13), ConsultationParty.ThirdParty))
            .ThenRejected(new ApproveExtension(D(2025, 10, 10), 5, "王主任"), "date.before-last-fact");

    [Fact]
    public void GivenAssigned_WhenTheSameOfficerIsAssigned_ThenNothing() =>
        Given(s_receipt, new OfficerAssigned("li", D(2025, 9, 27))).ThenNothing(new AssignOfficer("li", D(2025, 9, 28)));

    [Fact]
    public void GivenReceived_WhenAssignedNobody_ThenRejected() =>
        Given(s_receipt).ThenRejected(new AssignOfficer(" ", D(2025, 9, 28)), "officer.required");

    // --- clarification (补正) -------------------------------------------------------------------------------------

    [Fact]
    public void GivenReceived_WhenClarificationRequested_ThenNoticeSent() =>
        Given(s_receipt).Then(new RequestClarification(D(2025, 9, 30), D(2025, 10, 17), ["文件名称", " "]),
            new ClarificationRequested(D(2025, 9, 30), D(2025, 10, 17), ["文件名称"]));

    [Fact]
    public void GivenPendingNotice_WhenAnotherIsRequested_ThenRejected() =>
        Given(s_receipt, new ClarificationRequested(D(2025, 9, 30), null, []))
            .ThenRejected(new RequestClarification(D(2025, 10, 9), null, []), "clarification.already-pending");

    [Fact]
    public void GivenACorrectedRequest_WhenASecondNoticeIsRequested_ThenRejectedUnlessThePolicyAllowsIt()
    {
        var spec = Given(s_receipt, new ClarificationRequested(D(2025, 9, 30), null, []), new CorrectedRequestReceived(D(2025, 10, 9)));
        spec.ThenRejected(new RequestClarification(D(2025, 10, 10), null, []), "clarification.only-once");
        spec.With(ClockPolicies.Default with { ClarificationNotices = ClarificationNoticeRule.AgainAfterCorrection })
            .Then(new RequestClarification(D(2025, 10, 10), null, []), new ClarificationRequested(D(2025, 10, 10), null, []));
    }

    [Fact]
    public void GivenReceived_WhenTheReplyByDateIsNotAfterTheNotice_ThenRejected() =>
        Given(s_receipt).ThenRejected(new RequestClarification(D(2025, 9, 30), D(2025, 9, 30), []), "clarification.reply-by-not-after-notice");

    [Fact]
    public void GivenAConsultationUnderway_WhenClarificationRequested_ThenRejected() =>
        Given(s_receipt, new ConsultationStarted(D(2025, 9, 29), ConsultationParty.ThirdParty))
            .ThenRejected(new RequestClarification(D(2025, 9, 30), null, []), "clarification.while-suspended");

    [Fact]
    public void GivenPendingNotice_WhenCorrectionReceived_ThenTheClockRestarts() =>
        Given(s_receipt, new ClarificationRequested(D(2025, 9, 30), null, []))
            .Then(new ReceiveClarification(D(2025, 10, 20)), new CorrectedRequestReceived(D(2025, 10, 20)));

    [Fact]
    public void GivenNoNotice_WhenCorrectionReceived_ThenRejected() =>
        Given(s_receipt).ThenRejected(new ReceiveClarification(D(2025, 10, 20)), "clarification.not-pending");

    // --- extension (延期) -----------------------------------------------------------------------------------------

    [Fact]
    public void GivenReceived_WhenExtensionApproved_ThenExtended() =>
        Given(s_receipt).Then(new ApproveExtension(D(2025, 10, 20), 20, " 王主任 ", "需要调取档案"),
            new ExtensionApproved(D(2025, 10, 20), 20, "王主任", "需要调取档案"));

    [Fact]
    public void GivenReceived_WhenExtendedWithoutApprover_ThenRejected() =>
        Given(s_receipt).ThenRejected(new ApproveExtension(D(2025, 10, 20), 10, ""), "extension.approval-required");

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void GivenReceived_WhenExtendedByAnImpossibleLength_ThenRejected(int days) =>
        Given(s_receipt).ThenRejected(new ApproveExtension(D(2025, 10, 20), days, "王主任"), "extension.days-out-of-range");

    [Fact]
    public void GivenExtendedBy15_WhenExtendedBy10More_ThenRejectedOverTheLimitOf20() =>
        Given(s_receipt, new ExtensionApproved(D(2025, 10, 20), 15, "王主任"))
            .ThenRejected(new ApproveExtension(D(2025, 10, 21), 10, "王主任"), "extension.exceeds-limit");

    [Fact]
    public void GivenTheAnswerPeriodExpired_WhenExtended_ThenRejected() =>
        Given(s_receipt).ThenRejected(new ApproveExtension(D(2025, 10, 31), 10, "王主任"), "extension.after-deadline")
            .Message.ShouldContain("2025-10-30");

    [Fact]
    public void GivenAwaitingCorrection_WhenExtended_ThenRejected() =>
        Given(s_receipt, new ClarificationRequested(D(2025, 9, 30), null, []))
            .ThenRejected(new ApproveExtension(D(2025, 10, 9), 10, "王主任"), "extension.while-awaiting-clarification");

    [Fact]
    public void GivenADelayedDateUnderArt35_WhenExtended_ThenRejected() =>
        Given(s_receipt, new VolumeReasonsRequested(D(2025, 9, 30)), new DelayedAnswerDateSet(D(2025, 10, 9), D(2025, 12, 31), "数量大"))
            .ThenRejected(new ApproveExtension(D(2025, 10, 10), 10, "王主任"), "extension.fixed-due-date");

    // --- approval asked for (报请审批) ----------------------------------------------------------------------------

    private static readonly ExtensionApprovalRequested s_asked = new(D(2025, 10, 20), 15, "需要调取档案", "李娜");

    [Fact]
    public void GivenReceived_WhenAnOfficerAsksForAnExtension_ThenItAwaitsTheApprover() =>
        Given(s_receipt).Then(new AskForExtension(D(2025, 10, 20), 15, " 需要调取档案 ", "李娜"), s_asked);

    [Fact]
    public void GivenReceived_WhenAnOfficerAsksForMoreThanTheLawAllows_ThenRejectedBeforeTheApproverIsAsked() =>
        Given(s_receipt).ThenRejected(new AskForExtension(D(2025, 10, 20), 21, "需要调取档案", "李娜"), "extension.days-out-of-range");

    [Fact]
    public void GivenReceived_WhenAnOfficerAsksWithoutAReason_ThenRejected() =>
        Given(s_receipt).ThenRejected(new AskForExtension(D(2025, 10, 20), 10, " ", "李娜"), "approval.reason-required");

    [Fact]
    public void GivenAnExtensionAwaitingApproval_WhenAskedAgain_ThenConflict() =>
        Given(s_receipt, s_asked).ThenRejected(new AskForExtension(D(2025, 10, 21), 5, "再延", "李娜"), "approval.already-pending").Kind.ShouldBe(RejectionKind.Conflict);

    [Fact]
    public void GivenAnExtensionAwaitingApproval_WhenTheApproverApproves_ThenTheExtensionAskedForIsApprovedInTheApproversName() =>
        Given(s_receipt, s_asked).Then(new ApprovePending(D(2025, 10, 21), "王主任"), new ExtensionApproved(D(2025, 10, 21), 15, "王主任", "需要调取档案"));

    [Fact]
    public void GivenAnExtensionAwaitingApproval_WhenTheApproverRefuses_ThenRefusedWithTheComment() =>
        Given(s_receipt, s_asked).Then(new RefusePending(D(2025, 10, 21), " 理由不充分 ", "王主任"), new ExtensionRefused(D(2025, 10, 21), "理由不充分", "王主任"));

    [Fact]
    public void GivenAnExtensionAwaitingApproval_WhenRefusedWithoutAComment_ThenRejected() =>
        Given(s_receipt, s_asked).ThenRejected(new RefusePending(D(2025, 10, 21), "", "王主任"), "approval.comment-required");

    [Fact]
    public void GivenARefusedExtension_WhenApproved_ThenNothingIsPending() =>
        Given(s_receipt, s_asked, new ExtensionRefused(D(2025, 10, 21), "理由不充分", "王主任"))
            .ThenRejected(new ApprovePending(D(2025, 10, 22), "王主任"), "approval.not-pending");

    [Fact]
    public void GivenAnExtensionAwaitingApproval_WhenTheAnswerPeriodEndsBeforeTheApproval_ThenTheApprovalIsRejected() =>
        // Asked on 10-20, approved on 10-31: the period ended on 10-30, the approval cannot revive it (art. 33).
        Given(s_receipt, s_asked).ThenRejected(new ApprovePending(D(2025, 10, 31), "王主任"), "extension.after-deadline");

    [Fact]
    public void GivenVolumeReasonsAsked_WhenAnOfficerAsksForADelayedDate_ThenItAwaitsTheApproverAndIsApprovedAsAsked() =>
        Given(s_receipt, new VolumeReasonsRequested(D(2025, 9, 30)), new DelayedAnswerDateApprovalRequested(D(2025, 10, 9), D(2025, 12, 31), "数量大", "李娜"))
            .Then(new ApprovePending(D(2025, 10, 10), "王主任"), new DelayedAnswerDateSet(D(2025, 10, 10), D(2025, 12, 31), "数量大", "王主任"));

    [Fact]
    public void GivenAnExtensionAwaitingApproval_WhenAnswered_ThenNothingIsLeftAwaiting()
    {
        var state = new object[] { s_receipt, s_asked, new RequestAnswered(D(2025, 10, 22), [new AnsweredItem(null, Outcome.Disclosed)], AnswerType.Provided) }
            .Aggregate(Request.Initial, Request.Evolve);
        state.AwaitingApproval.ShouldBeNull();
    }

    // --- consultation (征求意见) ----------------------------------------------------------------------------------

    [Fact]
    public void GivenReceived_WhenConsultationStarted_ThenTheClockPauses() =>
        Given(s_receipt).Then(new StartConsultation(D(2025, 10, 9), ConsultationParty.ThirdParty, "某公司"),
            new ConsultationStarted(D(2025, 10, 9), ConsultationParty.ThirdParty, "某公司"));

    [Fact]
    public void GivenAThirdPartyConsultation_WhenTheSameConsultationStartsAgain_ThenRejected() =>
        Given(s_receipt, new ConsultationStarted(D(2025, 10, 9), ConsultationParty.ThirdParty))
            .ThenRejected(new StartConsultation(D(2025, 10, 10), ConsultationParty.ThirdParty), "consultation.already-open");

    [Fact]
    public void GivenAThirdPartyConsultation_WhenAnotherAgencyIsConsultedToo_ThenAccepted() =>
        Given(s_receipt, new ConsultationStarted(D(2025, 10, 9), ConsultationParty.ThirdParty))
            .Then(new StartConsultation(D(2025, 10, 10), ConsultationParty.OtherAgency), new ConsultationStarted(D(2025, 10, 10), ConsultationParty.OtherAgency));

    [Fact]
    public void GivenAwaitingCorrection_WhenConsultationStarted_ThenRejected() =>
        Given(s_receipt, new ClarificationRequested(D(2025, 9, 30), null, []))
            .ThenRejected(new StartConsultation(D(2025, 10, 9), ConsultationParty.ThirdParty), "consultation.while-awaiting-clarification");

    [Fact]
    public void GivenNoConsultation_WhenEnded_ThenRejected() =>
        Given(s_receipt).ThenRejected(new EndConsultation(D(2025, 10, 9), null, ConsultationResult.Replied), "consultation.not-open");

    [Fact]
    public void GivenTwoConsultations_WhenOneEndsWithoutSayingWhich_ThenRejected_AndWithTheParty_ThenEnded()
    {
        var spec = Given(s_receipt, new ConsultationStarted(D(2025, 10, 9), ConsultationParty.ThirdParty), new ConsultationStarted(D(2025, 10, 9), ConsultationParty.OtherAgency));
        spec.ThenRejected(new EndConsultation(D(2025, 10, 13), null, ConsultationResult.Replied), "consultation.party-required");
        spec.Then(new EndConsultation(D(2025, 10, 13), ConsultationParty.OtherAgency, ConsultationResult.Consented),
            new ConsultationEnded(D(2025, 10, 13), ConsultationParty.OtherAgency, ConsultationResult.Consented));
    }

    // --- art. 35 ---------------------------------------------------------------------------------------------------

    [Fact]
    public void GivenReasonsAsked_WhenAskedAgain_ThenNothing() =>
        Given(s_receipt, new VolumeReasonsRequested(D(2025, 9, 30))).ThenNothing(new AskVolumeReasons(D(2025, 10, 9)));

    [Fact]
    public void GivenNoReasonsAsked_WhenADelayedDateIsSet_ThenRejected() =>
        Given(s_receipt).ThenRejected(new SetDelayedAnswerDate(D(2025, 10, 9), D(2025, 12, 31), "数量大", "王主任"), "volume.reasons-not-requested");

    [Fact]
    public void GivenReasonsAsked_WhenTheDelayedDateIsNotLater_ThenRejected_AndWithoutReason_ThenRejected()
    {
        var spec = Given(s_receipt, new VolumeReasonsRequested(D(2025, 9, 30)));
        spec.ThenRejected(new SetDelayedAnswerDate(D(2025, 10, 9), D(2025, 10, 9), "数量大", "王主任"), "volume.due-not-after-decision");
        spec.ThenRejected(new SetDelayedAnswerDate(D(2025, 10, 9), D(2025, 12, 31), " ", "王主任"), "volume.reason-required");
        spec.Then(new SetDelayedAnswerDate(D(2025, 10, 9), D(2025, 12, 31), "数量大", " 王主任 "), new DelayedAnswerDateSet(D(2025, 10, 9), D(2025, 12, 31), "数量大", "王主任"));
    }

    [Fact]
    public void GivenReasonsAsked_WhenADelayedDateIsSetWithoutApproval_ThenRejected() =>
        Given(s_receipt, new VolumeReasonsRequested(D(2025, 9, 30)))
            .ThenRejected(new SetDelayedAnswerDate(D(2025, 10, 9), D(2025, 12, 31), "数量大", null), "volume.approval-required");

    [Fact]
    public void GivenReasonsAsked_WhenTheDelayedDateIsNotLaterThanTheCurrentDeadline_ThenRejected()
    {
        // Received Fri 2025-09-26: 20 working days end Thu 2025-10-30 (ogi-rules §1.10 worked example).
        var spec = Given(s_receipt, new VolumeReasonsRequested(D(2025, 9, 30)));
        spec.ThenRejected(new SetDelayedAnswerDate(D(2025, 10, 9), D(2025, 10, 30), "数量大", "王主任"), "volume.due-not-later").Message.ShouldContain("2025-10-30");
        spec.Then(new SetDelayedAnswerDate(D(2025, 10, 9), D(2025, 10, 31), "数量大", "王主任"), new DelayedAnswerDateSet(D(2025, 10, 9), D(2025, 10, 31), "数量大", "王主任"));
    }

    // --- fees ------------------------------------------------------------------------------------------------------

    [Fact]
    public void GivenReceived_WhenAFeeNoticeIsIssued_ThenIssuedWithTheAmountInYuanAndFen() =>
        Given(s_receipt).Then(new IssueFeeNotice(D(2025, 10, 9), 1100.004m, FeeMethod.PerItem, 21),
            new FeeNoticeIssued(D(2025, 10, 9), 1100.00m, FeeMethod.PerItem, 21));

    [Fact]
    public void GivenReceived_WhenAFeeOfZeroIsIssued_ThenRejected() =>
        Given(s_receipt).ThenRejected(new IssueFeeNotice(D(2025, 10, 9), 0m, FeeMethod.Stated), "fee.amount-invalid");

    [Fact]
    public void GivenAnUnpaidFee_WhenAnotherNoticeIsIssued_ThenRejected() =>
        Given(s_receipt, new FeeNoticeIssued(D(2025, 10, 9), 100m, FeeMethod.Stated))
            .ThenRejected(new IssueFeeNotice(D(2025, 10, 10), 100m, FeeMethod.Stated), "fee.already-pending");

    [Fact]
    public void GivenAwaitingCorrection_WhenAFeeNoticeIsIssued_ThenRejected() =>
        Given(s_receipt, new ClarificationRequested(D(2025, 9, 30), null, []))
            .ThenRejected(new IssueFeeNotice(D(2025, 10, 9), 100m, FeeMethod.Stated), "fee.while-awaiting-clarification");

    [Fact]
    public void GivenNoFee_WhenPaid_ThenRejected_AndGivenAFee_ThenPaid()
    {
        Given(s_receipt).ThenRejected(new PayFee(D(2025, 10, 9)), "fee.not-pending");
        Given(s_receipt, new FeeNoticeIssued(D(2025, 10, 9), 100m, FeeMethod.Stated)).Then(new PayFee(D(2025, 10, 13)), new FeePaid(D(2025, 10, 13)));
    }

    // --- answer ----------------------------------------------------------------------------------------------------

    [Fact]
    public void GivenReceived_WhenAnswered_ThenAnsweredWithTheAnswerTypeOfTheRow() =>
        Given(s_receipt).Then(new AnswerRequest(D(2025, 10, 20), [new AnsweredItem(null, Outcome.RefusedStateSecret)], Article: "第十四条"),
            new RequestAnswered(D(2025, 10, 20), [new AnsweredItem(null, Outcome.RefusedStateSecret)], AnswerType.NotDisclosed, "第十四条"));

    [Fact]
    public void GivenAnswered_WhenTheSameAnswerIsRecordedAgain_ThenNothing_AndADifferentOne_ThenRejected()
    {
        var spec = Given(s_receipt, new RequestAnswered(D(2025, 10, 20), [new AnsweredItem(null, Outcome.Disclosed)], AnswerType.Provided));
        spec.ThenNothing(new AnswerRequest(D(2025, 10, 20), [new AnsweredItem(null, Outcome.Disclosed)]));
        spec.ThenRejected(new AnswerRequest(D(2025, 10, 21), [new AnsweredItem(null, Outcome.UnableNotHeld)]), "request.concluded");
    }

    [Fact]
    public void GivenReceived_WhenAnsweredWithNoOutcome_ThenRejected() =>
        Given(s_receipt).ThenRejected(new AnswerRequest(D(2025, 10, 20), []), "answer.outcome-required");

    [Fact]
    public void GivenReceived_WhenALapseIsMixedWithItemOutcomes_ThenRejected() =>
        Given(s_receipt).ThenRejected(new AnswerRequest(D(2025, 10, 20), [new AnsweredItem("a", Outcome.Disclosed), new AnsweredItem("b", Outcome.OtherFeeLapsed)]),
            "answer.lapse-is-whole-request");

    [Fact]
    public void GivenNoNotice_WhenConcludedAsClarificationLapsed_ThenRejected() =>
        Given(s_receipt).ThenRejected(new AnswerRequest(D(2025, 10, 20), [new AnsweredItem(null, Outcome.OtherClarificationLapsed)]), "answer.no-pending-clarification");

    [Fact]
    public void GivenANoticeWithADeadline_WhenConcludedAsLapsedBeforeIt_ThenRejected_AndAfterIt_ThenLapsed()
    {
        var spec = Given(s_receipt, new ClarificationRequested(D(2025, 9, 30), D(2025, 10, 17), []));
        spec.ThenRejected(new AnswerRequest(D(2025, 10, 17), [new AnsweredItem(null, Outcome.OtherClarificationLapsed)]), "answer.clarification-deadline-not-passed");
        spec.Then(new AnswerRequest(D(2025, 10, 20), [new AnsweredItem(null, Outcome.OtherClarificationLapsed)]), new ClarificationLapsed(D(2025, 10, 20), D(2025, 10, 17)));
    }

    [Fact]
    public void GivenAnUnpaidFee_WhenConcludedAsFeeLapsedBeforeTheDeadline_ThenRejected_AndAfterIt_ThenLapsed()
    {
        var spec = Given(s_receipt, new FeeNoticeIssued(D(2025, 10, 9), 100m, FeeMethod.Stated)); // payment due 2025-11-05
        spec.ThenRejected(new AnswerRequest(D(2025, 11, 5), [new AnsweredItem(null, Outcome.OtherFeeLapsed)]), "answer.fee-deadline-not-passed");
        spec.Then(new AnswerRequest(D(2025, 11, 6), [new AnsweredItem(null, Outcome.OtherFeeLapsed)]), new FeeLapsed(D(2025, 11, 6), D(2025, 11, 5)));
        Given(s_receipt).ThenRejected(new AnswerRequest(D(2025, 11, 7), [new AnsweredItem(null, Outcome.OtherFeeLapsed)]), "answer.no-pending-fee");
    }

    [Fact]
    public void GivenAwaitingCorrection_WhenAnswered_ThenRejected() =>
        Given(s_receipt, new ClarificationRequested(D(2025, 9, 30), null, []))
            .ThenRejected(new AnswerRequest(D(2025, 10, 20), [new AnsweredItem(null, Outcome.Disclosed)]), "answer.awaiting-clarification");

    [Fact]
    public void GivenAConsultationUnderway_WhenAnswered_ThenRejected() =>
        Given(s_receipt, new ConsultationStarted(D(2025, 10, 9), ConsultationParty.ThirdParty))
            .ThenRejected(new AnswerRequest(D(2025, 10, 20), [new AnsweredItem(null, Outcome.Disclosed)]), "answer.consultation-open");

    [Fact]
    public void GivenAnUnpaidFee_WhenAnswered_ThenRejected() =>
        Given(s_receipt, new FeeNoticeIssued(D(2025, 10, 9), 100m, FeeMethod.Stated))
            .ThenRejected(new AnswerRequest(D(2025, 10, 20), [new AnsweredItem(null, Outcome.Disclosed)]), "answer.fee-unpaid");

    [Fact]
    public void GivenNoCorrection_WhenAnsweredAsUnclearAfterCorrection_ThenRejected_AndAfterACorrection_ThenAnswered()
    {
        Given(s_receipt).ThenRejected(new AnswerRequest(D(2025, 10, 20), [new AnsweredItem(null, Outcome.UnableUnclearAfterClarification)]), "answer.no-correction-received");
        Given(s_receipt, new ClarificationRequested(D(2025, 9, 30), null, []), new CorrectedRequestReceived(D(2025, 10, 9)))
            .Then(new AnswerRequest(D(2025, 10, 20), [new AnsweredItem(null, Outcome.UnableUnclearAfterClarification)]),
                new RequestAnswered(D(2025, 10, 20), [new AnsweredItem(null, Outcome.UnableUnclearAfterClarification)], AnswerType.NotHandledAsDisclosure));
    }

    [Fact]
    public void GivenReceived_WhenItemsIncludePartialDisclosure_ThenRejectedBecausePartialIsDerived() =>
        Given(s_receipt).ThenRejected(new AnswerRequest(D(2025, 10, 20), [new AnsweredItem("a", Outcome.PartiallyDisclosed), new AnsweredItem("b", Outcome.UnableNotHeld)]),
            "answer.partial-is-derived");

    [Fact]
    public void GivenReceived_WhenItemsAreAnsweredDifferently_ThenTheRowIsDerivedAsPartialDisclosure()
    {
        var spec = Given(s_receipt);
        spec.Then(new AnswerRequest(D(2025, 10, 20), [new AnsweredItem("a", Outcome.Disclosed), new AnsweredItem("b", Outcome.UnableNotHeld)]),
            new RequestAnswered(D(2025, 10, 20), [new AnsweredItem("a", Outcome.Disclosed), new AnsweredItem("b", Outcome.UnableNotHeld)], AnswerType.Provided));
    }

    // --- withdrawal, year end, reopening -------------------------------------------------------------------------------

    [Fact]
    public void GivenOpen_WhenWithdrawn_ThenWithdrawn_AndGivenConcluded_ThenRejected()
    {
        Given(s_receipt).Then(new WithdrawRequest(D(2025, 10, 9), "已自行获取"), new RequestWithdrawn(D(2025, 10, 9), "已自行获取"));
        Given(s_receipt, new RequestWithdrawn(D(2025, 10, 9))).ThenNothing(new WithdrawRequest(D(2025, 10, 9)));
        Given(s_receipt, new RequestAnswered(D(2025, 10, 9), [new AnsweredItem(null, Outcome.Disclosed)], AnswerType.Provided))
            .ThenRejected(new WithdrawRequest(D(2025, 10, 10)), "request.concluded");
    }

    [Fact]
    public void GivenOpenOnNewYearsEve_WhenTheYearCloses_ThenCarriedOverOnce()
    {
        var spec = Given(Received(D(2025, 12, 20)));
        spec.Then(new CarryOverRequest(2025), new RequestCarriedOver(2025));
        Given(Received(D(2025, 12, 20)), new RequestCarriedOver(2025)).ThenNothing(new CarryOverRequest(2025));
        Given(Received(D(2026, 1, 5))).ThenNothing(new CarryOverRequest(2025));
    }

    [Fact]
    public void GivenAnsweredBeforeYearEnd_WhenTheYearCloses_ThenNotCarried_ButAnsweredAfterYearEnd_ThenCarried()
    {
        Given(Received(D(2025, 12, 1)), new RequestAnswered(D(2025, 12, 30), [new AnsweredItem(null, Outcome.Disclosed)], AnswerType.Provided))
            .ThenNothing(new CarryOverRequest(2025));
        Given(Received(D(2025, 12, 1)), new RequestAnswered(D(2026, 1, 8), [new AnsweredItem(null, Outcome.Disclosed)], AnswerType.Provided))
            .Then(new CarryOverRequest(2025), new RequestCarriedOver(2025));
    }

    [Fact]
    public void GivenConcluded_WhenReopenedByAnOrder_ThenReopened_AndGivenOpen_ThenRejected()
    {
        var answered = new RequestAnswered(D(2025, 10, 20), [new AnsweredItem(null, Outcome.UnableNotHeld)], AnswerType.DoesNotExist);
        Given(s_receipt, answered).Then(new ReopenRequest(D(2026, 1, 5), "复议〔2025〕7号", 15), new RequestReopened(D(2026, 1, 5), "复议〔2025〕7号", 15));
        Given(s_receipt, answered).ThenRejected(new ReopenRequest(D(2025, 10, 19), "x"), "date.before-conclusion");
        Given(s_receipt, answered).ThenRejected(new ReopenRequest(D(2026, 1, 5), "x", 0), "reopen.period-invalid");
        Given(s_receipt).ThenRejected(new ReopenRequest(D(2026, 1, 5), "x"), "request.not-concluded");
    }

    [Fact]
    public void GivenAReopenedRequest_WhenAnsweredAgain_ThenAnswered_AndTheFirstConclusionIsKept()
    {
        var spec = Given(s_receipt, new RequestAnswered(D(2025, 10, 20), [new AnsweredItem(null, Outcome.UnableNotHeld)], AnswerType.DoesNotExist),
            new RequestReopened(D(2026, 1, 5), "复议〔2025〕7号"));
        spec.State.Concluded.ShouldBeFalse();
        spec.State.FirstConclusion!.Items.ShouldBe([Outcome.UnableNotHeld]);
        spec.Then(new AnswerRequest(D(2026, 1, 20), [new AnsweredItem(null, Outcome.Disclosed)]),
            new RequestAnswered(D(2026, 1, 20), [new AnsweredItem(null, Outcome.Disclosed)], AnswerType.Provided));
    }
}
