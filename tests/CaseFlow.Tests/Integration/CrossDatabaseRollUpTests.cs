using System.Text.Json.Nodes;
using CaseFlow.Testing;

namespace CaseFlow.Tests.Integration;

/// <summary>
/// Two cities kept in two databases (as a province would spread its agencies over servers, docs/scaling.md), rolled up
/// by <c>report rollup</c> through the real CLI: every cell is the sum of the two cities' own roll-ups, the checks hold,
/// and a plan that counts an agency twice or names one a database lacks is refused with its code.
/// </summary>
public sealed class CrossDatabaseRollUpTests : IAsyncLifetime
{
    private readonly TestDatabase _cityA = new();
    private readonly TestDatabase _cityB = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("caseflow-rollup-").FullName;

    public async Task InitializeAsync()
    {
        await _cityA.InitializeAsync();
        await _cityB.InitializeAsync();
        await ImportAsync(_cityA, "a.jsonl",
            "{'command':'register-agency','agency':'city-a','name':'甲市人民政府'}",
            "{'command':'register-agency','agency':'city-a-edu','name':'甲市教育局','parent':'city-a'}",
            "{'command':'receive','agency':'city-a','request':'A1','receivedOn':'2025-03-03','channel':'online','applicant':{'type':'natural-person','name':'张三'}}",
            "{'command':'answer','agency':'city-a','request':'A1','on':'2025-03-20','outcome':'disclosed'}",
            "{'command':'receive','agency':'city-a-edu','request':'E1','receivedOn':'2025-12-22','channel':'in-person','applicant':{'type':'commercial-enterprise','name':'某公司'}}",
            "{'command':'file-review','agency':'city-a','request':'A1','case':'FA1','filedOn':'2025-04-10'}",
            "{'command':'decide-review','agency':'city-a','case':'FA1','on':'2025-06-01','result':'maintained'}");
        await ImportAsync(_cityB, "b.jsonl",
            "{'command':'register-agency','agency':'city-b','name':'乙市人民政府'}",
            "{'command':'receive','agency':'city-b','request':'B1','receivedOn':'2025-05-06','channel':'in-person','applicant':{'type':'natural-person','name':'李四'}}",
            "{'command':'answer','agency':'city-b','request':'B1','on':'2025-05-20','outcome':'unable-not-held'}",
            "{'command':'receive','agency':'city-b','request':'B2','receivedOn':'2025-07-01','channel':'online','applicant':{'type':'legal-service-org','name':'某律师事务所'}}",
            "{'command':'answer','agency':'city-b','request':'B2','on':'2025-07-15','outcome':'disclosed'}",
            "{'command':'record-disclosure-stats','agency':'city-b','year':2025,'regulations':{'issued':1,'repealed':0,'inForce':9},'normativeDocuments':{'issued':4,'repealed':1,'inForce':30},'licensing':120,'penalties':7,'coercion':0,'feesWanYuan':0.000125}");
    }

