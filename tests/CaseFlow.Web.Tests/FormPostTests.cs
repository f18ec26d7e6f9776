using System.Net;
using System.Text;
using System.Text.Json;
using CaseFlow.Agencies;
using CaseFlow.Letters;
using CaseFlow.Users;

namespace CaseFlow.Web.Tests;

/// <summary>
/// The administrators' and legal staff's forms, posted as the browser posts them (anti-forgery token, field names of the
/// page): each saves what it says, read back, and a refused one writes nothing and says why in Chinese.
/// </summary>
public sealed class FormPostTests(WebFixture fx) : IClassFixture<WebFixture>
{
    private static string Token(string page) => WebFixture.TokenPattern().Match(page).Groups[1].Value;

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new([new("__RequestVerificationToken", Token(page)), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    private static StringContent Json(string json) => new(json.Replace('\'', '"'), Encoding.UTF8, "application/json");

    [Fact]
    public async Task An_administrator_creates_an_account_that_signs_in_and_a_malformed_one_is_refused_with_nothing_written()
    {
        using var admin = await fx.SignInAsync("admin");
        var page = await admin.GetStringAsync("admin");

        var refused = await admin.PostAsync("admin?handler=CreateUser", Form(page,
            ("NewUser.UserName", "Sun Li"), ("NewUser.DisplayName", "孙丽"), ("NewUser.Agency", "web-a"), ("NewUser.Password", "initial-pass-1"), ("NewUser.Roles", "officer")));
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity); // the page again, with why
        (await refused.Content.ReadAsStringAsync()).ShouldContain("用户名为 2–32 位小写字母、数字、点、横线或下划线");
        (await UserAccounts.FindAsync(fx.App, "Sun Li", default)).ShouldBeNull();

        var created = await admin.PostAsync("admin?handler=CreateUser", Form(page,
            ("NewUser.UserName", "sun.li"), ("NewUser.DisplayName", "孙丽"), ("NewUser.Agency", "web-a"), ("NewUser.Password", "initial-pass-1"), ("NewUser.Roles", "officer")));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var account = (await UserAccounts.FindAsync(fx.App, "sun.li", default)).ShouldNotBeNull();
        account.DisplayName.ShouldBe("孙丽");
        account.Agency.ShouldBe("web-a");
        account.Has(Role.Officer).ShouldBeTrue();
        account.Has(Role.Admin).ShouldBeFalse();

        // The new officer signs in with the initial password and works the agency's requests.
        using var officer = await fx.SignInAsync("sun.li", "initial-pass-1");
        (await officer.GetAsync("api/requests")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_administrator_registers_a_sub_agency_and_saves_a_new_version_of_a_letter_template()
    {
        using var admin = await fx.SignInAsync("admin");
        var page = await admin.GetStringAsync("admin");
        var registered = await admin.PostAsync("admin?handler=RegisterAgency", Form(page,
            ("NewAgency.FormId", Guid.NewGuid().ToString("N")), ("NewAgency.Code", "web-a-inspect"), ("NewAgency.Name", "某市卫生健康综合监督执法局")));
        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect, await registered.Content.ReadAsStringAsync());
        var below = await AgencyDirectory.SubtreeAsync(fx.App, "web-a", default);
        below.ShouldContain(a => a.Code == "web-a-inspect" && a.Name == "某市卫生健康综合监督执法局");

        var letters = await admin.GetStringAsync("admin/letters?key=remedy");
        var before = await LetterTemplates.CurrentAsync(fx.App, "web-a", "remedy", default);
        var empty = await admin.PostAsync("admin/letters?key=remedy", Form(letters, ("Key", "remedy"), ("Body", "   ")));
        (await empty.Content.ReadAsStringAsync()).ShouldContain("模板内容不能为空");
        (await LetterTemplates.CurrentAsync(fx.App, "web-a", "remedy", default)).Version.ShouldBe(before.Version);

        const string Text = "如对本答复不服，可以在收到本答复之日起六十日内向某市人民政府申请行政复议，或者在六个月内向某区人民法院提起行政诉讼。";
        var saved = await admin.PostAsync("admin/letters?key=remedy", Form(letters, ("Key", "remedy"), ("Body", Text)));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var current = await LetterTemplates.CurrentAsync(fx.App, "web-a", "remedy", default);
        current.Version.ShouldBe(before.Version + 1);
        current.Body.ShouldBe(Text);
        current.SavedBy.ShouldBe("admin");
    }

    [Fact]
    public async Task An_administrator_sets_the_letterhead_a_bad_phone_and_a_stale_form_are_refused_with_nothing_written()
    {
        using var admin = await fx.SignInAsync("admin");
        var page = await admin.GetStringAsync("admin/letters");
        var version = System.Text.RegularExpressions.Regex.Match(page, "name=\"Letterhead.Version\" value=\"(\\d+)\"").Groups[1].Value;
        (string, string)[] Fields(string phone, string court) =>
        [
            ("Letterhead.FormId", Guid.NewGuid().ToString("N")), ("Letterhead.Version", version), ("Letterhead.DocumentPrefix", "某卫公开"),
            ("Letterhead.ReviewBody", "某市人民政府"), ("Letterhead.Court", court), ("Letterhead.ContactPerson", "李娜"), ("Letterhead.ContactPhone", phone),
        ];

        var refused = await admin.PostAsync("admin/letters?handler=Letterhead", Form(page, Fields("电话八八八", "某区人民法院")));
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("联系电话“电话八八八”无效");
        (await AgencyDirectory.LoadAsync(fx.App, "web-a", default))!.Letterhead.ShouldBe(Letterhead.None);

        var saved = await admin.PostAsync("admin/letters?handler=Letterhead", Form(page, Fields("0635-8888888", "某区人民法院")));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var agency = (await AgencyDirectory.LoadAsync(fx.App, "web-a", default))!;
        agency.Letterhead.ShouldBe(new Letterhead("某卫公开", "某市人民政府", "某区人民法院", "李娜", "0635-8888888"));

        // The same page, posted again with another court: its version is now stale, so it is refused and nothing changes.
        var stale = await admin.PostAsync("admin/letters?handler=Letterhead", Form(page, Fields("0635-8888888", "另一区人民法院")));
        stale.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()).ShouldContain("同事已更新了这条记录");
        (await AgencyDirectory.LoadAsync(fx.App, "web-a", default))!.Letterhead.Court.ShouldBe("某区人民法院");
    }

    [Fact]
    public async Task The_template_editor_refuses_an_unknown_field_by_name_previews_unsaved_text_for_a_request_and_shows_what_a_save_changed()
    {
        using var officer = await fx.SignInAsync("officer");
        (await officer.PostAsync("api/requests", Json("{'request':'TPL-1','receivedOn':'2026-06-01','channel':'in-person','applicant':{'type':'natural-person','name':'王五'},'subject':'某文件'}")))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        using var admin = await fx.SignInAsync("admin");
        var page = await admin.GetStringAsync("admin/letters?key=receipt");
        WebUtility.HtmlDecode(page).ShouldContain("【申请人】"); // the default, as the officer writes it, and the field list
        var before = await LetterTemplates.CurrentAsync(fx.App, "web-a", "receipt", default);

        var unknown = before.Body.Replace("特此告知。", "请于【申请日期】后查询。特此告知。", StringComparison.Ordinal);
        var refused = await admin.PostAsync("admin/letters?key=receipt", Form(page, ("Key", "receipt"), ("Body", unknown)));
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).ShouldContain("模板中有未知字段 【申请日期】");
        (await LetterTemplates.CurrentAsync(fx.App, "web-a", "receipt", default)).Version.ShouldBe(before.Version);

        // 预览: the typed text, filled with TPL-1's facts, and nothing saved.
        var edited = before.Body.Replace("特此告知。", "【申请人】可随时来电查询。特此告知。", StringComparison.Ordinal);
        var preview = await admin.PostAsync("admin/letters?handler=Preview", Form(page, ("Key", "receipt"), ("Body", edited), ("PreviewReference", "TPL-1")));
        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        var shown = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        shown.ShouldContain("王五可随时来电查询。特此告知。");
        shown.ShouldContain("本机关于2026年6月1日收到您提出的政府信息公开申请（申请编号：TPL-1）");
        (await LetterTemplates.CurrentAsync(fx.App, "web-a", "receipt", default)).Version.ShouldBe(before.Version);

        // Saved, the page shows the change from the version before.
        (await admin.PostAsync("admin/letters?key=receipt", Form(page, ("Key", "receipt"), ("Body", edited)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = WebUtility.HtmlDecode(await admin.GetStringAsync("admin/letters?key=receipt"));
        after.ShouldContain("与上一版");
        after.ShouldContain("<li class=\"removed\"><span class=\"mark\">－</span>特此告知。</li>");
        after.ShouldContain("<li class=\"added\"><span class=\"mark\">＋</span>【申请人】可随时来电查询。特此告知。</li>");
    }

    [Fact]
    public async Task Legal_staff_file_a_review_record_the_copy_received_and_its_decision_through_the_forms_and_a_stale_form_writes_nothing()
    {
        using var officer = await fx.SignInAsync("officer");
        (await officer.PostAsync("api/requests", Json("{'request':'FP-1','receivedOn':'2026-06-01','channel':'in-person','applicant':{'type':'natural-person','name':'张三'},'subject':'某文件'}")))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await officer.PostAsync("api/requests/FP-1/answer", Json("{'on':'2026-06-10','outcome':'refused-process-information'}"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var legal = await fx.SignInAsync("legal");
        var form = await legal.GetStringAsync("legal/new?request=FP-1");
        var filed = await legal.PostAsync("legal/new", Form(form,
            ("Input.FormId", Guid.NewGuid().ToString("N")), ("Input.Kind", "review"), ("Input.Request", "FP-1"), ("Input.Case", "FP-R1"), ("Input.FiledOn", "2026-06-22")));
        filed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await filed.Content.ReadAsStringAsync());
        filed.Headers.Location!.OriginalString.ShouldBe("/legal/reviews/FP-R1");

        var casePage = await legal.GetStringAsync("legal/reviews/FP-R1");
        var version = System.Text.RegularExpressions.Regex.Match(casePage, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        var copy = await legal.PostAsync("legal/reviews/FP-R1?handler=Step&step=ReceiveReviewCopy", Form(casePage,
            ("Input.FormId", Guid.NewGuid().ToString("N")), ("Input.Version", version), ("Input.On", "2026-06-23")));
        copy.StatusCode.ShouldBe(HttpStatusCode.Redirect, await copy.Content.ReadAsStringAsync());

        // The same page's form again: its version is now stale, so the decision is refused and nothing is recorded.
        var stale = await legal.PostAsync("legal/reviews/FP-R1?handler=Decide", Form(casePage,
            ("Input.FormId", Guid.NewGuid().ToString("N")), ("Input.Version", version), ("Input.On", "2026-06-29"), ("Input.Decision", "maintained")));
        stale.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("同事已更新了这条记录");
        var api = JsonDocument.Parse(await legal.GetStringAsync("api/cases/reviews/FP-R1")).RootElement;
        api.GetProperty("status").GetString().ShouldBe("pending");

        var fresh = await legal.GetStringAsync("legal/reviews/FP-R1");
        var freshVersion = System.Text.RegularExpressions.Regex.Match(fresh, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        var decided = await legal.PostAsync("legal/reviews/FP-R1?handler=Decide", Form(fresh,
            ("Input.FormId", Guid.NewGuid().ToString("N")), ("Input.Version", freshVersion), ("Input.On", "2026-06-29"), ("Input.Decision", "maintained")));
        decided.StatusCode.ShouldBe(HttpStatusCode.Redirect, await decided.Content.ReadAsStringAsync());

        var review = JsonDocument.Parse(await legal.GetStringAsync("api/cases/reviews/FP-R1")).RootElement;
        review.GetProperty("result").GetString().ShouldBe("maintained");
        review.GetProperty("concludedOn").GetString().ShouldBe("2026-06-29");
        review.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("on").GetString()).ShouldBe(["2026-06-22", "2026-06-23", "2026-06-29"]);
    }

    [Theory]
    [InlineData("officer", "/")]
    [InlineData("approver", "/")]
    [InlineData("legal", "/legal")]
    [InlineData("reporter", "/reports")]
    [InlineData("gov", "/reports")]
    [InlineData("admin", "/admin")]
    [InlineData("auditor", "/")]
    public async Task Signing_in_lands_each_role_where_its_work_is(string user, string landing)
    {
        using var client = fx.Anonymous();
        var form = await client.GetStringAsync("login");
        var response = await client.PostAsync("login", Form(form, ("UserName", user), ("Password", WebFixture.Password)));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe(landing);
        (await client.GetAsync(landing)).StatusCode.ShouldBe(HttpStatusCode.OK, "the landing page is one the role may open");
    }

    [Fact]
    public async Task The_report_screen_refuses_a_year_before_the_regulations_with_a_message_and_offers_only_2019_onwards()
    {
        using var reporter = await fx.SignInAsync("reporter");
        var page = WebUtility.HtmlDecode(await reporter.GetStringAsync("reports?year=2010"));
        page.ShouldContain("报告年度 2010 无效：应在 2019–2026 之间");
        page.ShouldContain("下面显示的是 2025 年度");
        var select = System.Text.RegularExpressions.Regex.Match(page, "<select name=\"year\">(.*?)</select>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        System.Text.RegularExpressions.Regex.Matches(select, "value=\"(\\d+)\"").Select(m => m.Groups[1].Value)
            .ShouldBe(["2026", "2025", "2024", "2023", "2022", "2021", "2020", "2019"]);
        (await reporter.GetStringAsync("reports?year=2025")).ShouldNotContain("无效");
    }
}
