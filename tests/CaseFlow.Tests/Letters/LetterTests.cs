using AngleSharp.Html.Parser;
using CaseFlow.Infrastructure;
using CaseFlow.Letters;
using CaseFlow.Requests;
using CaseFlow.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using static CaseFlow.Tests.Support.Facts;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace CaseFlow.Tests.Letters;

/// <summary>The official letters: every kind, the answer for every outcome row with its article, DOCX read back, issuing.</summary>
public sealed class LetterTests(AppFixture fx) : IClassFixture<AppFixture>
{
    /// <summary>What each outcome's answer must cite (ogi-rules §1.6–1.7, §3.5).</summary>
    public static TheoryData<string, string> OutcomeArticles => new()
    {
        { "disclosed", "第三十六条第二项" },
        { "partially-disclosed", "第三十七条、第三十六条第二项" }, // the part given under art. 36, the rest under art. 37
        { "refused-state-secret", "第十四条、第三十六条第三项" },
        { "refused-prohibited-by-law", "第十四条、第三十六条第三项" },
        { "refused-security-stability", "第十四条、第三十六条第三项" },
        { "refused-third-party-rights", "第十五条、第三十二条、第三十六条第三项" },
        { "refused-internal-affairs", "第十六条第一款、第三十六条第三项" },
        { "refused-process-information", "第十六条第二款、第三十六条第三项" },
        { "refused-enforcement-case-file", "第十六条第二款、第三十六条第三项" },
        { "refused-administrative-query", "第三十六条第七项" },
        { "unable-not-held", "第三十六条第四项" },
        { "unable-needs-creation", "第三十八条" },
        { "unable-unclear-after-clarification", "第二十九条、第三十条" },
        { "not-processed-complaint", "第三十九条第一款" },
        { "not-processed-repeat", "第三十六条第六项" },
        { "not-processed-publication", "第三十九条第二款" },
        { "not-processed-excessive", "第三十五条" },
        { "not-processed-confirmation", "不作为政府信息公开申请处理" },
        { "other-clarification-lapsed", "第三十条" },
        { "other-fee-lapsed", "第四十二条" },
        { "other", "申请人另行咨询" },
    };

    private static string Text(LetterDocument letter) => string.Join("\n", letter.Blocks.Select(b => b.Text));

    private async Task<string> AnsweredAsync(string agency, string outcome)
    {
        var ledger = new Ledger(fx, agency);
        ledger.Register("聊城市卫生健康委员会");
        var received = D(2025, 3, 3);
        var reference = ledger.Receive(received);
        if (outcome == "other")
        {
            ledger.Line(new { command = "answer", agency, request = reference, on = "2025-03-20", outcome, note = "申请人另行咨询，本机关已当面解答" });
        }
        else
        {
            ledger.Conclude(reference, received, outcome, received.PlusDays(60));
        }

        await ledger.ImportAsync();
        return reference;
    }

    [Theory]
    [MemberData(nameof(OutcomeArticles))]
    public async Task The_answer_for_each_outcome_row_cites_its_article_and_tells_the_applicant_the_remedies(string outcome, string article)
    {
        var agency = "ans-" + outcome;
        var reference = await AnsweredAsync(agency, outcome);

        var letter = (await IssuingLetters.RenderAsync(fx.App, agency, reference, LetterKind.Answer, null, default)).ShouldNotBeNull();

        letter.Title.ShouldBe("政府信息公开申请答复书");
        var text = Text(letter);
        text.ShouldContain(article);
        text.ShouldContain("申请人1：");
        text.ShouldContain("本机关于2025年3月3日收到您提出的政府信息公开申请");
        text.ShouldContain("60日内依法申请行政复议");
        text.ShouldNotContain("{{");
        letter.Blocks.Last().Style.ShouldBe(LetterBlockStyle.Signature);
    }