    public async Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        await _cityA.DisposeAsync();
        await _cityB.DisposeAsync();
    }

    private async Task ImportAsync(TestDatabase database, string name, params string[] lines)
    {
        var file = Path.Combine(_directory, name);
        await File.WriteAllLinesAsync(file, lines.Select(l => l.Replace('\'', '"')));
        var result = await Processes.CliAsync(database.ConnectionString, "import", file);
        result.ExitCode.ShouldBe(0, result.Errors);
    }

    private Dictionary<string, string> Environment => new() { ["CITY_A_DATABASE"] = _cityA.ConnectionString, ["CITY_B_DATABASE"] = _cityB.ConnectionString };

    private async Task<ProcessResult> RollUpAsync(string plan)
    {
        var file = Path.Combine(_directory, "plan.json");
        await File.WriteAllTextAsync(file, plan.Replace('\'', '"'));
        // CASEFLOW_DATABASE (city A here) is not what the roll-up reads: only the plan's databases are.
        return await Processes.CliAsync(_cityA.ConnectionString, Environment, "report", "rollup", "--plan", file, "--year", "2025", "--format", "json");
    }

    private static async Task<JsonNode> ReportAsync(TestDatabase database, string agency)
    {
        var result = await Processes.CliAsync(database.ConnectionString, "report", "annual", "--agency", agency, "--year", "2025", "--include-children", "--format", "json");
        result.ExitCode.ShouldBe(0, result.Errors);
        return JsonNode.Parse(result.Output)!;
    }

    [Fact]
    public async Task Two_cities_in_two_databases_roll_up_to_the_sum_of_their_own_reports_and_the_checks_hold()
    {
        var result = await RollUpAsync("""
            { 'agency': 'prov', 'name': '某省（汇总）',
              'sources': [ { 'label': '甲市库', 'database': 'env:CITY_A_DATABASE', 'agencies': ['city-a'] },
                           { 'label': '乙市库', 'database': 'env:CITY_B_DATABASE', 'agencies': ['city-b'] } ] }
            """);
        result.ExitCode.ShouldBe(0, result.Errors);
        result.Errors.ShouldContain("1 / 2: 甲市库 (city-a)");
        result.Errors.ShouldNotContain("Password");
        var rollUp = JsonNode.Parse(result.Output)!;
        ((string?)rollUp["agency"]).ShouldBe("prov");
        ((string?)rollUp["agencyName"]).ShouldBe("某省（汇总）");

        // By hand: received A1, E1 (city A) and B1, B2 (city B); E1 open at year end; one review maintained in city A.
        var rows = rollUp["table3"]!["rows"]!;
        ((int)rows["received"]!["total"]!).ShouldBe(4);
        ((int)rows["received"]!["natural-person"]!).ShouldBe(2);
        ((int)rows["disclosed"]!["total"]!).ShouldBe(2);
        ((int)rows["unable-not-held"]!["natural-person"]!).ShouldBe(1);
        ((int)rows["carried-out"]!["commercial-enterprise"]!).ShouldBe(1);
        ((int)rollUp["table4"]!["review"]!["maintained"]!).ShouldBe(1);
        ((decimal)rollUp["table2"]!["feesWanYuan"]!).ShouldBe(0.000125m);
        ((int)rollUp["table2"]!["licensing"]!).ShouldBe(120);
        rollUp["checks"]!.AsArray().ShouldAllBe(c => (bool)c!["ok"]!);

        // Every cell is the sum of the two cities' own roll-ups, each read from its own database.
        var a = await ReportAsync(_cityA, "city-a");
        var b = await ReportAsync(_cityB, "city-b");
        foreach (var (row, cells) in rows.AsObject())
        {
            foreach (var (column, value) in cells!.AsObject())
            {
                ((int)value!).ShouldBe((int)a["table3"]!["rows"]![row]![column]! + (int)b["table3"]!["rows"]![row]![column]!, $"{row}/{column}");
            }
        }
    }

    [Fact]
    public async Task A_plan_that_counts_an_agency_twice_or_names_one_a_database_lacks_is_refused_with_its_code()
    {
        var twice = await RollUpAsync("""
            { 'agency': 'prov', 'sources': [ { 'database': 'env:CITY_A_DATABASE', 'agencies': ['city-a', 'city-a-edu'] } ] }
            """);
        twice.ExitCode.ShouldBe(1);
        twice.Errors.ShouldContain("caseflow: rollup.overlap: 单位 city-a-edu");

        var missing = await RollUpAsync("""
            { 'agency': 'prov', 'sources': [ { 'label': '乙市库', 'database': 'env:CITY_B_DATABASE', 'agencies': ['city-a'] } ] }
            """);
        missing.ExitCode.ShouldBe(1);
        missing.Errors.ShouldContain("caseflow: rollup.agency-not-found: 数据库 乙市库 中没有单位 city-a。");

        var unset = await RollUpAsync("""
            { 'agency': 'prov', 'sources': [ { 'database': 'env:NO_SUCH_VARIABLE', 'agencies': ['city-a'] } ] }
            """);
        unset.ExitCode.ShouldBe(1);
        unset.Errors.ShouldContain("caseflow: rollup.database-unset: ");
    }
}
