using System.Text.Json.Nodes;
using CaseFlow.Testing;

namespace CaseFlow.Cli.Tests;

/// <summary>
/// What the contract added this time, through the real CLI process (../shared/contracts/cli-and-import.md): capped pauses
/// in <c>requests list</c>, <c>receive-case-copy</c>, and <c>cases list --as-of --format json</c> with each case's deadlines.
/// Dates worked by hand in StatutoryClockTests and CaseClockTests.
/// </summary>
public sealed class ContractCliTests : IAsyncLifetime
{
    private readonly CliRun _cli = new();

    public Task InitializeAsync() => _cli.InitializeAsync();

    public Task DisposeAsync() => _cli.DisposeAsync();

    private async Task<ProcessResult> ImportAsync(string name, params string[] lines)
    {
        var file = Path.Combine(_cli.Directory, name);
        await File.WriteAllLinesAsync(file, lines.Select(l => l.Replace('\'', '"')));
        return await Processes.CliAsync(_cli.ConnectionString, "import", file);
    }

    private async Task<JsonArray> JsonAsync(params string[] args)
    {
        var result = await Processes.CliAsync(_cli.ConnectionString, args);
        result.ExitCode.ShouldBe(0, result.Errors);
        return JsonNode.Parse(result.Output)!.AsArray();
    }

    [Fact]
    public async Task Pauses_are_capped_and_case_deadlines_including_the_agencys_own_are_listed_as_of_a_day()
    {
        var import = await ImportAsync("contract.jsonl",
            "{'command':'register-agency','agency':'ct-a','name':'契约测试局'}",
            "{'command':'receive','agency':'ct-a','request':'R1','receivedOn':'2025-09-01','channel':'in-person','applicant':{'type':'natural-person','name':'张三'}}",
            "{'command':'start-consultation','agency':'ct-a','request':'R1','on':'2025-09-03','party':'third-party'}",
            "{'command':'end-consultation','agency':'ct-a','request':'R1','on':'2025-10-20'}",
            "{'command':'receive','agency':'ct-a','request':'R2','receivedOn':'2025-09-01','channel':'in-person','applicant':{'type':'natural-person','name':'李四'}}",
            "{'command':'answer','agency':'ct-a','request':'R2','on':'2025-09-05','outcome':'disclosed'}",
            "{'command':'receive','agency':'ct-a','request':'R3','receivedOn':'2025-09-01','channel':'in-person','applicant':{'type':'natural-person','name':'王五'}}",
            "{'command':'start-consultation','agency':'ct-a','request':'R3','on':'2025-09-03','party':'third-party'}",
            "{'command':'file-lawsuit','agency':'ct-a','request':'R2','case':'FL1','filedOn':'2025-09-10','afterReview':false}",
            "{'command':'receive-case-copy','agency':'ct-a','case':'FL1','on':'2025-09-18'}",
            "{'command':'answer','agency':'ct-a','request':'R1','on':'2025-10-22','outcome':'disclosed'}",
            "{'command':'file-review','agency':'ct-a','request':'R1','case':'FR1','filedOn':'2026-02-02'}",
            "{'command':'receive-case-copy','agency':'ct-a','case':'FR1','on':'2026-02-11'}");
        import.ExitCode.ShouldBe(0, import.Errors);
        import.Output.Trim().ShouldBe("applied 13, skipped 0, rejected 0");

        // The late reply (10-20, R1) and the never-answered consultation (R3) both pause only until the window's end, 09-24.
        var requests = await JsonAsync("requests", "list", "--agency", "ct-a", "--as-of", "2025-10-21", "--format", "json");
        var r1 = requests.Single(r => (string?)r!["request"] == "R1")!;
        ((string?)r1["answerDueOn"]).ShouldBe("2025-10-24");
        ((string?)r1["status"]).ShouldBe("open");
        var r3 = requests.Single(r => (string?)r!["request"] == "R3")!;
        ((string?)r3["answerDueOn"]).ShouldBe("2025-10-24");
        ((string?)r3["status"]).ShouldBe("consulting");

        // The lawsuit as of 2025-09-19: the defence 15 days after the copy (→ 10-03, rolled past National Day to 10-09),
        // the court's registration (7 days from filing: 09-17), the first instance (6 months from filing: 2026-03-10).
        var cases = await JsonAsync("cases", "list", "--agency", "ct-a", "--as-of", "2025-09-19", "--format", "json");
        var suit = cases.ShouldHaveSingleItem()!;
        ((string?)suit["case"]).ShouldBe("FL1");
        ((string?)suit["kind"]).ShouldBe("lawsuit");
        ((string?)suit["request"]).ShouldBe("R2");
        ((string?)suit["filedOn"]).ShouldBe("2025-09-10");
        ((string?)suit["status"]).ShouldBe("pending");
        suit["result"].ShouldBeNull();
        Deadlines(suit).ShouldBe([("lawsuit-defence", "2025-10-09"), ("lawsuit-registration", "2025-09-17"), ("first-instance", "2026-03-10")]);
        suit["deadlines"]!.AsArray().ShouldAllBe(d => (bool)d!["provisional"]! == false);

        // The review as of 2026-02-12: the written reply 10 working days after the copy (across the Spring Festival: 03-03);
        // deemed accepted when the 5 working days ended (02-09), so the decision is due 60 days later, 2026-04-10.
        cases = await JsonAsync("cases", "list", "--agency", "ct-a", "--as-of", "2026-02-12", "--format", "json");
        var review = cases.Single(c => (string?)c!["case"] == "FR1")!;
        ((string?)review["kind"]).ShouldBe("review");
        Deadlines(review).ShouldBe([("review-reply", "2026-03-03"), ("review-decision", "2026-04-10")]);

        // As of a day before the review was filed, it is not listed.
        (await JsonAsync("cases", "list", "--agency", "ct-a", "--as-of", "2026-01-31", "--format", "json"))
            .Select(c => (string?)c!["case"]).ShouldBe(["FL1"]);
    }

