using CaseFlow.Web.Tests.ApiClient;

namespace CaseFlow.Web.Tests;

/// <summary>
/// The OpenAPI document is good enough to generate a client from: the client committed in ApiClient/ is what NSwag makes
/// of the document the host serves now (and docs/api/openapi.json is that document), and it compiles and runs a
/// request's whole life against the real host.
/// </summary>
public sealed partial class GeneratedClientTests(WebFixture fx) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task The_committed_document_and_client_are_what_the_host_serves_now()
    {
        using var plain = new HttpClient { BaseAddress = fx.BaseAddress };
        var served = (await plain.GetStringAsync("api/openapi/v1.json")).ReplaceLineEndings("\n");
        var client = await ClientGeneration.GenerateAsync(served);
        if (Environment.GetEnvironmentVariable(ClientGeneration.UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(ClientGeneration.DocumentPath, served);
            await File.WriteAllTextAsync(ClientGeneration.ClientPath, client);
        }

        const string Refresh = "the API changed: run ops/api-client and commit docs/api/openapi.json and tests/CaseFlow.Web.Tests/ApiClient/CaseFlowClient.g.cs";
        (await File.ReadAllTextAsync(ClientGeneration.DocumentPath)).ReplaceLineEndings("\n").ShouldBe(served, Refresh);
        (await File.ReadAllTextAsync(ClientGeneration.ClientPath)).ReplaceLineEndings("\n").ShouldBe(client, Refresh);
    }
}

public sealed partial class GeneratedClientTests
{
    private static string IfMatch(long version) => $"\"{version}\"";

    private static DateOnly Due(ApiClient.Generated.RequestView request) => request.Deadlines.Single(d => d.Kind == "answer").Due;

