using System.Net;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Web.Tests;

/// <summary>
/// Every API route that names a request or a case, with a body that passes validation: one that does not exist is a
/// 404 with a <c>*.not-found</c> code, and a write with a stale <c>If-Match</c> is a 412 <c>version.mismatch</c>; neither
/// writes anything, and the API's OpenAPI document declares both. The scenario table must cover every such route of the
/// host's route table, so a new route needs one.
/// </summary>
public sealed class NotFoundAndStaleTests(WebFixture fx) : IClassFixture<WebFixture>
{
    /// <summary>Per route: who may write it, and a body of the right shape (rules may still refuse it; shape may not).</summary>
    private static readonly Dictionary<string, (string User, string Body)> s_writes = new(StringComparer.Ordinal)
    {
        ["POST /api/requests/{reference}/answer"] = ("officer", "{'on':'2026-06-10','outcome':'disclosed'}"),
        ["POST /api/requests/{reference}/delivery"] = ("officer", "{'on':'2026-06-11','method':'邮寄'}"),
        ["POST /api/requests/{reference}/fee-notices"] = ("officer", "{'on':'2026-06-10','amountYuan':100}"),
        ["POST /api/requests/{reference}/fee-payments"] = ("officer", "{'on':'2026-06-11'}"),
        ["POST /api/requests/{reference}/clarification-notices"] = ("officer", "{'on':'2026-06-03','items':['请说明文件名称']}"),
        ["POST /api/requests/{reference}/corrected-requests"] = ("officer", "{'on':'2026-06-08'}"),
        ["PUT /api/requests/{reference}/officer"] = ("officer", "{'officer':'officer','on':'2026-06-02'}"),
        ["POST /api/requests/{reference}/extensions"] = ("approver", "{'on':'2026-06-20','workingDays':10,'reason':'涉及面广'}"),
        ["POST /api/requests/{reference}/approval-requests"] = ("officer", "{'kind':'extension','on':'2026-06-20','workingDays':10,'reason':'涉及面广'}"),
        ["POST /api/requests/{reference}/approval-requests/approval"] = ("approver", "{'on':'2026-06-21'}"),
        ["POST /api/requests/{reference}/approval-requests/refusal"] = ("approver", "{'on':'2026-06-21','comment':'理由不足'}"),
        ["POST /api/requests/{reference}/consultations"] = ("officer", "{'on':'2026-06-05','party':'third-party','name':'某公司'}"),
        ["POST /api/requests/{reference}/consultation-replies"] = ("officer", "{'on':'2026-06-09'}"),
        ["POST /api/requests/{reference}/volume-reasons-requests"] = ("officer", "{'on':'2026-06-05'}"),
        ["PUT /api/requests/{reference}/delayed-answer-date"] = ("approver", "{'on':'2026-06-20','dueOn':'2026-08-31','reason':'数量巨大'}"),
        ["POST /api/requests/{reference}/withdrawal"] = ("officer", "{'on':'2026-06-12','reason':'申请人撤回'}"),
        ["POST /api/requests/{reference}/letters"] = ("officer", "{'kind':'receipt','on':'2026-06-02'}"),
        ["POST /api/cases/reviews/{caseReference}/decision"] = ("legal", "{'on':'2026-06-25','result':'maintained'}"),
        ["POST /api/cases/lawsuits/{caseReference}/judgments"] = ("legal", "{'on':'2026-06-25','result':'maintained'}"),
    };

    private static readonly string[] s_reviewSteps = ["correction-requests", "corrections", "acceptance", "suspension", "resumption", "extension", "delivery", "copy-received", "reply"];
    private static readonly string[] s_lawsuitSteps = ["registration", "suspension", "resumption", "appeal", "in-force", "copy-received", "defence"];

    private static StringContent Json(string json) => new(json.Replace('\'', '"'), Encoding.UTF8, "application/json");

    /// <summary>The scenario of a route: the table's, or a case step's (each takes a date, and a reason where it needs one).</summary>
    private static (string User, string Body) Scenario(string route)
    {
        if (s_writes.TryGetValue(route, out var scenario))
        {
            return scenario;
        }

        var step = route[(route.LastIndexOf('/') + 1)..];
        return ("legal", step is "suspension" ? "{'on':'2026-06-22','reason':'等待另案结果'}" : step is "extension" ? "{'on':'2026-06-22','days':30}" : "{'on':'2026-06-22'}");
    }

