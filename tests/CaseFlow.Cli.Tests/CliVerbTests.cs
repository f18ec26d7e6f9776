using CaseFlow.Testing;

namespace CaseFlow.Cli.Tests;

/// <summary>
/// Every read verb of the contract and CaseFlow's administration verbs through the real process, on one small agency
/// tree imported once. Expected dates worked by hand: R1 received Monday 2025-03-03, 20 working days from 03-04 (no
/// holiday in March) end Monday 03-31, the 7-day correction window Wednesday 03-12; R2 received Monday 2025-12-01, due
/// Monday 12-29, window Wednesday 12-10.
/// </summary>
public sealed class CliVerbTests(CliVerbTests.Seeded seeded) : IClassFixture<CliVerbTests.Seeded>
{
    private readonly CliRun _cli = seeded.Cli;

    public sealed class Seeded : IAsyncLifetime
    {
        public CliRun Cli { get; } = new();

        public async Task InitializeAsync()
        {
            await Cli.InitializeAsync();
            var import = await Cli.ImportAsync("seed.jsonl",
                "{'command':'register-agency','agency':'cv-a','name':'命令行测试局'}",
                "{'command':'register-agency','agency':'cv-b','name':'命令行测试分局','parent':'cv-a'}",
                "{'command':'register-agency','agency':'cv-c','name':'关账测试局'}",
                "{'command':'receive','agency':'cv-a','request':'R1','receivedOn':'2025-03-03','channel':'online','applicant':{'type':'natural-person','name':'张三'},'subject':'预算'}",
                "{'command':'answer','agency':'cv-a','request':'R1','on':'2025-03-10','outcome':'disclosed'}",
                "{'command':'receive','agency':'cv-a','request':'R2','receivedOn':'2025-12-01','channel':'in-person','applicant':{'type':'commercial-enterprise','name':'某公司'},'subject':'规划'}",
                "{'command':'file-review','agency':'cv-a','request':'R1','case':'FR1','filedOn':'2025-04-01'}",
                "{'command':'receive','agency':'cv-b','request':'B1','receivedOn':'2025-05-06','channel':'online','applicant':{'type':'natural-person','name':'王五'},'subject':'统计'}",
                "{'command':'receive','agency':'cv-c','request':'C1','receivedOn':'2025-12-15','channel':'online','applicant':{'type':'natural-person','name':'赵六'},'subject':'名录'}");
            import.ExitCode.ShouldBe(0, import.Errors);
            import.Output.Trim().ShouldBe("applied 9, skipped 0, rejected 0");
        }

        public Task DisposeAsync() => Cli.DisposeAsync();
    }

    [Fact]
    public async Task Requests_list_json_has_exactly_the_contracts_fields_and_dates()
    {
        var requests = (await _cli.JsonAsync("requests", "list", "--agency", "cv-a", "--as-of", "2025-12-02", "--format", "json")).AsArray();

        requests.Select(r => (string?)r!["request"]).ShouldBe(["R1", "R2"]);
        requests[0]!.AsObject().Select(p => p.Key).ShouldBe(["request", "status", "receivedOn", "answerDueOn", "clarificationNoticeDueOn", "outcome", "concludedOn"]);
        requests[0]!.ToJsonString().ShouldBe("""{"request":"R1","status":"concluded","receivedOn":"2025-03-03","answerDueOn":"2025-03-31","clarificationNoticeDueOn":"2025-03-12","outcome":"disclosed","concludedOn":"2025-03-10"}""");
        requests[1]!.ToJsonString().ShouldBe("""{"request":"R2","status":"open","receivedOn":"2025-12-01","answerDueOn":"2025-12-29","clarificationNoticeDueOn":"2025-12-10","outcome":null,"concludedOn":null}""");

        var open = (await _cli.JsonAsync("requests", "list", "--agency", "cv-a", "--open", "--format", "json")).AsArray();
        open.Select(r => (string?)r!["request"]).ShouldBe(["R2"]);
    }

