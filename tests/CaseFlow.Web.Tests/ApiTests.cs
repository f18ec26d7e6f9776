using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CaseFlow.Web.Tests;

public sealed class ApiTests(WebFixture fx) : IClassFixture<WebFixture>
{
    private static StringContent Json(string json) => new(json.Replace('\'', '"'), Encoding.UTF8, "application/json");

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var body = await BodyAsync(response);
        body.GetProperty("code").GetString().ShouldBe(code);
        body.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("   at "); // never a stack trace
    }

    private static async Task<HttpResponseMessage> ReceiveAsync(HttpClient client, string reference, string on = "2026-06-01") =>
        await client.PostAsync("api/requests", Json($"{{'request':'{reference}','receivedOn':'{on}','channel':'in-person','applicant':{{'type':'natural-person','name':'张三','idNumber':'370102199001011234','phone':'13800000000'}},'subject':'某文件'}}"));

    [Fact]
    public async Task A_late_correction_notice_is_recorded_with_its_warning_in_the_answer()
    {
        using var client = await fx.SignInAsync("officer");
        (await ReceiveAsync(client, "API-W1")).StatusCode.ShouldBe(HttpStatusCode.Created);

        // Received Mon 2026-06-01: the 7 working days for a notice end Wed 06-10; a notice on 06-12 is late, not void.
        var late = await client.PostAsync("api/requests/API-W1/clarification-notices", Json("{'on':'2026-06-12','items':['请说明文件名称']}"));
        late.StatusCode.ShouldBe(HttpStatusCode.OK, await late.Content.ReadAsStringAsync());
        var warning = (await BodyAsync(late)).GetProperty("warnings").EnumerateArray().ShouldHaveSingleItem();
        warning.GetProperty("code").GetString().ShouldBe("clarification.notice-late");
        (warning.GetProperty("message").GetString() ?? "").ShouldContain("2026-06-10");

        // The warning belongs to that answer only: reading the request again shows none.
        var reread = await BodyAsync(await client.GetAsync("api/requests/API-W1"));
        (reread.TryGetProperty("warnings", out var again) ? again.GetArrayLength() : 0).ShouldBe(0);
    }

    [Fact]
    public async Task A_delayed_answer_date_is_approved_like_an_extension_and_must_be_later_than_the_due_date()
    {
        using var officer = await fx.SignInAsync("officer");
        using var approver = await fx.SignInAsync("approver");
        (await ReceiveAsync(officer, "API-D1")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await officer.PostAsync("api/requests/API-D1/volume-reasons-requests", Json("{'on':'2026-06-02'}"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await ShouldBeProblemAsync(await officer.PutAsync("api/requests/API-D1/delayed-answer-date", Json("{'on':'2026-06-05','dueOn':'2026-08-31','reason':'数量较大','approvedBy':'王局长'}")),
            HttpStatusCode.Forbidden, "access.forbidden");
        // The answer is due 2026-06-30: a "delay" to 06-20 is none.
        await ShouldBeProblemAsync(await approver.PutAsync("api/requests/API-D1/delayed-answer-date", Json("{'on':'2026-06-05','dueOn':'2026-06-20','reason':'数量较大','approvedBy':'王局长'}")),
            (HttpStatusCode)422, "volume.due-not-later");

        var set = await approver.PutAsync("api/requests/API-D1/delayed-answer-date", Json("{'on':'2026-06-05','dueOn':'2026-08-31','reason':'数量较大','approvedBy':'王局长'}"));
        set.StatusCode.ShouldBe(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        (await BodyAsync(set)).GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "answer")
            .GetProperty("due").GetString().ShouldBe("2026-08-31");
    }

    [Fact]
    public async Task Without_signing_in_the_api_answers_401()
    {
        using var client = fx.Anonymous();
        await ShouldBeProblemAsync(await client.GetAsync("api/requests"), HttpStatusCode.Unauthorized, "access.not-signed-in");
    }

    [Fact]
    public async Task Receiving_answers_201_with_location_etag_and_the_request_with_its_explained_deadlines()
    {
        using var client = await fx.SignInAsync("officer");
        var response = await ReceiveAsync(client, "API-1");

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.ToString().ShouldBe("/api/requests/API-1");
        response.Headers.ETag!.Tag.ShouldBe("\"1\"");
        var body = await BodyAsync(response);
        body.GetProperty("status").GetString().ShouldBe("open");
        var answer = body.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "answer");
        answer.GetProperty("due").GetString().ShouldBe("2026-06-30");
        answer.GetProperty("explanation").EnumerateArray().Select(l => l.GetString()).ShouldContain(l => l!.Contains("2026-06-19至2026-06-21 为法定节假日"));
        body.GetProperty("history")[0].GetProperty("recordedBy").GetString().ShouldBe("officer");

        var get = await client.GetAsync("api/requests/API-1");
        get.StatusCode.ShouldBe(HttpStatusCode.OK);
        get.Headers.ETag!.Tag.ShouldBe("\"1\"");
    }

    [Fact]
    public async Task A_stale_If_Match_is_412_and_nothing_is_overwritten()
    {
        using var client = await fx.SignInAsync("officer");
        (await ReceiveAsync(client, "API-2")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var consult = new HttpRequestMessage(HttpMethod.Post, "api/requests/API-2/consultations") { Content = Json("{'on':'2026-06-02','party':'third-party'}") };
        consult.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        var first = await client.SendAsync(consult);
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        first.Headers.ETag!.Tag.ShouldBe("\"2\"");

        // A colleague's form, read at version 1, is submitted after the change above.
        var stale = new HttpRequestMessage(HttpMethod.Post, "api/requests/API-2/answer") { Content = Json("{'on':'2026-06-03','outcome':'disclosed'}") };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        await ShouldBeProblemAsync(await client.SendAsync(stale), HttpStatusCode.PreconditionFailed, "version.mismatch");
        (await BodyAsync(await client.GetAsync("api/requests/API-2"))).GetProperty("status").GetString().ShouldBe("consulting");

        var malformed = new HttpRequestMessage(HttpMethod.Post, "api/requests/API-2/answer") { Content = Json("{'on':'2026-06-03','outcome':'disclosed'}") };
        malformed.Headers.TryAddWithoutValidation("If-Match", "yesterday");
        await ShouldBeProblemAsync(await client.SendAsync(malformed), HttpStatusCode.BadRequest, "input.if-match-invalid");
    }

    [Fact]
    public async Task Missing_duplicate_invalid_and_rule_breaking_requests_have_their_own_status_and_code()
    {
        using var client = await fx.SignInAsync("officer");
        await ShouldBeProblemAsync(await client.GetAsync("api/requests/NOPE"), HttpStatusCode.NotFound, "request.not-found");
        await ShouldBeProblemAsync(await client.PostAsync("api/requests/NOPE/answer", Json("{'on':'2026-06-03','outcome':'disclosed'}")), HttpStatusCode.NotFound, "request.not-found");

        (await ReceiveAsync(client, "API-3")).StatusCode.ShouldBe(HttpStatusCode.Created);
        await ShouldBeProblemAsync(await ReceiveAsync(client, "API-3"), HttpStatusCode.Conflict, "request.already-received");
        await ShouldBeProblemAsync(await client.PostAsync("api/requests/API-3/answer", Json("{'on':'2026-06-03','outcome':'granted'}")), HttpStatusCode.UnprocessableEntity, "input.invalid");
        await ShouldBeProblemAsync(await client.PostAsync("api/requests/API-3/answer", Json("{'on':'2026-07-01','outcome':'disclosed'}")), HttpStatusCode.UnprocessableEntity, "date.in-future");
        await ShouldBeProblemAsync(await client.PostAsync("api/requests/API-3/answer", Json("{'on': 12}")), HttpStatusCode.BadRequest, "input.malformed");
    }

    [Fact]
    public async Task Only_an_approver_may_approve_an_extension_and_the_approval_is_theirs()
    {
        using var officer = await fx.SignInAsync("officer");
        (await ReceiveAsync(officer, "API-4")).StatusCode.ShouldBe(HttpStatusCode.Created);
        await ShouldBeProblemAsync(await officer.PostAsync("api/requests/API-4/extensions", Json("{'on':'2026-06-10','workingDays':10}")), HttpStatusCode.Forbidden, "access.forbidden");

        using var approver = await fx.SignInAsync("approver");
        var approved = await approver.PostAsync("api/requests/API-4/extensions", Json("{'on':'2026-06-10','workingDays':10,'approvedBy':'someone else'}"));
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        (await BodyAsync(approved)).GetProperty("history")[1].GetProperty("summary").GetString()!.ShouldContain("经 王主任 同意延长答复期限 10 个工作日");

        using var auditor = await fx.SignInAsync("auditor");
        await ShouldBeProblemAsync(await auditor.PostAsync("api/requests/API-4/answer", Json("{'on':'2026-06-11','outcome':'disclosed'}")), HttpStatusCode.Forbidden, "access.forbidden");
        (await auditor.GetAsync("api/requests/API-4")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_agencys_request_does_not_exist_for_you()
    {
        using var officer = await fx.SignInAsync("officer");
        (await ReceiveAsync(officer, "API-5")).StatusCode.ShouldBe(HttpStatusCode.Created);

        using var other = await fx.SignInAsync("other");
        await ShouldBeProblemAsync(await other.GetAsync("api/requests/API-5"), HttpStatusCode.NotFound, "request.not-found");
        await ShouldBeProblemAsync(await other.PostAsync("api/requests/API-5/answer", Json("{'on':'2026-06-03','outcome':'disclosed'}")), HttpStatusCode.NotFound, "request.not-found");
        (await other.GetFromJsonAsync<JsonElement>("api/requests?list=all")).EnumerateArray().ShouldNotContain(r => r.GetProperty("reference").GetString() == "API-5");
    }

    [Fact]
    public async Task The_same_Idempotency_Key_applies_a_write_once()
    {
        using var client = await fx.SignInAsync("officer");
        (await ReceiveAsync(client, "API-6")).StatusCode.ShouldBe(HttpStatusCode.Created);
        HttpRequestMessage Post() => new(HttpMethod.Post, "api/requests/API-6/consultations") { Content = Json("{'on':'2026-06-02','party':'third-party'}"), Headers = { { "Idempotency-Key", "consult-api-6" } } };

        var first = await client.SendAsync(Post());
        var again = await client.SendAsync(Post());

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.StatusCode.ShouldBe(HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
        again.Headers.ETag!.Tag.ShouldBe("\"2\"");
        (await BodyAsync(again)).GetProperty("history").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task The_worklist_orders_open_requests_by_their_nearest_deadline_and_masks_personal_data()
    {
        using var client = await fx.SignInAsync("officer");
        (await ReceiveAsync(client, "API-7", "2026-06-20")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await ReceiveAsync(client, "API-8", "2026-05-25")).StatusCode.ShouldBe(HttpStatusCode.Created);

        var list = (await client.GetFromJsonAsync<JsonElement>("api/requests?list=open")).EnumerateArray().ToList();

        var dues = list.Select(r => r.GetProperty("nextDeadline").GetProperty("due").GetString()).ToList();
        dues.ShouldBe(dues.Order(StringComparer.Ordinal).ToList());
        var api8 = list.Single(r => r.GetProperty("reference").GetString() == "API-8");
        api8.GetProperty("applicant").GetProperty("idNumber").GetString().ShouldBe("3701**********1234");
        api8.GetProperty("applicant").GetProperty("phone").GetString().ShouldBe("138****0000");
        api8.GetProperty("nextDeadline").GetProperty("overdue").GetBoolean().ShouldBeTrue(); // its 7-day correction notice window passed
    }

    [Fact]
    public async Task The_openapi_document_describes_dates_codes_required_fields_the_session_cookie_headers_answers_and_problems_and_health_is_served()
    {
        using var client = fx.Anonymous();
        var doc = await client.GetFromJsonAsync<JsonElement>("api/openapi/v1.json");
        var answer = doc.GetProperty("paths").GetProperty("/api/requests/{reference}/answer").GetProperty("post");

        // Dates are YYYY-MM-DD strings, not the empty schema NodaTime's type gave.
        var body = answer.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var schema = body.TryGetProperty("$ref", out var reference)
            ? doc.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!["#/components/schemas/".Length..])
            : body;
        var on = schema.GetProperty("properties").GetProperty("on");
        if (on.TryGetProperty("oneOf", out var either)) // a nullable date: null, or the date
        {
            on = either.EnumerateArray().Single(e => !e.TryGetProperty("type", out var t) || t.GetString() != "null");
        }

        if (on.TryGetProperty("$ref", out var dateReference))
        {
            on = doc.GetProperty("components").GetProperty("schemas").GetProperty(dateReference.GetString()!["#/components/schemas/".Length..]);
        }

        on.TryGetProperty("format", out var format).ShouldBeTrue(on.ToString());
        format.GetString().ShouldBe("date");
        on.GetProperty("type").ToString().ShouldContain("string");

        // The session cookie, the write headers, and ProblemDetails with its code on each refusal.
        var session = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("session");
        session.GetProperty("in").GetString().ShouldBe("cookie");
        session.GetProperty("name").GetString().ShouldBe("caseflow.session");
        answer.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldContain("If-Match");
        answer.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldContain("Idempotency-Key");
        var problem = doc.GetProperty("components").GetProperty("schemas").GetProperty("Problem");
        problem.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldBe(["status", "code", "detail"], ignoreOrder: true);
        foreach (var status in new[] { "400", "401", "403", "404", "409", "412", "422" })
        {
            answer.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/problem+json")
                .GetProperty("schema").GetProperty("$ref").GetString().ShouldBe("#/components/schemas/Problem", status);
        }

        // The answer: the request as it now stands, with its version as ETag; codes as enums; numbers as numbers.
        var ok = answer.GetProperty("responses").GetProperty("200");
        ok.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString().ShouldBe("#/components/schemas/RequestView");
        ok.GetProperty("headers").TryGetProperty("ETag", out _).ShouldBeTrue();
        var created = doc.GetProperty("paths").GetProperty("/api/requests").GetProperty("post").GetProperty("responses").GetProperty("201");
        created.GetProperty("headers").TryGetProperty("Location", out _).ShouldBeTrue();
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var answerBody = schemas.GetProperty("AnswerRequestBody");
        answerBody.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldBe(["on"]);
        answerBody.GetProperty("properties").GetProperty("on").GetProperty("type").GetString().ShouldBe("string"); // required: never null
        answerBody.GetProperty("properties").GetProperty("outcome").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ShouldContain("partially-disclosed");
        schemas.GetProperty("ApproveExtensionBody").GetProperty("properties").GetProperty("workingDays").GetProperty("type").GetString().ShouldBe("integer"); // not integer-or-string
        schemas.GetProperty("ApproveExtensionBody").GetProperty("properties").GetProperty("workingDays").GetProperty("maximum").GetInt32().ShouldBe(20); // art. 33
        schemas.GetProperty("ApproveExtensionBody").GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldNotContain("approvedBy"); // the signed-in approver

        (await client.GetFromJsonAsync<JsonElement>("health")).GetProperty("status").GetString().ShouldBe("healthy");
    }

    [Fact]
    public async Task The_API_reference_page_reads_the_document_and_loads_its_script_from_this_server()
    {
        using var client = fx.Anonymous();
        var page = await client.GetAsync("api/reference/");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("\"url\":\"api/openapi/v1.json\"");
        var script = System.Text.RegularExpressions.Regex.Match(html, "<script[^>]+src=\"([^\"]+)\"").Groups[1].Value;
        script.ShouldNotStartWith("http"); // no CDN: an agency's network may not reach one
        var bundle = await client.GetAsync(new Uri(new Uri(client.BaseAddress!, "api/reference/"), script));
        bundle.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bundle.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(100_000);
    }
}