    [Fact]
    public async Task An_agencys_letterhead_names_its_review_body_court_and_contact_in_the_answer_letter()
    {
        const string Agency = "letterhead";
        var reference = await AnsweredAsync(Agency, "disclosed");
        var adopt = new CaseFlow.Agencies.Letterheads.AdoptLetterhead(Agency, "聊卫公开", "聊城市人民政府", "聊城市东昌府区人民法院", "李娜", "0635-8888888");
        (await CaseFlow.Agencies.Letterheads.AdoptingLetterhead.HandleAsync(fx.App, Actor.Cli(), adopt, WriteOptions.None, default)).ShouldBeOfType<CommandOutcome.Applied>();
        (await CaseFlow.Agencies.Letterheads.AdoptingLetterhead.HandleAsync(fx.App, Actor.Cli(), adopt, WriteOptions.None, default)).ShouldBeOfType<CommandOutcome.Unchanged>();

        var letter = (await IssuingLetters.RenderAsync(fx.App, Agency, reference, LetterKind.Answer, null, default)).ShouldNotBeNull();
        var text = Text(letter);
        text.ShouldContain("可以自收到本答复之日起60日内向聊城市人民政府申请行政复议，或者自收到本答复之日起6个月内向聊城市东昌府区人民法院提起行政诉讼。");
        text.ShouldNotContain("依法申请行政复议");
        // 附注 (GB/T 9704 §7.3.6): the contact in brackets on the line under the date.
        letter.Blocks[^1].ShouldBe(new LetterBlock(LetterBlockStyle.Paragraph, "（联系人：李娜，联系电话：0635-8888888）"));
        letter.Blocks[^2].Style.ShouldBe(LetterBlockStyle.Signature);

        using var docx = WordprocessingDocument.Open(new MemoryStream(LetterOutput.Docx(letter)), false);
        new OpenXmlValidator().Validate(docx).Select(e => e.Description).ShouldBeEmpty();
        var last = docx.MainDocumentPart!.Document.Body!.Elements<Word.Paragraph>().Last();
        last.InnerText.ShouldBe("（联系人：李娜，联系电话：0635-8888888）");
        last.ParagraphProperties!.ParagraphStyleId!.Val!.Value.ShouldBe("Normal"); // indented two characters, as 附注 is
    }