    [Fact]
    public async Task Requests_list_as_a_table_is_one_line_per_request_after_a_heading()
    {
        var result = await _cli.RunAsync("requests", "list", "--agency", "cv-a", "--as-of", "2025-12-02");

        result.ExitCode.ShouldBe(0, result.Errors);
        var lines = result.Output.Trim().Split('\n');
        lines[0].ShouldBe("cv-a: 2 requests as of 2025-12-02");
        lines[1].ShouldStartWith("R1 ");
        lines[1].ShouldContain("answer due 2025-03-31");
        lines[1].ShouldContain("disclosed on 2025-03-10");
        lines[2].ShouldStartWith("R2 ");
        lines[2].ShouldContain("answer due 2025-12-29");
        lines.Length.ShouldBe(3);
    }

    [Fact]
    public async Task The_annual_report_json_counts_each_request_in_its_row_and_column_and_rolls_up_children()
    {
        var report = await _cli.JsonAsync("report", "annual", "--agency", "cv-a", "--year", "2025", "--format", "json");

        // The contract's fields first, in its order; CaseFlow's additions after them.
        report.AsObject().Select(p => p.Key).Take(7).ShouldBe(["agency", "agencyName", "year", "table2", "table3", "table4", "checks"]);
        ((string?)report["agencyName"]).ShouldBe("命令行测试局");
        var rows = report["table3"]!["rows"]!;
        ((int)rows["received"]!["natural-person"]!).ShouldBe(1);
        ((int)rows["received"]!["commercial-enterprise"]!).ShouldBe(1);
        ((int)rows["received"]!["total"]!).ShouldBe(2);
        ((int)rows["disclosed"]!["natural-person"]!).ShouldBe(1);
        ((int)rows["disclosed"]!["total"]!).ShouldBe(1);
        ((int)rows["carried-out"]!["commercial-enterprise"]!).ShouldBe(1);
        ((int)rows["carried-out"]!["total"]!).ShouldBe(1);
        ((int)report["table4"]!["review"]!["pending"]!).ShouldBe(1);
        ((int)report["table4"]!["review"]!["total"]!).ShouldBe(1);
        report["checks"]!.AsArray().ShouldAllBe(c => (bool)c!["ok"]!);

        var tree = await _cli.JsonAsync("report", "annual", "--agency", "cv-a", "--year", "2025", "--format", "json", "--include-children");
        ((int)tree["table3"]!["rows"]!["received"]!["natural-person"]!).ShouldBe(2);
        ((int)tree["table3"]!["rows"]!["received"]!["total"]!).ShouldBe(3);
    }

