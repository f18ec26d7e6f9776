using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CaseFlow.Users;
using Marten;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseFlow.Web.Tests;

/// <summary>
/// Access and bad input checked over every route of the host's own route table (API endpoints and every page handler),
/// so a route added tomorrow is covered without a line of test: nobody signed out gets in, another agency neither sees
/// nor changes this one's requests, an auditor changes nothing, and no malformed body is answered with a 500, a .NET
/// type name or a logged stack trace.
/// </summary>
public sealed class RouteMatrixTests(WebFixture fx) : IClassFixture<WebFixture>
{
    // Text that only web-a's request and review carry: found in another agency's answer, it leaked.
    private const string Applicant = "矩阵甲某";
    private const string Subject = "矩阵测试事项";
    // Open on purpose: health for the load balancer, the sign-in and error pages, and the API's description (no data).
    private static readonly string[] s_anonymousRoutes = ["/health", "/login", "/error", "/denied", "/logout", "/api/openapi/{documentName}.json"];

    // The API reference (Scalar): its page and bundled script show the API's description, no data.
    private const string ApiReference = "/api/reference";

    private static StringContent Json(string json) => new(json.Replace('\'', '"'), Encoding.UTF8, "application/json");

    /// <summary>One way in: a method and a path (pages: one per handler, <c>?handler=Name</c>).</summary>
    private sealed record Route(string Method, string Template, string? Handler, Type? Body, bool IsPage)
    {
        public bool Writes => Method != "GET";

        public string Path(IReadOnlyDictionary<string, string> values)
        {
            var path = Regex.Replace(Template, @"\{([^}:?]+)[^}]*\}", m => Uri.EscapeDataString(values[m.Groups[1].Value]));
            return (path.StartsWith('/') ? path[1..] : path) + (Handler is null ? "" : $"?handler={Handler}");
        }

        public override string ToString() => $"{Method} {Template}{(Handler is null ? "" : "?handler=" + Handler)}";
    }