    [Fact]
    public async Task Each_letter_kind_renders_from_the_facts_and_the_docx_opens_valid_and_reads_back()
    {
        const string Agency = "kinds";
        var ledger = new Ledger(fx, Agency);
        ledger.Register("聊城市自然资源和规划局");
        var reference = ledger.Receive(D(2025, 9, 26));
        ledger.Line(new { command = "request-clarification", agency = Agency, request = reference, on = "2025-09-29", replyBy = "2025-10-20", items = new[] { "请说明所需规划许可证的项目名称", "请说明大致年份" } });
        ledger.Line(new { command = "receive-clarification", agency = Agency, request = reference, on = "2025-10-09" });
        ledger.Line(new { command = "start-consultation", agency = Agency, request = reference, on = "2025-10-10", party = "third-party", name = "某某置业有限公司" });
        ledger.Line(new { command = "end-consultation", agency = Agency, request = reference, on = "2025-10-20" });
        ledger.Line(new { command = "start-consultation", agency = Agency, request = reference, on = "2025-10-21", party = "other-agency", name = "聊城市住房和城乡建设局" });
        ledger.Line(new { command = "end-consultation", agency = Agency, request = reference, on = "2025-10-24" });
        ledger.Line(new { command = "extend", agency = Agency, request = reference, on = "2025-11-03", workingDays = 15, approvedBy = "王主任" });
        ledger.Line(new { command = "issue-fee-notice", agency = Agency, request = reference, on = "2025-11-05", amountYuan = 100 });
        ledger.Line(new { command = "pay-fee", agency = Agency, request = reference, on = "2025-11-06" });
        await ledger.ImportAsync();

        var expected = new Dictionary<LetterKind, string[]>
        {
            [LetterKind.Receipt] = ["政府信息公开申请登记回执", "2025年9月26日收到", "第三十一条"],
            [LetterKind.Clarification] = ["补正申请告知书", "1. 请说明所需规划许可证的项目名称", "2. 请说明大致年份", "2025年10月20日前补正", "第三十条"],
            [LetterKind.Extension] = ["延期答复告知书", "延长15个工作日", "第三十三条第二款"],
            [LetterKind.ConsultationThirdParty] = ["征求第三方意见书", "某某置业有限公司：", "第三十二条"],
            [LetterKind.ConsultationAgency] = ["征求意见函", "聊城市住房和城乡建设局：", "第三十四条"],
            [LetterKind.FeeNotice] = ["信息处理费缴费通知书", "人民币100.00元", "第四十二条"],
        };
        foreach (var (kind, phrases) in expected)
        {
            var letter = (await IssuingLetters.RenderAsync(fx.App, Agency, reference, kind, D(2025, 11, 10), default)).ShouldNotBeNull(kind.ToString());
            var text = Text(letter);
            foreach (var phrase in phrases)
            {
                text.ShouldContain(phrase, customMessage: kind.ToString());
            }

            text.ShouldNotContain("{{");
            text.ShouldContain("聊城市自然资源和规划局");

            using var docx = WordprocessingDocument.Open(new MemoryStream(LetterOutput.Docx(letter)), false);
            new OpenXmlValidator().Validate(docx).Select(e => e.Description).ShouldBeEmpty(kind.ToString());
            var paragraphs = docx.MainDocumentPart!.Document.Body!.Elements<Word.Paragraph>().ToList();
            paragraphs.Select(p => p.InnerText).ShouldBe(letter.Blocks.Select(b => b.Text));
            paragraphs.Select(p => p.ParagraphProperties!.ParagraphStyleId!.Val!.Value).Take(3).ShouldBe(["Title", "DocumentNumber", "Salutation"], kind.ToString());
            // The signature, worked by hand: the date 2025年11月10日 is 7 ems, set four from the right (1280 twips); the
            // agency's 11-em name is centred over it, 4 + (7 − 11) / 2 = 2 ems from the right (640); above them two lines
            // (2 × 579 twips) of room for the seal.
            var signature = paragraphs.Where(p => p.ParagraphProperties!.ParagraphStyleId!.Val == "Signature").ToList();
            signature.Select(p => p.InnerText).ShouldBe(["聊城市自然资源和规划局", "2025年11月10日"], kind.ToString());
            signature.Select(p => p.ParagraphProperties!.Indentation!.Right!.Value).ShouldBe(["640", "1280"], kind.ToString());
            signature[0].ParagraphProperties!.SpacingBetweenLines!.Before!.Value.ShouldBe("1158");

            var html = new HtmlParser().ParseDocument(LetterOutput.Html(letter));
            html.QuerySelector("h1")!.TextContent.ShouldBe(letter.Title);
            html.DocumentElement.GetAttribute("lang").ShouldBe("zh-CN");
        }

        // The extension letter names the new answer date, worked by hand: 20 + 15 working days from the corrected
        // request (Thu 10-09), day 1 being Fri 10-10. Paused (letter day excluded, reply day included): 10-11 (a make-up
        // Saturday) to 10-20 and 10-22 to 10-24 for the consultations, 11-06 for the fee. Counted: 10-10, 10-21, 10-27 …
        // 10-31, 11-03 … 11-05 (10), 11-07, 11-10 … 11-14, 11-17 … 11-20 (20); then 15 more: 11-21, 11-24 … 11-28,
        // 12-01 … 12-05, 12-08 … 12-11.
        var extension = Text((await IssuingLetters.RenderAsync(fx.App, Agency, reference, LetterKind.Extension, null, default))!);
        extension.ShouldContain("将于2025年12月11日前作出答复");
        // No answer letter before the request is concluded.
        (await IssuingLetters.RenderAsync(fx.App, Agency, reference, LetterKind.Answer, null, default)).ShouldBeNull();
    }