    [Theory]
    [InlineData("csv", "命令行测试局")]
    [InlineData("html", "<title>命令行测试局2025年政府信息公开工作年度报告</title>")]
    public async Task The_report_as_text_formats_names_the_agency(string format, string expected)
    {
        var result = await _cli.RunAsync("report", "annual", "--agency", "cv-a", "--year", "2025", "--format", format);

        result.ExitCode.ShouldBe(0, result.Errors);
        result.Output.ShouldContain(expected);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("docx")]
    public async Task The_report_as_a_document_is_written_to_the_file_named_by_out(string format)
    {
        var path = Path.Combine(_cli.Directory, "report." + format);

        var result = await _cli.RunAsync("report", "annual", "--agency", "cv-a", "--year", "2025", "--format", format, "--out", path);

        result.ExitCode.ShouldBe(0, result.Errors);
        result.Errors.ShouldContain($"wrote {path}");
        var bytes = await File.ReadAllBytesAsync(path);
        bytes.Take(2).ShouldBe("PK"u8.ToArray()); // an OpenXML package is a zip
        using var package = System.IO.Packaging.Package.Open(path, FileMode.Open, FileAccess.Read);
        package.GetParts().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Trace_lists_the_requests_of_a_cell_and_names_the_valid_rows_and_columns_of_a_wrong_one()
    {
        var received = (await _cli.JsonAsync("report", "trace", "--agency", "cv-a", "--year", "2025", "--row", "received", "--format", "json")).AsArray();
        received.Select(e => (string?)e!["reference"]).ShouldBe(["R1", "R2"]);
        received[0]!.ToJsonString().ShouldBe("""{"agency":"cv-a","reference":"R1","receivedOn":"2025-03-03","column":"natural-person","concludedOn":"2025-03-10","outcome":"disclosed"}""");

        var pending = await _cli.RunAsync("report", "trace", "--agency", "cv-a", "--year", "2025", "--table", "4", "--row", "review", "--column", "pending");
        pending.ExitCode.ShouldBe(0, pending.Errors);
        pending.Output.ShouldStartWith("cv-a 2025 table 4 review / pending: 1");
        pending.Output.ShouldContain("FR1");

        var row = await _cli.RunAsync("report", "trace", "--agency", "cv-a", "--year", "2025", "--row", "recieved");
        CliRun.FailureCodes(row).ShouldBe(["report.row-unknown"]);
        row.Errors.ShouldContain("received、carried-in、disclosed");

        var column = await _cli.RunAsync("report", "trace", "--agency", "cv-a", "--year", "2025", "--table", "4", "--row", "review", "--column", "natural-person");
        CliRun.FailureCodes(column).ShouldBe(["report.column-unknown"]);
        column.Errors.ShouldContain("maintained、corrected、other、pending、total");

        var future = await _cli.RunAsync("report", "trace", "--agency", "cv-a", "--year", "2099", "--row", "received");
        CliRun.FailureCodes(future).ShouldBe(["input.invalid-year"]);
    }

    [Fact]
    public async Task An_unknown_agency_is_agency_not_found_for_every_verb_that_names_one()
    {
        string[][] verbs =
        [
            ["requests", "list", "--agency", "nowhere"],
            ["report", "annual", "--agency", "nowhere", "--year", "2025"],
            ["report", "trace", "--agency", "nowhere", "--year", "2025", "--row", "received"],
            ["cases", "list", "--agency", "nowhere"],
            ["cases", "outcomes", "--agency", "nowhere"],
        ];
        foreach (var verb in verbs)
        {
            var result = await _cli.RunAsync(verb);
            result.ExitCode.ShouldBe(1, string.Join(' ', verb));
            CliRun.FailureCodes(result).ShouldBe(["agency.not-found"], string.Join(' ', verb));
            result.Errors.ShouldContain("“nowhere”");
        }
    }

    [Fact]
    public async Task Cases_list_and_outcomes_give_the_review_its_deadline_and_its_year()
    {
        var cases = (await _cli.JsonAsync("cases", "list", "--agency", "cv-a", "--as-of", "2025-04-02", "--format", "json")).AsArray();

        cases.Count.ShouldBe(1);
        var review = cases[0]!;
        ((string?)review["case"]).ShouldBe("FR1");
        ((string?)review["kind"]).ShouldBe("review");
        ((string?)review["request"]).ShouldBe("R1");
        ((string?)review["filedOn"]).ShouldBe("2025-04-01");
        ((string?)review["status"]).ShouldBe("pending");
        review["result"].ShouldBeNull();
        review["deadlines"]!.AsArray().Select(d => (string?)d!["kind"]).ShouldContain("review-decision");

        var outcomes = (await _cli.JsonAsync("cases", "outcomes", "--agency", "cv-a", "--format", "json")).AsArray();
        var year2025 = outcomes.Single(o => (int)o!["year"]! == 2025)!;
        ((string?)year2025["group"]).ShouldBe("review");
        ((int)year2025["pending"]!).ShouldBe(1);
        ((int)year2025["maintained"]!).ShouldBe(0);
    }

    [Fact]
    public async Task Closing_a_year_freezes_version_1_and_closing_it_again_changes_nothing()
    {
        var first = await _cli.RunAsync("report", "close", "--agency", "cv-c", "--year", "2025");
        first.ExitCode.ShouldBe(0, first.Errors);
        first.Output.ShouldStartWith("cv-c 2025 version 1 (closed, ");
        first.Output.ShouldMatch("sha256 [0-9a-f]{64}");

        var again = await _cli.RunAsync("report", "close", "--agency", "cv-c", "--year", "2025");
        again.ExitCode.ShouldBe(0, again.Errors);
        again.Output.ShouldBe(first.Output);

        var requests = (await _cli.JsonAsync("requests", "list", "--agency", "cv-c", "--format", "json")).AsArray();
        ((string?)requests.Single()!["request"]).ShouldBe("C1");
    }

    [Fact]
    public async Task Users_are_added_with_the_password_from_standard_input_and_refused_with_a_code()
    {
        var added = await _cli.RunWithInputAsync("a-long-password\n", "users", "add", "--user", "cv.officer", "--agency", "cv-a", "--name", "陈静", "--role", "officer", "--role", "approver");
        added.ExitCode.ShouldBe(0, added.Errors);
        added.Output.Trim().ShouldStartWith("created cv.officer (");
        var list = await _cli.RunAsync("users", "list", "--agency", "cv-a");
        list.Output.ShouldContain("cv.officer");
        list.Output.ShouldContain("陈静");

        (string[] Args, string Input, string Code)[] refused =
        [
            (["--user", "cv.officer", "--agency", "cv-a", "--name", "陈静", "--role", "officer"], "a-long-password\n", "user.exists"),
            (["--user", "cv.short", "--agency", "cv-a", "--name", "某", "--role", "officer"], "short\n", "user.password-too-short"),
            (["--user", "CV Officer", "--agency", "cv-a", "--name", "某", "--role", "officer"], "a-long-password\n", "user.name-invalid"),
            (["--user", "cv.boss", "--agency", "cv-a", "--name", "某", "--role", "boss"], "a-long-password\n", "user.role-unknown"),
            (["--user", "cv.away", "--agency", "nowhere", "--name", "某", "--role", "officer"], "a-long-password\n", "agency.not-found"),
        ];
        foreach (var (args, input, code) in refused)
        {
            var result = await _cli.RunWithInputAsync(input, ["users", "add", .. args]);
            CliRun.FailureCodes(result).ShouldBe([code], string.Join(' ', args));
        }

        (await _cli.RunAsync("users", "list", "--agency", "cv-a")).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1);
    }