    /// <summary>The API's routes that name a request or a case, as <c>METHOD /template</c>.</summary>
    private IReadOnlyList<string> NamingRoutes() =>
    [
        .. fx.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .Where(r => r.Contains("{reference}", StringComparison.Ordinal) || r.Contains("{caseReference}", StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal),
    ];

    private async Task<long> EventsOfWebAAsync()
    {
        await using var query = fx.App.Query("web-a");
        return await query.Events.QueryAllRawEvents().CountAsync();
    }

    private static HttpRequestMessage Message(string route, string reference, string caseReference, string body)
    {
        var space = route.IndexOf(' ');
        var path = route[(space + 2)..].Replace("{reference}", reference).Replace("{caseReference}", caseReference).Replace("{kind}", "receipt");
        var message = new HttpRequestMessage(new HttpMethod(route[..space]), path);
        if (route[..space] != "GET")
        {
            message.Content = Json(body);
        }

        return message;
    }

    /// <summary>The three roles the routes need, each signed in; disposed together.</summary>
    private sealed class Clients(Dictionary<string, HttpClient> byUser) : IDisposable
    {
        public HttpClient this[string user] => byUser[user];

        public void Dispose()
        {
            foreach (var client in byUser.Values)
            {
                client.Dispose();
            }
        }
    }

    private async Task<Clients> ClientsAsync() => new(new()
    {
        ["officer"] = await fx.SignInAsync("officer"),
        ["approver"] = await fx.SignInAsync("approver"),
        ["legal"] = await fx.SignInAsync("legal"),
    });

    /// <summary>The statuses the API's own OpenAPI document declares for a route (<c>METHOD /template</c>).</summary>
    private async Task<Func<string, string, bool>> DeclaredAsync()
    {
        using var anonymous = fx.Anonymous();
        var paths = JsonDocument.Parse(await anonymous.GetStringAsync("api/openapi/v1.json")).RootElement.GetProperty("paths");
        return (route, status) =>
        {
            var space = route.IndexOf(' ');
            return paths.TryGetProperty(route[(space + 1)..], out var path)
                && path.TryGetProperty(route[..space].ToLowerInvariant(), out var operation)
                && operation.GetProperty("responses").TryGetProperty(status, out _);
        };
    }

    /// <summary>Sends and reads the answer: its status, its ProblemDetails code (if it is one) and the start of its text.</summary>
    private static async Task<(HttpStatusCode Status, string? Code, string Text)> SendAsync(HttpClient client, HttpRequestMessage message)
    {
        using (message)
        using (var response = await client.SendAsync(message))
        {
            var text = await response.Content.ReadAsStringAsync();
            var code = response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? JsonDocument.Parse(text).RootElement.GetProperty("code").GetString() : null;
            return (response.StatusCode, code, text[..Math.Min(200, text.Length)]);
        }
    }

    [Fact]
    public void Every_route_that_names_a_request_or_case_has_a_scenario()
    {
        var routes = NamingRoutes();
        routes.Count.ShouldBeGreaterThan(35); // the table was read (17 request writes, 18 case writes, the reads)
        var writes = routes.Where(r => !r.StartsWith("GET ", StringComparison.Ordinal)).ToList();
        s_writes.Keys.Except(writes).ShouldBeEmpty("scenarios of routes that no longer exist");
        var steps = writes.Except(s_writes.Keys).ToList();
        steps.ShouldAllBe(r => s_reviewSteps.Any(s => r == $"POST /api/cases/reviews/{{caseReference}}/{s}") || s_lawsuitSteps.Any(s => r == $"POST /api/cases/lawsuits/{{caseReference}}/{s}"),
            "a write route without a scenario: add one to s_writes");
    }

    [Fact]
    public async Task A_request_or_case_that_does_not_exist_is_a_404_with_a_not_found_code_on_every_route_and_nothing_is_written()
    {
        using var clients = await ClientsAsync();
        var declared = await DeclaredAsync();
        var before = await EventsOfWebAAsync();
        var failures = new List<string>();
        foreach (var route in NamingRoutes())
        {
            if (!declared(route, "404"))
            {
                failures.Add($"{route}: the OpenAPI document does not declare its 404");
            }

            var (user, body) = route.StartsWith("GET ", StringComparison.Ordinal) ? (route.Contains("/cases/", StringComparison.Ordinal) ? "legal" : "officer", "") : Scenario(route);
            var (status, code, text) = await SendAsync(clients[user], Message(route, "NF-NONE", "NF-NONE-CASE", body));
            if (status != HttpStatusCode.NotFound || code is null || !code.EndsWith(".not-found", StringComparison.Ordinal))
            {
                failures.Add($"{route}: {(int)status} {code} {text}");
            }
        }

        failures.ShouldBeEmpty();
        (await EventsOfWebAAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_write_with_a_stale_If_Match_is_a_412_version_mismatch_on_every_route_and_nothing_is_written()
    {
        using var clients = await ClientsAsync();
        (await clients["officer"].PostAsync("api/requests", Json("{'request':'NF-1','receivedOn':'2026-06-01','channel':'online','applicant':{'type':'natural-person','name':'陈某'},'subject':'过期版本测试'}"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await clients["officer"].PostAsync("api/requests/NF-1/answer", Json("{'on':'2026-06-10','outcome':'disclosed'}"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await clients["legal"].PostAsync("api/cases/reviews", Json("{'request':'NF-1','case':'NF-R1','filedOn':'2026-06-20'}"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await clients["legal"].PostAsync("api/cases/lawsuits", Json("{'request':'NF-1','case':'NF-L1','filedOn':'2026-06-21','afterReview':false}"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = await EventsOfWebAAsync();
        var failures = new List<string>();
        var declared = await DeclaredAsync();
        foreach (var route in NamingRoutes().Where(r => !r.StartsWith("GET ", StringComparison.Ordinal)))
        {
            if (!declared(route, "412"))
            {
                failures.Add($"{route}: the OpenAPI document does not declare its 412");
            }

            var (user, body) = Scenario(route);
            var caseReference = route.Contains("/lawsuits/", StringComparison.Ordinal) ? "NF-L1" : "NF-R1";
            var message = Message(route, "NF-1", caseReference, body);
            message.Headers.TryAddWithoutValidation("If-Match", "\"999\"");
            var (status, code, text) = await SendAsync(clients[user], message);
            if (status != HttpStatusCode.PreconditionFailed || code != "version.mismatch")
            {
                failures.Add($"{route}: {(int)status} {code} {text}");
            }
        }

        failures.ShouldBeEmpty();
        (await EventsOfWebAAsync()).ShouldBe(before);
    }
}