    [Fact]
    public async Task Issuing_the_answer_records_template_version_and_hash_and_its_delivery_starts_the_applicants_windows()
    {
        var reference = await AnsweredAsync("issue", "unable-not-held");
        var outcome = await IssuingLetters.HandleAsync(fx.App, Actor.Cli(), "issue", reference,
            new IssueLetterBody("answer", D(2025, 5, 6), "邮寄", D(2025, 5, 9)), new WriteOptions(null, null), default);
        outcome.ShouldBeOfType<CommandOutcome.Applied>();

        // The letter as issued, with the 文号 it took (the agency's first of 2025); its hash is the one recorded.
        var letter = (await IssuingLetters.RenderAsync(fx.App, "issue", reference, LetterKind.Answer, D(2025, 5, 6), default))!;
        letter.Blocks.Single(b => b.Style == LetterBlockStyle.Subtitle).Text.ShouldBe("聊城市卫生健康委员会〔2025〕1号");
        var events = await fx.StreamAsync("issue", StreamIds.Request("issue", reference));
        var issued = events.Select(e => e.Data).OfType<LetterIssued>().Single();
        issued.ShouldBe(new LetterIssued(LetterKind.Answer, D(2025, 5, 6), 0, letter.Hash, "邮寄", D(2025, 5, 9), "聊城市卫生健康委员会〔2025〕1号"));
        events[^1].Data.ShouldBe(new AnswerDelivered(D(2025, 5, 9), "邮寄"));
        var state = events.Select(e => e.Data).Aggregate(Request.Initial, Request.Evolve);
        RequestClock.RemedyWindows(state, fx.App.Calendar.Current).Single(d => d.Kind == global::CaseFlow.Deadlines.DeadlineKind.ApplicantReviewWindow).Due
            .ShouldBe(D(2025, 7, 8)); // 60 days from delivery on 05-09

        // The same issue again changes nothing; a letter the request cannot have is refused.
        (await IssuingLetters.HandleAsync(fx.App, Actor.Cli(), "issue", reference, new IssueLetterBody("answer", D(2025, 5, 6), "邮寄", D(2025, 5, 9)), new WriteOptions(null, null), default))
            .ShouldBeOfType<CommandOutcome.Unchanged>();
        var refused = (await IssuingLetters.HandleAsync(fx.App, Actor.Cli(), "issue", reference, new IssueLetterBody("extension", D(2025, 5, 6)), new WriteOptions(null, null), default))
            .ShouldBeOfType<CommandOutcome.Rejected>();
        refused.Code.ShouldBe("letter.not-available");
    }

    [Fact]
    public async Task An_agency_edits_its_template_without_code_and_new_letters_use_the_new_version()
    {
        var reference = await AnsweredAsync("tpl", "disclosed");
        var edited = LetterTemplates.Default("answer.disclosed").Body.Replace("现予以提供（见附件）", "现予以提供，请于收到本答复后到本机关政务服务窗口领取", StringComparison.Ordinal);

        (await LetterTemplates.SaveAsync(fx.App, "tpl", "answer.disclosed", edited, "admin", default)).ShouldBe(1);
        (await LetterTemplates.SaveAsync(fx.App, "tpl", "answer.disclosed", edited, "admin", default)).ShouldBe(1);
        (await LetterTemplates.SaveAsync(fx.App, "tpl", "answer", LetterTemplates.Default("answer").Body + "\n>> （联系电话：0635-1234567）", "admin", default)).ShouldBe(1);

        var letter = (await IssuingLetters.RenderAsync(fx.App, "tpl", reference, LetterKind.Answer, null, default))!;
        Text(letter).ShouldContain("政务服务窗口领取");
        Text(letter).ShouldContain("联系电话：0635-1234567");
        letter.TemplateVersion.ShouldBe(1);
        // Another agency still has the defaults.
        var other = await AnsweredAsync("tpl-other", "disclosed");
        Text((await IssuingLetters.RenderAsync(fx.App, "tpl-other", other, LetterKind.Answer, null, default))!).ShouldContain("现予以提供（见附件）");
    }
}