    [Fact]
    public async Task The_administration_verbs_answer_and_a_wrong_projection_is_named_with_the_known_ones()
    {
        var agencies = await _cli.RunAsync("agencies", "list");
        agencies.ExitCode.ShouldBe(0, agencies.Errors);
        agencies.Output.ShouldContain("命令行测试分局  (under cv-a)");

        var calendar = await _cli.RunAsync("calendar", "list");
        calendar.ExitCode.ShouldBe(0, calendar.Errors);
        calendar.Output.ShouldContain("2025: ");

        var policies = await _cli.RunAsync("policies");
        policies.ExitCode.ShouldBe(0, policies.Errors);
        policies.Output.ShouldContain("ReceiptDay=Excluded");

        var migrate = await _cli.RunAsync("migrate");
        migrate.ExitCode.ShouldBe(0, migrate.Errors);
        migrate.Output.ShouldStartWith("schema up to date");

        var rebuilt = await _cli.RunAsync("rebuild", "agencies.directory");
        rebuilt.ExitCode.ShouldBe(0, rebuilt.Errors);
        rebuilt.Output.ShouldMatch(@"^agencies\.directory: \d+ events in ");
        (await _cli.RunAsync("agencies", "list")).Output.ShouldBe(agencies.Output);

        var unknown = await _cli.RunAsync("rebuild", "requests.filez");
        CliRun.FailureCodes(unknown).ShouldBe(["projection.unknown"]);
        unknown.Errors.ShouldContain("requests.files、");

        var beside = await _cli.RunAsync("rebuild", "agencies.directory", "--beside");
        CliRun.FailureCodes(beside).ShouldBe(["rebuild.beside-requests-only"]);

        var store = await _cli.RunAsync("migrate-store");
        store.ExitCode.ShouldBe(0, store.Errors);
        store.Output.ShouldStartWith("nothing to migrate");
    }

    [Fact]
    public async Task A_database_that_cannot_be_used_is_one_coded_line_with_no_password_in_it()
    {
        var unset = await Processes.CliAsync("", "agencies", "list");
        unset.ExitCode.ShouldBe(2);
        CliRun.FailureCodes(unset).ShouldBe(["config.database-missing"]);

        var unreachable = await Processes.CliAsync("Host=127.0.0.1;Port=1;Username=x;Password=secret-value;Timeout=2", "agencies", "list");
        unreachable.ExitCode.ShouldBe(2);
        CliRun.FailureCodes(unreachable).ShouldBe(["database.unreachable"]);
        unreachable.Errors.ShouldContain("127.0.0.1:1");
        unreachable.Errors.ShouldNotContain("secret-value");

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(_cli.ConnectionString) { Password = "wrong-password" };
        var refused = await Processes.CliAsync(builder.ConnectionString, "agencies", "list");
        refused.ExitCode.ShouldBe(2);
        CliRun.FailureCodes(refused).ShouldBe(["database.login-failed"]);
        refused.Errors.ShouldNotContain("wrong-password");
    }
}