    [Fact]
    public async Task A_contradiction_is_a_rejected_line_and_a_late_notice_a_warning_that_is_not_one()
    {
        var import = await ImportAsync("warnings.jsonl",
            "{'command':'register-agency','agency':'ct-b','name':'警告测试局'}",
            "{'command':'receive','agency':'ct-b','request':'R1','receivedOn':'2025-09-01','channel':'in-person','applicant':{'type':'natural-person','name':'张三'}}",
            "{'command':'request-clarification','agency':'ct-b','request':'R1','on':'2025-09-12'}",
            "{'command':'receive-clarification','agency':'ct-b','request':'R1','on':'2025-09-16'}",
            "{'command':'answer','agency':'ct-b','request':'R1','on':'2025-09-19','outcome':'disclosed'}",
            "{'command':'file-review','agency':'ct-b','request':'R1','case':'FR1','filedOn':'2025-09-25'}",
            "{'command':'file-lawsuit','agency':'ct-b','request':'R1','case':'FL1','filedOn':'2025-10-15','afterReview':false,'reviewCase':'FR1'}",
            "{'command':'receive-case-copy','agency':'ct-b','case':'NOPE','on':'2025-10-15'}");
        import.ExitCode.ShouldBe(1);
        import.Output.Trim().ShouldBe("applied 6, skipped 0, rejected 2", import.Errors);
        var lines = import.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.ShouldContain(l => l.StartsWith("warning: line 3: clarification.notice-late: ", StringComparison.Ordinal) && l.Contains("2025-09-10"));
        lines.ShouldContain(l => l.StartsWith("line 7: lawsuit.after-review-contradiction: ", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("line 8: case.not-found: ", StringComparison.Ordinal));
        lines.Count(l => l.StartsWith("line ", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public async Task A_non_default_outcome_policy_set_for_the_installation_is_used_by_the_decider_the_list_and_the_report()
    {
        var lines = new[]
        {
            "{'command':'register-agency','agency':'ct-c','name':'规则测试局'}",
            "{'command':'receive','agency':'ct-c','request':'R1','receivedOn':'2025-09-01','channel':'in-person','applicant':{'type':'natural-person','name':'张三','agent':{'name':'某律师事务所','type':'legal-service-org'}}}",
            "{'command':'answer','agency':'ct-c','request':'R1','on':'2025-09-05','items':[{'subject':'合同','outcome':'refused-third-party-rights'},{'subject':'会议纪要','outcome':'refused-state-secret'}]}",
        };
        var file = Path.Combine(_cli.Directory, "policies.jsonl");
        await File.WriteAllLinesAsync(file, lines.Select(l => l.Replace('\'', '"')));
        var policies = new Dictionary<string, string> { ["CASEFLOW_POLICIES"] = "MixedRefusal=FirstItem; ApplicantColumn=Agent" };
        var import = await Processes.CliAsync(_cli.ConnectionString, policies, "import", file);
        import.ExitCode.ShouldBe(0, import.Errors);

        // By default the row would be 属于国家秘密 (first in table order) in the natural-person column; by these policies the
        // first-listed item decides (涉及商业秘密…第三方) and the agent's column (法律服务机构) counts it.
        var requests = await Processes.CliAsync(_cli.ConnectionString, policies, "requests", "list", "--agency", "ct-c", "--format", "json");
        requests.ExitCode.ShouldBe(0, requests.Errors);
        ((string?)JsonNode.Parse(requests.Output)!.AsArray().ShouldHaveSingleItem()!["outcome"]).ShouldBe("refused-third-party-rights");

        var report = await Processes.CliAsync(_cli.ConnectionString, policies, "report", "annual", "--agency", "ct-c", "--year", "2025", "--format", "json");
        report.ExitCode.ShouldBe(0, report.Errors);
        var rows = JsonNode.Parse(report.Output)!["table3"]!["rows"]!;
        ((int)rows["refused-third-party-rights"]!["legal-service-org"]!).ShouldBe(1);
        ((int)rows["refused-state-secret"]!["total"]!).ShouldBe(0);
        ((int)rows["received"]!["natural-person"]!).ShouldBe(0);
        JsonNode.Parse(report.Output)!["checks"]!.AsArray().ShouldAllBe(c => (bool)c!["ok"]!);

        var effective = await Processes.CliAsync(_cli.ConnectionString, policies, "policies");
        effective.Output.ShouldContain("MixedRefusal=FirstItem");
        effective.Output.ShouldContain("ApplicantColumn=Agent");
        effective.Output.ShouldContain("LapseYear=LapseDate");
    }

    [Fact]
    public async Task An_unknown_policy_or_value_stops_the_command_with_a_coded_line()
    {
        var unknown = await Processes.CliAsync(_cli.ConnectionString, new Dictionary<string, string> { ["CASEFLOW_POLICIES"] = "ReceiptYear=RegistrationDate" }, "requests", "list", "--agency", "x", "--format", "json");
        unknown.ExitCode.ShouldBe(2);
        unknown.Errors.Trim().ShouldStartWith("caseflow: policy.unknown: ");
        var value = await Processes.CliAsync(_cli.ConnectionString, new Dictionary<string, string> { ["CASEFLOW_POLICIES"] = "LapseYear=Sometime" }, "policies");
        value.ExitCode.ShouldBe(2);
        value.Errors.Trim().ShouldStartWith("caseflow: policy.invalid-value: ");
        value.Errors.ShouldContain("LapseDate、RecordingDate");
    }

    private static (string Kind, string Due)[] Deadlines(JsonNode @case) =>
        [.. @case["deadlines"]!.AsArray().Select(d => ((string)d!["kind"]!, (string)d["dueOn"]!))];
}