    [Fact]
    public async Task A_client_generated_from_the_document_runs_a_request_s_whole_life_against_the_real_host()
    {
        using var officerHttp = await fx.SignInAsync("officer");
        using var approverHttp = await fx.SignInAsync("approver");
        using var legalHttp = await fx.SignInAsync("legal");
        using var reporterHttp = await fx.SignInAsync("reporter");
        var officer = new ApiClient.Generated.CaseFlowClient(officerHttp);
        var approver = new ApiClient.Generated.CaseFlowClient(approverHttp);
        var legal = new ApiClient.Generated.CaseFlowClient(legalHttp);
        var reporter = new ApiClient.Generated.CaseFlowClient(reporterHttp);

        // Received in person on Mon 2026-06-01: 20 working days from 06-02, skipping the Dragon Boat holiday (Fri 06-19), end Tue 06-30.
        var received = await officer.ReceiveRequestAsync(new()
        {
            Request = "GC-1",
            ReceivedOn = new DateOnly(2026, 6, 1),
            Channel = ApiClient.Generated.ReceiveRequestBodyChannel.InPerson,
            Applicant = new() { Type = ApiClient.Generated.ApplicantBodyType.NaturalPerson, Name = "张三", Phone = "13800000000" },
            Subject = "2025年度医疗机构执业许可名单",
        });
        received.Reference.ShouldBe("GC-1");
        received.Status.ShouldBe(ApiClient.Generated.RequestViewStatus.Open);
        received.Channel.ShouldBe(ApiClient.Generated.RequestViewChannel.InPerson);
        Due(received).ShouldBe(new DateOnly(2026, 6, 30));

        var assigned = await officer.AssignOfficerAsync("GC-1", new() { Officer = "officer", On = new DateOnly(2026, 6, 1) }, if_Match: IfMatch(received.Version));
        assigned.OfficerName.ShouldBe("李娜");

        // A correction notice on 06-03, the corrected request on Mon 06-08: the 20 days restart from 06-09 and end Tue 07-07.
        var notified = await officer.RequestClarificationAsync("GC-1", new() { On = new DateOnly(2026, 6, 3), Items = ["请写明所需文件的名称或文号"] }, if_Match: IfMatch(assigned.Version));
        notified.Status.ShouldBe(ApiClient.Generated.RequestViewStatus.AwaitingClarification);
        var corrected = await officer.ReceiveClarificationAsync("GC-1", new() { On = new DateOnly(2026, 6, 8) });
        corrected.Status.ShouldBe(ApiClient.Generated.RequestViewStatus.Open);
        Due(corrected).ShouldBe(new DateOnly(2026, 7, 7));

        // A stale version is refused with the document's problem shape.
        var stale = await Should.ThrowAsync<ApiClient.Generated.ApiException<ApiClient.Generated.Problem>>(() =>
            officer.AssignOfficerAsync("GC-1", new() { Officer = "officer", On = new DateOnly(2026, 6, 8) }, if_Match: IfMatch(received.Version)));
        stale.StatusCode.ShouldBe(412);
        stale.Result.Code.ShouldBe("version.mismatch");

        // The officer asks for an extension; the approver approves it: 20 more working days from 07-08 end Tue 08-04.
        var asked = await officer.AskForApprovalAsync("GC-1", new()
        {
            Kind = ApiClient.Generated.AskForApprovalBodyKind.Extension,
            On = new DateOnly(2026, 6, 24),
            WorkingDays = 20,
            Reason = "需调取多个科室的档案",
        });
        asked.AwaitingApproval.ShouldNotBeNull();
        (await approver.ListApprovalsAsync()).ShouldContain(a => a.Reference == "GC-1");
        var approved = await approver.ApprovePendingAsync("GC-1", new() { On = new DateOnly(2026, 6, 24), Comment = "同意" });
        approved.AwaitingApproval.ShouldBeNull();
        Due(approved).ShouldBe(new DateOnly(2026, 8, 4));

        var answered = await officer.AnswerRequestAsync("GC-1", new() { On = new DateOnly(2026, 6, 26), Outcome = ApiClient.Generated.AnswerRequestBodyOutcome.Disclosed }, if_Match: IfMatch(approved.Version));
        answered.Outcome.ShouldBe("disclosed");
        answered.ConcludedOn.ShouldBe(new DateOnly(2026, 6, 26));

        using (var letter = await officer.GetLetterAsync("GC-1", ApiClient.Generated.Kind.Answer, ApiClient.Generated.Format2.Html))
        {
            letter.StatusCode.ShouldBe(200);
            var html = await new StreamReader(letter.Stream).ReadToEndAsync();
            html.ShouldContain("政府信息公开申请答复书");
            html.ShouldContain("张三");
        }

        var issued = await officer.IssueLetterAsync("GC-1", new() { Kind = ApiClient.Generated.IssueLetterBodyKind.Answer, On = new DateOnly(2026, 6, 26), DeliveredOn = new DateOnly(2026, 6, 26) });
        issued.History.ShouldContain(h => h.Type == "request.letter-issued.v1" && h.Summary.Contains("政府信息公开申请答复书"));

        // The applicant applies for review; legal staff record it and its decision.
        var review = await legal.FileReviewAsync(new() { Request = "GC-1", Case = "GC-R1", FiledOn = new DateOnly(2026, 6, 29) });
        review.CaseReference.ShouldBe("GC-R1");
        review.RequestReference.ShouldBe("GC-1");
        var decided = await legal.DecideReviewAsync("GC-R1", new() { On = new DateOnly(2026, 6, 30), Result = ApiClient.Generated.DecideReviewBodyResult.Maintained }, if_Match: IfMatch(review.Version));
        decided.Result.ShouldBe("maintained");
        decided.ConcludedOn.ShouldBe(new DateOnly(2026, 6, 30));
        (await legal.GetReviewAsync("GC-R1")).Version.ShouldBe(decided.Version);

        // The year's report counts it once in each table, and the cell traces back to it.
        var report = await reporter.GetAnnualReportAsync(2026);
        report.Table3.Rows["received"]["natural-person"].ShouldBe(1);
        report.Table3.Rows["disclosed"]["natural-person"].ShouldBe(1);
        report.Table3.Rows["disclosed"]["total"].ShouldBe(1);
        report.Table4["review"]["maintained"].ShouldBe(1);
        report.Checks.ShouldAllBe(c => c.Ok);
        (await reporter.TraceReportCellAsync(2026, 3, "disclosed", "natural-person")).ShouldHaveSingleItem().Reference.ShouldBe("GC-1");

        var missing = await Should.ThrowAsync<ApiClient.Generated.ApiException<ApiClient.Generated.Problem>>(() => officer.GetRequestAsync("GC-404"));
        missing.StatusCode.ShouldBe(404);
        missing.Result.Code.ShouldBe("request.not-found");
    }
}