    /// <summary>Every route the host answers, read from its endpoint data source and page loader.</summary>
    private async Task<IReadOnlyList<Route>> RoutesAsync()
    {
        var routes = new List<Route>();
        var loader = fx.Services.GetRequiredService<PageLoader>();
        foreach (var endpoint in fx.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var template = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                routes.AddRange(compiled.HandlerMethods.Select(h => new Route(h.HttpMethod.ToUpperInvariant(), template, h.Name, null, IsPage: true)));
                continue;
            }

            var body = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                routes.Add(new Route(method, template, null, body, IsPage: false));
            }
        }

        return [.. routes.DistinctBy(r => r.ToString()).OrderBy(r => r.ToString(), StringComparer.Ordinal)];
    }

    /// <summary>web-a's request (open), its answered sibling and the review filed on it, all named in every route's values.</summary>
    private async Task<IReadOnlyDictionary<string, string>> SeedAsync()
    {
        using var officer = await fx.SignInAsync("officer");
        foreach (var reference in new[] { "RM-1", "RM-2" })
        {
            var created = await officer.PostAsync("api/requests", Json($"{{'request':'{reference}','receivedOn':'2026-06-01','channel':'online','applicant':{{'type':'natural-person','name':'{Applicant}','idNumber':'110101199001011234','phone':'13800138000'}},'subject':'{Subject}'}}"));
            created.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.Conflict);
        }

        await officer.PostAsync("api/requests/RM-2/answer", Json("{'on':'2026-06-10','outcome':'disclosed'}"));
        using var legal = await fx.SignInAsync("legal");
        await legal.PostAsync("api/cases/reviews", Json("{'request':'RM-2','case':'RM-R1','filedOn':'2026-06-20'}"));
        return new Dictionary<string, string>
        {
            ["reference"] = "RM-1",
            ["caseReference"] = "RM-R1",
            ["case"] = "RM-R1",
            ["kind"] = "reviews",
            ["year"] = "2026",
            ["table"] = "3",
            ["row"] = "total",
            ["column"] = "total",
            ["documentName"] = "v1",
        };
    }

    private async Task<long> EventsOfWebAAsync()
    {
        await using var query = fx.App.Query("web-a");
        return await query.Events.QueryAllRawEvents().CountAsync();
    }

    /// <summary>The route asked as a client would: a page post carries the anti-forgery token of the client's own session.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Route route, IReadOnlyDictionary<string, string> values, string? token, string body = "{}")
    {
        var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path(values));
        if (route.Writes)
        {
            request.Content = route.IsPage
                ? new FormUrlEncodedContent(token is null ? [] : [new KeyValuePair<string, string>("__RequestVerificationToken", token)])
                : new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }

    private static async Task<string?> TokenAsync(HttpClient client)
    {
        var page = await client.GetAsync("dashboard");
        var match = WebFixture.TokenPattern().Match(await page.Content.ReadAsStringAsync());
        return match.Success ? match.Groups[1].Value : null;
    }

    [Fact]
    public async Task The_route_table_is_read_whole()
    {
        var routes = await RoutesAsync();
        // A sanity floor, so that a route table read wrong cannot make every other check here pass on nothing.
        routes.Count(r => !r.IsPage).ShouldBeGreaterThan(40);
        routes.ShouldContain(r => r.ToString() == "POST /api/requests/{reference}/answer");
        routes.ShouldContain(r => r.ToString() == "POST /admin?handler=ConfirmCalendar");
        routes.ShouldContain(r => r.ToString() == "GET /requests/{reference}");
    }

    [Fact]
    public async Task Nobody_signed_out_gets_past_the_sign_in_on_any_route()
    {
        var values = await SeedAsync();
        using var anonymous = fx.Anonymous();
        var seen = new List<string>();
        foreach (var route in (await RoutesAsync()).Where(r => !s_anonymousRoutes.Contains(r.Template) && !r.Template.StartsWith(ApiReference, StringComparison.Ordinal)))
        {
            using var response = await SendAsync(anonymous, route, values, token: null);
            var status = (int)response.StatusCode;
            var page = await response.Content.ReadAsStringAsync();
            var refused = route.IsPage
                ? status is 400 || (status == 302 && response.Headers.Location!.OriginalString.Contains("/login", StringComparison.Ordinal))
                : status == 401;
            refused.ShouldBeTrue($"{route}: {status} {response.Headers.Location}");
            page.ShouldNotContain(Applicant, customMessage: route.ToString());
            seen.Add(route.ToString());
        }

        seen.Count.ShouldBeGreaterThan(60);
    }

    [Fact]
    public async Task Another_agencys_staff_neither_see_nor_change_this_agencys_requests_on_any_route()
    {
        var values = await SeedAsync();
        // web-b's officer and reporting office, and web-gov (the parent government) with its system administrator.
        foreach (var user in new[] { "other", "gov", "sysadmin" })
        {
            using var client = await fx.SignInAsync(user);
            var token = await TokenAsync(client);
            foreach (var route in await RoutesAsync())
            {
                var before = await EventsOfWebAAsync();
                using var response = await SendAsync(client, route, values, token);
                var status = (int)response.StatusCode;
                status.ShouldBeLessThan(500, $"{user} {route}");
                var body = await response.Content.ReadAsStringAsync();
                body.ShouldNotContain(Applicant, customMessage: $"{user} {route}");
                body.ShouldNotContain(Subject, customMessage: $"{user} {route}");
                (await EventsOfWebAAsync()).ShouldBe(before, $"{user} {route} wrote to web-a");
            }
        }
    }

    [Fact]
    public async Task An_auditor_changes_nothing_through_any_route()
    {
        var values = await SeedAsync();
        using var auditor = await fx.SignInAsync("auditor");
        var token = await TokenAsync(auditor);
        token.ShouldNotBeNull();
        foreach (var route in (await RoutesAsync()).Where(r => r.Writes && r.Template != "/logout"))
        {
            var before = await EventsOfWebAAsync();
            using var response = await SendAsync(auditor, route, values, token);
            var status = (int)response.StatusCode;
            status.ShouldBeLessThan(500, route.ToString());
            if (!route.IsPage)
            {
                // The role is checked before the body: an auditor learns nothing from validation messages either.
                ((HttpStatusCode)status).ShouldBeOneOf([HttpStatusCode.Forbidden, HttpStatusCode.NotFound], route.ToString());
            }

            (await EventsOfWebAAsync()).ShouldBe(before, $"{route} wrote for an auditor");
        }
    }

    [Fact]
    public async Task Every_API_write_answers_malformed_bodies_without_a_5xx_each_refusal_coded_naming_no_internal_type_and_no_stack_trace_logged()
    {
        var values = await SeedAsync();
        await UserAccounts.CreateAsync(fx.App, "rm.all", "web-a", "全部角色", WebFixture.Password, [Role.Officer, Role.Approver, Role.Legal, Role.Reporting, Role.Admin]);
        using var client = await fx.SignInAsync("rm.all");
        var mark = fx.Logs.Mark;
        var sent = 0;
        foreach (var route in (await RoutesAsync()).Where(r => r.Writes && !r.IsPage))
        {
            foreach (var body in MalformedBodies(route.Body))
            {
                using var response = await SendAsync(client, route, values, token: null, body);
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync();
                var what = $"{route} {body[..Math.Min(body.Length, 80)]} → {status} {text}";
                status.ShouldBeLessThan(500, what);
                if (status >= 400)
                {
                    JsonDocument.Parse(text).RootElement.GetProperty("code").GetString().ShouldNotBeNullOrEmpty(what);
                    foreach (var internalName in new[] { "System.", "CaseFlow.", "NodaTime.", "Microsoft." })
                    {
                        text.ShouldNotContain(internalName, Case.Sensitive, what);
                    }

                    Regex.IsMatch(text, @"\b[A-Z]\w*Body\b").ShouldBeFalse(what);
                }

                sent++;
            }
        }

        sent.ShouldBeGreaterThan(300);
        var logged = fx.Logs.Since(mark).Where(e => e.Exception is not null || e.Level is >= LogLevel.Warning and < LogLevel.None).ToList();
        logged.ShouldBeEmpty(string.Join("\n", logged.Take(5).Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception?.GetType().Name}")));
        fx.Logs.Since(mark).ShouldContain(e => e.Level == LogLevel.Information && e.Message.StartsWith("Malformed request", StringComparison.Ordinal),
            "a malformed body is worth an Information line");
    }

    [Fact]
    public async Task A_body_that_names_a_field_twice_is_refused_not_read_either_way()
    {
        await SeedAsync();
        using var officer = await fx.SignInAsync("officer");
        var before = await EventsOfWebAAsync();
        var response = await officer.PostAsync("api/requests/RM-1/answer", Json("{'on':'2026-06-10','outcome':'disclosed','outcome':'not-exist'}"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("code").GetString().ShouldBe("input.malformed");
        problem.GetProperty("detail").GetString()!.ShouldContain("outcome 重复出现");
        (await EventsOfWebAAsync()).ShouldBe(before, "neither value was applied");
    }

    /// <summary>Bodies that are not what <paramref name="body"/> reads: bad syntax, the wrong root, and each field given wrong values.</summary>
    private static IEnumerable<string> MalformedBodies(Type? body)
    {
        yield return "{";
        yield return "";
        yield return "[]";
        yield return "\"text\"";
        yield return "{\"a\":1e999}";
        var wrong = new[] { "5", "-1", "99999999999999999999999", "true", "\"text\"", "\"2026-13-45\"", "\"\\u0000\"", "{}", "[1,2]", "null" };
        var properties = body?.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || p.SetMethod is not null) ?? [];
        foreach (var property in properties)
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            foreach (var value in wrong)
            {
                yield return $"{{\"{name}\":{value}}}";
            }

            yield return $"{{\"{name}\":\"a\",\"{name}\":\"b\"}}";
        }
    }
}
