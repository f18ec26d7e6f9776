using System.Net;
using System.Text;
using System.Text.Json;
using CaseFlow.Infrastructure;
using CaseFlow.Requests;

namespace CaseFlow.Web.Tests;

/// <summary>
/// Approvals as a workflow: an officer asks for an extension or a delayed date with reasons, the agency's approvers see
/// it on their list and in their inbox, and approve or refuse; the approver recorded is always the signed-in approver.
/// </summary>
public sealed class ApprovalTests(WebFixture fx) : IClassFixture<WebFixture>
{
    private static StringContent Json(string json) => new(json.Replace('\'', '"'), Encoding.UTF8, "application/json");

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(text);
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<string> CodeOfAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;

    private static string AnswerDue(JsonElement request) =>
        request.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "answer").GetProperty("due").GetString()!;

    private static async Task ReceiveAsync(HttpClient officer, string reference) =>
        (await officer.PostAsync("api/requests", Json($"{{'request':'{reference}','receivedOn':'2026-06-22','channel':'online','applicant':{{'type':'natural-person','name':'张三'}},'subject':'某文件'}}")))
        .StatusCode.ShouldBe(HttpStatusCode.Created);

    private async Task<T> LastEventAsync<T>(string reference)
    {
        await using var query = fx.App.Query("web-a");
        var events = await query.Events.FetchStreamAsync(StreamIds.Request("web-a", reference));
        return events.Select(e => e.Data).OfType<T>().Last();
    }

    [Fact]
    public async Task An_officer_asks_for_an_extension_and_the_approver_approves_it_from_the_list_in_the_approvers_name()
    {
        using var officer = await fx.SignInAsync("officer");
        using var approver = await fx.SignInAsync("approver");
        // Received Monday 2026-06-22: 20 working days from 06-23 end on Monday 07-20 (no holiday in July); 10 more
        // working days (07-21 … 07-24, 07-27 … 07-31, 08-03) end on Monday 08-03.
        await ReceiveAsync(officer, "APR-1");

        var asked = await BodyAsync(await officer.PostAsync("api/requests/APR-1/approval-requests",
            Json("{'kind':'extension','on':'2026-06-29','workingDays':10,'reason':'需要调取档案'}")));
        AnswerDue(asked).ShouldBe("2026-07-20", "asking moves nothing");
        asked.GetProperty("awaitingApproval").GetProperty("requestedBy").GetString().ShouldBe("李娜");

        // The officer cannot approve it; a second request while one is pending is a conflict.
        (await officer.PostAsync("api/requests/APR-1/approval-requests/approval", Json("{'on':'2026-06-30'}"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var again = await officer.PostAsync("api/requests/APR-1/approval-requests", Json("{'kind':'extension','on':'2026-06-30','workingDays':5,'reason':'再延'}"));
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await CodeOfAsync(again)).ShouldBe("approval.already-pending");

        // The approvers see it on their list and in their inbox.
        var list = await BodyAsync(await approver.GetAsync("api/approvals"));
        var item = list.EnumerateArray().Single(i => i.GetProperty("reference").GetString() == "APR-1");
        item.GetProperty("pending").GetProperty("workingDays").GetInt32().ShouldBe(10);
        (await approver.GetStringAsync("approvals")).ShouldContain("APR-1");
        // The message to the approvers was planned with the request's write and runs on the node's message queue.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!(await CaseFlow.Notifications.Inbox.ListAsync(fx.App, "approver", true, 50, default)).Any(n => n.Title == "待审批：申请 APR-1 报请延长答复期限 10 个工作日" && n.Link == "/requests/APR-1"))
        {
            waited.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20), "the approvers' notification");
            await Task.Delay(200);
        }


        var approved = await BodyAsync(await approver.PostAsync("api/requests/APR-1/approval-requests/approval", Json("{'on':'2026-06-30'}")));
        AnswerDue(approved).ShouldBe("2026-08-03");
        approved.TryGetProperty("awaitingApproval", out var left).ShouldBeTrue();
        left.ValueKind.ShouldBe(JsonValueKind.Null);
        (await LastEventAsync<ExtensionApproved>("APR-1")).ShouldBe(new ExtensionApproved(new NodaTime.LocalDate(2026, 6, 30), 10, "王主任", "需要调取档案"));
        (await BodyAsync(await approver.GetAsync("api/approvals"))).EnumerateArray().ShouldNotContain(i => i.GetProperty("reference").GetString() == "APR-1");
    }

    [Fact]
    public async Task A_refusal_carries_the_approvers_comment_and_leaves_the_deadline_where_it_was()
    {
        using var officer = await fx.SignInAsync("officer");
        using var approver = await fx.SignInAsync("approver");
        await ReceiveAsync(officer, "APR-2");
        await BodyAsync(await officer.PostAsync("api/requests/APR-2/approval-requests", Json("{'kind':'extension','on':'2026-06-29','workingDays':20,'reason':'材料多'}")));

        var noComment = await approver.PostAsync("api/requests/APR-2/approval-requests/refusal", Json("{'on':'2026-06-30'}"));
        ((int)noComment.StatusCode).ShouldBe(422);
        var refused = await BodyAsync(await approver.PostAsync("api/requests/APR-2/approval-requests/refusal", Json("{'on':'2026-06-30','comment':'可在期限内答复'}")));

        AnswerDue(refused).ShouldBe("2026-07-20");
        (await LastEventAsync<ExtensionRefused>("APR-2")).ShouldBe(new ExtensionRefused(new NodaTime.LocalDate(2026, 6, 30), "可在期限内答复", "王主任"));
        refused.GetProperty("history").EnumerateArray().Last().GetProperty("summary").GetString().ShouldBe("王主任 不同意延长答复期限：可在期限内答复");
    }

    [Fact]
    public async Task The_approver_recorded_is_the_signed_in_approver_whatever_the_body_or_form_says()
    {
        using var officer = await fx.SignInAsync("officer");
        using var approver = await fx.SignInAsync("approver");
        await ReceiveAsync(officer, "APR-3");
        await ReceiveAsync(officer, "APR-4");

        await BodyAsync(await approver.PostAsync("api/requests/APR-3/extensions", Json("{'on':'2026-06-30','workingDays':5,'approvedBy':'局长'}")));
        (await LastEventAsync<ExtensionApproved>("APR-3")).ApprovedBy.ShouldBe("王主任");

        await BodyAsync(await officer.PostAsync("api/requests/APR-4/volume-reasons-requests", Json("{'on':'2026-06-29'}")));
        using var put = new HttpRequestMessage(HttpMethod.Put, "api/requests/APR-4/delayed-answer-date") { Content = Json("{'on':'2026-06-30','dueOn':'2026-09-30','reason':'数量大','approvedBy':'局长'}") };
        await BodyAsync(await approver.SendAsync(put));
        (await LastEventAsync<DelayedAnswerDateSet>("APR-4")).ApprovedBy.ShouldBe("王主任");

        // Neither the officer's page nor the approver's offers an approver field.
        (await officer.GetStringAsync("requests/APR-3")).ShouldNotContain("Input.ApprovedBy");
        var approverPage = await approver.GetStringAsync("requests/APR-3");
        approverPage.ShouldNotContain("Input.ApprovedBy");
        approverPage.ShouldContain("批准人：王主任");
        (await officer.GetStringAsync("requests/APR-4")).ShouldNotContain("Input.ApprovedBy");
    }

    [Fact]
    public async Task An_officer_asks_from_the_request_page_and_the_approver_approves_there()
    {
        using var officer = await fx.SignInAsync("officer");
        using var approver = await fx.SignInAsync("approver");
        await ReceiveAsync(officer, "APR-5");
        var page = await officer.GetStringAsync("requests/APR-5");
        page.ShouldContain("报请审核人批准");

        var asked = await officer.PostAsync("requests/APR-5?handler=AskExtension", Form(page, ("Input.On", "2026-06-29"), ("Input.WorkingDays", "10"), ("Input.Reason", "需要调取档案")));
        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await officer.GetStringAsync("requests/APR-5")).ShouldContain("已提交审核人");

        var approverPage = await approver.GetStringAsync("requests/APR-5");
        approverPage.ShouldContain("待审批：延长答复期限 10 个工作日");
        var approved = await approver.PostAsync("requests/APR-5?handler=ApprovePending", Form(approverPage, ("Input.On", "2026-06-30")));
        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LastEventAsync<ExtensionApproved>("APR-5")).ShouldBe(new ExtensionApproved(new NodaTime.LocalDate(2026, 6, 30), 10, "王主任", "需要调取档案"));
    }

    [Fact]
    public async Task Screens_show_peoples_names_where_the_api_keeps_logins()
    {
        using var officer = await fx.SignInAsync("officer");
        await ReceiveAsync(officer, "APR-6");
        (await officer.PutAsync("api/requests/APR-6/officer", Json("{'officer':'approver','on':'2026-06-30'}"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var page = await officer.GetStringAsync("requests/APR-6");
        page.ShouldContain("李娜 · 记录于");
        page.ShouldContain("交由 王主任 办理");
        page.ShouldContain("办理人员 王主任");
        page.ShouldNotContain(">officer · 记录于");

        // The worklist's officer filter is a list of the agency's officers by name.
        var list = await officer.GetStringAsync("?list=all");
        list.ShouldContain("<option value=\"approver\">王主任</option>");
        list.ShouldNotContain("placeholder=\"用户名\"");

        // The API keeps the stable login and adds the name.
        var entry = (await BodyAsync(await officer.GetAsync("api/requests/APR-6"))).GetProperty("history")[0];
        entry.GetProperty("recordedBy").GetString().ShouldBe("officer");
        entry.GetProperty("recordedByName").GetString().ShouldBe("李娜");
    }

    /// <summary>A request-page form as the browser posts it: the page's anti-forgery token and version, and the fields.</summary>
    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields)
    {
        var version = System.Text.RegularExpressions.Regex.Match(page, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        return new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", WebFixture.TokenPattern().Match(page).Groups[1].Value),
            new("Input.Version", version),
            new("Input.FormId", Guid.NewGuid().ToString()),
            .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)),
        ]);
    }
}
