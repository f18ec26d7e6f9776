using System.Net;
using System.Text;
using System.Text.Json;

namespace CaseFlow.Web.Tests;

/// <summary>The report, review and litigation parts of the HTTP API: access by role and agency, and their errors.</summary>
public sealed class ReportApiTests(WebFixture fx) : IClassFixture<WebFixture>
{
    private static StringContent Json(string json) => new(json.Replace('\'', '"'), Encoding.UTF8, "application/json");

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        JsonDocument.Parse(text).RootElement.GetProperty("code").GetString().ShouldBe(code);
    }

    [Fact]
    public async Task The_report_is_the_contracts_json_and_its_files_download_in_every_format()
    {
        using var client = await fx.SignInAsync("reporter");
        var response = await client.GetAsync("api/reports/annual/2026");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("agency").GetString().ShouldBe("web-a");
        body.GetProperty("table3").GetProperty("rows").EnumerateObject().Count().ShouldBe(25);

        foreach (var (format, type) in new[] { ("docx", "wordprocessingml"), ("xlsx", "spreadsheetml"), ("csv", "text/csv"), ("html", "text/html"), ("json", "application/json") })
        {
            var file = await client.GetAsync($"api/reports/annual/2026/file?format={format}");
            file.StatusCode.ShouldBe(HttpStatusCode.OK, format);
            file.Content.Headers.ContentType!.ToString().ShouldContain(type);
            // Named as the office files it, in Chinese; the HTML opens in the browser, the rest download.
            file.Content.Headers.ContentDisposition!.FileNameStar.ShouldEndWith($"年政府信息公开工作年度报告.{format}");
            file.Content.Headers.ContentDisposition.DispositionType.ShouldBe(format == "html" ? "inline" : "attachment", format);
            var bytes = await file.Content.ReadAsByteArrayAsync();
            if (format is "docx" or "xlsx")
            {
                bytes.Take(2).ShouldBe("PK"u8.ToArray(), format); // a zip package
            }
            else
            {
                System.Text.Encoding.UTF8.GetString(bytes).ShouldContain(format == "json" ? "\"agency\": \"web-a\"" : "政府信息公开", Case.Sensitive, format);
            }
        }

        await ShouldBeProblemAsync(await client.GetAsync("api/reports/annual/2026/file?format=pdf"), HttpStatusCode.BadRequest, "input.format-unknown");
        await ShouldBeProblemAsync(await client.GetAsync("api/reports/annual/1999"), HttpStatusCode.UnprocessableEntity, "input.invalid");
    }

    [Fact]
    public async Task Another_agencys_report_is_forbidden_but_a_parents_reporting_role_reads_its_childrens()
    {
        using var officer = await fx.SignInAsync("officer");
        await ShouldBeProblemAsync(await officer.GetAsync("api/reports/annual/2026?agency=web-b"), HttpStatusCode.Forbidden, "access.other-agency");
        await ShouldBeProblemAsync(await officer.GetAsync("api/reports/annual/2026/cells/3/received/total?agency=web-b"), HttpStatusCode.Forbidden, "access.other-agency");
        // A roll-up holds the sub-agencies' figures: the reporting role's, not everyone's.
        using var auditor = await fx.SignInAsync("auditor");
        await ShouldBeProblemAsync(await auditor.GetAsync("api/reports/annual/2026?includeChildren=true"), HttpStatusCode.Forbidden, "access.other-agency");

        using var gov = await fx.SignInAsync("gov");
        (await gov.GetAsync("api/reports/annual/2026?agency=web-b")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var rollUp = JsonDocument.Parse(await gov.GetStringAsync("api/reports/annual/2026?includeChildren=true")).RootElement;
        rollUp.GetProperty("agencies").EnumerateArray().Select(a => a.GetString()).ShouldBe(["web-gov", "web-a", "web-b"]);
    }

    [Fact]
    public async Task A_cell_lists_its_requests_and_an_unknown_cell_is_404()
    {
        using var officer = await fx.SignInAsync("officer");
        (await officer.PostAsync("api/requests", Json("{'request':'RPT-1','receivedOn':'2026-05-06','channel':'in-person','applicant':{'type':'legal-service-org','name':'某律师事务所'},'subject':'某项目环评批复'}")))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var cell = JsonDocument.Parse(await officer.GetStringAsync("api/reports/annual/2026/cells/3/received/legal-service-org")).RootElement;
        cell.EnumerateArray().Select(e => e.GetProperty("reference").GetString()).ShouldContain("RPT-1");
        await ShouldBeProblemAsync(await officer.GetAsync("api/reports/annual/2026/cells/3/no-such-row/total"), HttpStatusCode.NotFound, "report.cell-not-found");
    }

    [Fact]
    public async Task Closing_needs_the_reporting_role_and_a_year_that_has_ended_and_table_2_is_validated()
    {
        using var officer = await fx.SignInAsync("officer");
        await ShouldBeProblemAsync(await officer.PostAsync("api/reports/annual/2025/close", null), HttpStatusCode.Forbidden, "access.forbidden");

        using var reporter = await fx.SignInAsync("reporter");
        await ShouldBeProblemAsync(await reporter.PostAsync("api/reports/annual/2026/close", null), HttpStatusCode.UnprocessableEntity, "report.year-not-ended");
        var closed = await reporter.PostAsync("api/reports/annual/2025/close", null);
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        JsonDocument.Parse(await closed.Content.ReadAsStringAsync()).RootElement[0].GetProperty("version").GetInt32().ShouldBe(1);

        await ShouldBeProblemAsync(await reporter.PutAsync("api/reports/annual/2025/table2", Json("{'licensing':-1}")), HttpStatusCode.UnprocessableEntity, "input.invalid");
        (await reporter.PutAsync("api/reports/annual/2025/table2", Json("{'licensing':12,'feesWanYuan':1.5}"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Read back: the report's table 二 carries what was recorded.
        var table2 = JsonDocument.Parse(await reporter.GetStringAsync("api/reports/annual/2025")).RootElement.GetProperty("table2");
        table2.GetProperty("licensing").GetInt32().ShouldBe(12);
        table2.GetProperty("feesWanYuan").GetDecimal().ShouldBe(1.5m);
    }

    [Fact]
    public async Task Only_legal_staff_record_cases_and_a_case_of_an_unknown_request_is_404()
    {
        using var officer = await fx.SignInAsync("officer");
        await ShouldBeProblemAsync(await officer.PostAsync("api/cases/reviews", Json("{'request':'X','case':'C1','filedOn':'2026-05-01'}")), HttpStatusCode.Forbidden, "access.forbidden");
        using var legal = await fx.SignInAsync("legal");
        await ShouldBeProblemAsync(await legal.PostAsync("api/cases/reviews", Json("{'request':'NO-SUCH','case':'C1','filedOn':'2026-05-01'}")), HttpStatusCode.NotFound, "request.not-found");
        await ShouldBeProblemAsync(await legal.GetAsync("api/cases/reviews/NO-SUCH"), HttpStatusCode.NotFound, "review.not-found");
        var cases = await legal.GetAsync("api/cases");
        cases.StatusCode.ShouldBe(HttpStatusCode.OK);
        // Read back: nothing was filed by the refused attempts.
        JsonDocument.Parse(await cases.Content.ReadAsStringAsync()).RootElement.EnumerateArray()
            .ShouldNotContain(c => c.GetProperty("caseReference").GetString() == "C1");
    }
}
