using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CaseFlow.Infrastructure;
using CaseFlow.Testing;
using CaseFlow.Users;
using CaseFlow.Web.Hosting;
using CaseFlow.Web.Pages;
using Microsoft.AspNetCore.Builder;
using NodaTime;

namespace CaseFlow.Web.Tests;

/// <summary>
/// Issue 14's attacks and checks, each as it would be tried against the real host: sessions that end, cross-site writes,
/// headers, sign-in abuse, the health answer, demo data that is opt-in.
/// </summary>
public sealed partial class SecurityTests(WebFixture fx) : IClassFixture<WebFixture>
{
    private static StringContent Json(string json) => new(json.Replace('\'', '"'), Encoding.UTF8, "application/json");

    private static async Task<string> CodeOfAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;

    private async Task<string> NewUserAsync(string userName, params Role[] roles)
    {
        await UserAccounts.CreateAsync(fx.App, userName, "web-a", "测试用户", WebFixture.Password, roles);
        return userName;
    }

    [Fact]
    public async Task Signing_out_from_the_page_form_ends_the_session_so_the_kept_cookie_opens_nothing()
    {
        using var client = await fx.SignInAsync(await NewUserAsync("sec.logout", Role.Officer));
        var cookie = fx.SessionCookieOf(client).ShouldNotBeNull();
        var page = await client.GetStringAsync("");
        // The 退出 button's own form, as the browser would post it: it must carry the anti-forgery token.
        var form = LogoutForm().Match(page);
        form.Success.ShouldBeTrue("the page has a sign-out form");
        var token = WebFixture.TokenPattern().Match(form.Value);
        token.Success.ShouldBeTrue("the sign-out form carries the anti-forgery token");

        var signOut = await client.PostAsync("logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token.Groups[1].Value }));
        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signOut.Headers.Location!.OriginalString.ShouldBe("/login");

        // Whoever kept the cookie (another tab, a copied header) is signed out too: the session is gone on the server.
        using var replay = fx.Replaying(cookie);
        (await replay.GetAsync("api/requests")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Disabling_an_account_changing_its_roles_or_setting_its_password_ends_its_sessions_at_once()
    {
        var app = fx.App;
        using var disabled = await fx.SignInAsync(await NewUserAsync("sec.disabled", Role.Officer));
        using var promoted = await fx.SignInAsync(await NewUserAsync("sec.promoted", Role.Officer));
        using var newPassword = await fx.SignInAsync(await NewUserAsync("sec.password", Role.Officer));
        using var untouched = await fx.SignInAsync(await NewUserAsync("sec.untouched", Role.Officer));
        foreach (var client in new[] { disabled, promoted, newPassword, untouched })
        {
            (await client.GetAsync("api/requests")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await UserAccounts.UpdateAsync(app, "sec.disabled", "测试用户", [Role.Officer], disabled: true);
        await UserAccounts.UpdateAsync(app, "sec.promoted", "测试用户", [Role.Officer, Role.Approver], disabled: false);
        await UserAccounts.SetPasswordAsync(app, "sec.password", "another-password-2");

        (await disabled.GetAsync("api/requests")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        // A page request of an ended session goes to the sign-in page, not to the page.
        var page = await promoted.GetAsync("");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.ShouldContain("/login");
        (await promoted.GetAsync("api/requests")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await newPassword.GetAsync("api/requests")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await untouched.GetAsync("api/requests")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Signing in again gives the new roles.
        using var again = await fx.SignInAsync("sec.promoted");
        (await again.GetAsync("api/requests")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_session_ends_twelve_hours_after_sign_in_however_active()
    {
        using var client = await fx.SignInAsync(await NewUserAsync("sec.lifetime", Role.Officer));
        fx.SessionClock.Advance(Duration.FromHours(11) + Duration.FromMinutes(59));
        (await client.GetAsync("api/requests")).StatusCode.ShouldBe(HttpStatusCode.OK);
        fx.SessionClock.Advance(Duration.FromMinutes(2));
        (await client.GetAsync("api/requests")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_cookie_survives_a_restart_on_the_same_database_and_is_refused_by_another_installation()
    {
        using var client = await fx.SignInAsync(await NewUserAsync("sec.restart", Role.Officer));
        var cookie = fx.SessionCookieOf(client).ShouldNotBeNull();

        // Another node (or the same one restarted) on this database reads the cookie with the keys kept there.
        await using (var sameInstallation = await StartHostAsync(fx.ConnectionString))
        {
            using var replay = fx.Replaying(cookie, sameInstallation.Address);
            (await replay.GetAsync("api/requests")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // An installation with its own database has its own keys: the cookie means nothing there.
        await using var otherDatabase = new TestDatabase();
        await otherDatabase.InitializeAsync();
        await using var otherInstallation = await StartHostAsync(otherDatabase.ConnectionString);
        await UserAccounts.CreateAsync(otherInstallation.App, "sec.restart", "web-a", "同名用户", WebFixture.Password, [Role.Officer]);
        using var foreign = fx.Replaying(cookie, otherInstallation.Address);
        (await foreign.GetAsync("api/requests")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_write_from_another_site_is_refused_even_with_the_session_cookie()
    {
        using var officer = await fx.SignInAsync("officer");
        var cookie = fx.SessionCookieOf(officer).ShouldNotBeNull();
        const string Body = "{'request':'SEC-X1','receivedOn':'2026-06-01','channel':'in-person','applicant':{'type':'natural-person','name':'张三'},'subject':'某文件'}";

        // What a form or fetch on another site can send: the cookie and a foreign Origin, no CaseFlow header.
        using var bare = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = fx.BaseAddress };
        bare.DefaultRequestHeaders.Add("Cookie", $"{CaseFlowWebHost.CookieName}={cookie}");
        var noHeader = await bare.PostAsync("api/requests", Json(Body));
        noHeader.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await CodeOfAsync(noHeader)).ShouldBe("access.cross-site");

        using var foreignOrigin = new HttpRequestMessage(HttpMethod.Post, "api/requests") { Content = Json(Body) };
        foreignOrigin.Headers.Add("Origin", "https://evil.example");
        var refused = await officer.SendAsync(foreignOrigin);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await CodeOfAsync(refused)).ShouldBe("access.cross-site");

        using var crossSiteForm = new HttpRequestMessage(HttpMethod.Post, "logout") { Content = new FormUrlEncodedContent([]) };
        crossSiteForm.Headers.Add("Sec-Fetch-Site", "cross-site");
        (await officer.SendAsync(crossSiteForm)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Nothing was written; the same request from CaseFlow's own origin is accepted.
        (await officer.GetAsync("api/requests/SEC-X1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var own = new HttpRequestMessage(HttpMethod.Post, "api/requests") { Content = Json(Body) };
        own.Headers.Add("Origin", fx.BaseAddress.GetLeftPart(UriPartial.Authority));
        (await officer.SendAsync(own)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_main_pages_carry_the_security_headers_and_no_inline_script()
    {
        using var admin = await fx.SignInAsync("admin");
        using var officer = await fx.SignInAsync("officer");
        using var reporter = await fx.SignInAsync("reporter");
        using var legal = await fx.SignInAsync("legal");
        var pages = new (HttpClient Client, string Path)[]
        {
            (fx.Anonymous(), "login"), (officer, ""), (officer, "requests/new"), (officer, "notifications"), (legal, "legal"),
            (reporter, "reports"), (reporter, "dashboard"), (admin, "admin"), (admin, "admin/letters"),
        };
        foreach (var (client, path) in pages)
        {
            var response = await client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            var headers = response.Headers;
            var csp = headers.GetValues("Content-Security-Policy").Single();
            csp.ShouldContain("script-src 'self';", customMessage: path);
            csp.ShouldContain("frame-ancestors 'none'", customMessage: path);
            headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
            headers.GetValues("Referrer-Policy").Single().ShouldBe("same-origin");
            headers.Contains("Permissions-Policy").ShouldBeTrue(path);
            headers.CacheControl!.NoStore.ShouldBeTrue(path);
            headers.Contains("Server").ShouldBeFalse(path);

            // The policy allows no inline script, so the pages must not need any.
            var html = await response.Content.ReadAsStringAsync();
            InlineScript().Matches(html).Select(m => m.Value).ShouldBeEmpty(path);
            EventHandlerAttribute().Matches(html).Select(m => m.Value).ShouldBeEmpty(path);
        }

        // Public assets may be cached; they are the same for everyone.
        var css = await fx.Anonymous().GetAsync("css/site.css");
        css.StatusCode.ShouldBe(HttpStatusCode.OK);
        (css.Headers.CacheControl?.NoStore ?? false).ShouldBeFalse();
    }

    [Fact]
    public async Task Health_says_healthy_and_nothing_else()
    {
        var response = await fx.Anonymous().GetAsync("health");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.EnumerateObject().Select(p => p.Name).ShouldBe(["status"]);
        body.GetProperty("status").GetString().ShouldBe("healthy");
    }

    [Fact]
    public async Task Unknown_wrong_disabled_and_locked_accounts_get_the_same_answer_with_the_same_work()
    {
        await NewUserAsync("sec.wrong", Role.Officer);
        await NewUserAsync("sec.off", Role.Officer);
        await UserAccounts.UpdateAsync(fx.App, "sec.off", "测试用户", [Role.Officer], disabled: true);
        await NewUserAsync("sec.locked", Role.Officer);
        for (var i = 0; i < UserAccounts.MaxFailedAttempts; i++)
        {
            await TrySignInAsync("sec.locked", "not-the-password", "198.51.100.7");
        }

        var attempts = new (string User, string Password)[]
        {
            ("sec.nobody", "whatever-1"), ("sec.wrong", "not-the-password"), ("sec.off", WebFixture.Password), ("sec.locked", WebFixture.Password),
        };
        // Rounds that take each account in turn, so that a busy spell of the machine slows them all alike.
        var elapsed = attempts.ToDictionary(a => a.User, _ => new List<double>());
        for (var round = 0; round < 7; round++)
        {
            foreach (var (user, password) in attempts)
            {
                var started = Stopwatch.GetTimestamp();
                var (status, page) = await TrySignInAsync(user, password, "198.51.100.7");
                elapsed[user].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                status.ShouldBe(HttpStatusCode.OK, user);
                Alert().Match(page).Groups[1].Value.ShouldBe(LoginModel.FailureMessage, user);
            }
        }

        // The fastest of seven: a pause of the machine only ever makes an attempt slower, never faster.
        var times = elapsed.ToDictionary(e => e.Key, e => e.Value.Min());

        // Each answer costs a password hash (tens of milliseconds); an answer without one would be several times faster.
        var slowest = times.Values.Max();
        times.ShouldAllBe(t => t.Value > slowest / 3, string.Join(", ", times.Select(t => $"{t.Key} {t.Value:0} ms")));
    }

    [Fact]
    public async Task Failures_from_one_address_lock_out_that_address_only()
    {
        await NewUserAsync("sec.target", Role.Admin);
        for (var i = 0; i < UserAccounts.MaxFailedAttempts; i++)
        {
            await TrySignInAsync("sec.target", "guess-" + i, "203.0.113.66");
        }

        // The attacker's address is locked out, even with the right password ...
        var (_, page) = await TrySignInAsync("sec.target", WebFixture.Password, "203.0.113.66");
        Alert().Match(page).Groups[1].Value.ShouldBe(LoginModel.FailureMessage);
        // ... the administrator at their own desk is not.
        using var own = await fx.SignInAsync("sec.target", fromAddress: "192.0.2.10");
        (await own.GetAsync("api/requests")).StatusCode.ShouldNotBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limits_are_refused_with_429_and_retry_after()
    {
        await using var host = await StartHostAsync(fx.ConnectionString, new SignInLimits(3, 5, TimeSpan.FromMinutes(5)));
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host.Address };

        async Task<HttpResponseMessage> AttemptAsync(string address)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "login") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "x", ["Password"] = "y" }) };
            request.Headers.Add("X-Forwarded-For", address);
            return await client.SendAsync(request);
        }

        for (var i = 0; i < 3; i++)
        {
            (await AttemptAsync("198.51.100.1")).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        }

        var limited = await AttemptAsync("198.51.100.1");
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(limited.Headers.GetValues("Retry-After").Single()).ShouldBeInRange(1, 300);
        (await CodeOfAsync(limited)).ShouldBe("access.too-many-sign-ins");

        // Another address has its own allowance, until everyone's together (5) is used up.
        (await AttemptAsync("198.51.100.2")).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        (await AttemptAsync("198.51.100.3")).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        (await AttemptAsync("198.51.100.4")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        // Other pages are not limited.
        (await client.GetAsync("login")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void Demo_data_is_seeded_only_when_asked_for_and_never_in_production()
    {
        string? Env(string name, Dictionary<string, string> values) => values.GetValueOrDefault(name);
        CaseFlowWebHost.DemoDataWanted(n => Env(n, [])).ShouldBeFalse();
        CaseFlowWebHost.DemoDataWanted(n => Env(n, new() { ["CASEFLOW_DEMO_DATA"] = "1" })).ShouldBeTrue();
        CaseFlowWebHost.DemoDataWanted(n => Env(n, new() { ["CASEFLOW_DEMO_DATA"] = "0" })).ShouldBeFalse();
        CaseFlowWebHost.DemoDataWanted(n => Env(n, new() { ["CASEFLOW_DEMO_DATA"] = "1", ["ASPNETCORE_ENVIRONMENT"] = "Production" })).ShouldBeFalse();
        new WebHostOptions("Host=x").SeedDemoData.ShouldBeFalse();
        // No demo password ships in the assembly.
        typeof(CaseFlow.Demo.DemoData).GetFields().Select(f => f.Name).ShouldNotContain("Password");
    }

    [Fact]
    public async Task The_error_page_takes_only_error_statuses_from_the_address()
    {
        using var client = await fx.SignInAsync("officer");
        foreach (var status in new[] { "99999", "-1", "200", "abc" })
        {
            var response = await client.GetAsync($"error?status={status}");
            // Shown as the generic error page, not taken as this response's status (which would throw).
            response.StatusCode.ShouldBe(HttpStatusCode.OK, status);
        }

        (await client.GetAsync("error?status=404")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Malformed_versions_years_and_return_addresses_are_answered_never_a_500()
    {
        using var officer = await fx.SignInAsync("officer");
        const string Body = "{'request':'SEC-M1','receivedOn':'2026-06-01','channel':'in-person','applicant':{'type':'natural-person','name':'张三'},'subject':'某文件'}";
        (await officer.PostAsync("api/requests", Json(Body))).StatusCode.ShouldBe(HttpStatusCode.Created);
        foreach (var ifMatch in new[] { "\"99999999999999999999999999\"", "\"abc\"", "W/\"-1\"", new string('9', 5000) })
        {
            using var answer = new HttpRequestMessage(HttpMethod.Post, "api/requests/SEC-M1/answer") { Content = Json("{'on':'2026-06-10','outcome':'disclosed'}") };
            answer.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            var response = await officer.SendAsync(answer);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, ifMatch[..Math.Min(30, ifMatch.Length)]);
            (await CodeOfAsync(response)).ShouldBe("input.if-match-invalid");
        }

        // Nothing was answered by any of them.
        var request = JsonDocument.Parse(await officer.GetStringAsync("api/requests/SEC-M1")).RootElement;
        request.GetProperty("status").GetString().ShouldBe("open");

        using var reporter = await fx.SignInAsync("reporter");
        foreach (var path in new[] { "api/reports/annual/10000/cells/3/x/y", "api/reports/annual/1/cells/3/x/y", "api/reports/annual/10000" })
        {
            var response = await reporter.GetAsync(path);
            ((int)response.StatusCode).ShouldBe(422, path);
            (await CodeOfAsync(response)).ShouldBe("input.invalid");
        }

        // A return address in Chinese is sent on percent-encoded; a foreign one is not followed.
        using var anonymous = fx.Anonymous();
        var form = await anonymous.GetStringAsync("login");
        var signIn = await anonymous.PostAsync("login?ReturnUrl=" + Uri.EscapeDataString("/requests/申请-1"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "officer",
            ["Password"] = WebFixture.Password,
            ["__RequestVerificationToken"] = WebFixture.TokenPattern().Match(form).Groups[1].Value,
        }));
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.OriginalString.ShouldBe("/requests/" + Uri.EscapeDataString("申请") + "-1");
        WebSecurity.AsciiOnly("/a b\u0001").ShouldBe("/a%20b%01");
    }

    [Fact]
    public async Task The_admin_user_update_checks_everything_before_it_writes_anything()
    {
        await NewUserAsync("sec.edit", Role.Officer);
        using var admin = await fx.SignInAsync("admin");
        var page = await admin.GetStringAsync("admin");
        var response = await UpdateUserAsync(admin, page, "sec.edit", "改了名字", ["officer", "approver"], password: "short");
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldContain("新密码至少 8 个字符");

        var user = (await UserAccounts.FindAsync(fx.App, "sec.edit")).ShouldNotBeNull();
        user.DisplayName.ShouldBe("测试用户");
        user.Roles.ShouldBe([Role.Officer]);
    }

    [Fact]
    public async Task Oversized_unstorable_and_dangling_input_is_refused_with_its_code_before_anything_is_stored()
    {
        using var officer = await fx.SignInAsync("officer");
        string Receive(string reference, string name = "张三", string subject = ",'subject':'某文件'", string extra = "") =>
            $"{{'request':'{reference}','receivedOn':'2026-06-01','channel':'in-person','applicant':{{'type':'natural-person','name':'{name}'}}{subject}{extra}}}";

        async Task RefusedAsync(string body, int status, string code)
        {
            var response = await officer.PostAsync("api/requests", Json(body));
            ((int)response.StatusCode).ShouldBe(status, await response.Content.ReadAsStringAsync());
            (await CodeOfAsync(response)).ShouldBe(code);
        }

        await RefusedAsync(Receive("SEC-B1", name: "张\u202e三"), 422, "input.forbidden-character");
        await RefusedAsync(Receive("SEC-B2", name: new string('张', 201)), 422, "input.too-long");
        await RefusedAsync(Receive("SEC-B3", subject: $",'subject':'{new string('文', 70_000)}'"), 413, "input.too-large");
        await RefusedAsync(Receive("SEC-B4", subject: ""), 422, "input.invalid");
        await RefusedAsync(Receive("SEC-B5", extra: ",'officer':'nobody'"), 422, "officer.unknown");
        await RefusedAsync(Receive("SEC-B6", extra: ",'officer':'legal'"), 422, "officer.not-an-officer");
        await RefusedAsync(Receive("SEC\u200b-B7"), 422, "input.invalid");
        foreach (var reference in new[] { "SEC-B1", "SEC-B2", "SEC-B3", "SEC-B4", "SEC-B5", "SEC-B6" })
        {
            (await officer.GetAsync($"api/requests/{reference}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, reference);
        }

        (await officer.PostAsync("api/requests", Json(Receive("SEC-B8")))).StatusCode.ShouldBe(HttpStatusCode.Created);

        // Assigning: only an officer of the agency.
        var other = await officer.PutAsync("api/requests/SEC-B8/officer", Json("{'officer':'other'}"));
        ((int)other.StatusCode).ShouldBe(422);
        (await CodeOfAsync(other)).ShouldBe("officer.unknown");
        (await officer.PutAsync("api/requests/SEC-B8/officer", Json("{'officer':'approver'}"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A page form is held to the same bounds.
        var page = await officer.GetStringAsync("requests/new");
        var form = await officer.PostAsync("requests/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebFixture.TokenPattern().Match(page).Groups[1].Value,
            ["Input.Subject"] = new string('文', 2001),
        }));
        ((int)form.StatusCode).ShouldBe(422);
        (await form.Content.ReadAsStringAsync()).ShouldContain("最长 2000 个字符");
    }

    [Fact]
    public async Task Auditors_read_who_granted_which_role_and_when_and_officers_cannot()
    {
        await NewUserAsync("sec.audited", Role.Officer);
        using (var admin = await fx.SignInAsync("admin"))
        {
            var page = await admin.GetStringAsync("admin");
            (await UpdateUserAsync(admin, page, "sec.audited", "测试用户", ["officer", "approver"])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var auditor = await fx.SignInAsync("auditor");
        var history = await auditor.GetAsync("admin/accounts");
        history.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await history.Content.ReadAsStringAsync();
        var row = Regex.Match(html, "<tr>(?:(?!</tr>).)*sec\\.audited(?:(?!</tr>).)*授予角色(?:(?!</tr>).)*</tr>", RegexOptions.Singleline);
        row.Success.ShouldBeTrue("a row says that sec.audited was granted a role");
        row.Value.ShouldContain("审核人");
        row.Value.ShouldContain("admin");

        using var officer = await fx.SignInAsync("officer");
        var refused = await officer.GetAsync("admin/accounts");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.OriginalString.ShouldContain("/denied");
    }

    [Fact]
    public async Task Auditors_and_the_reporting_office_see_identity_numbers_and_phones_masked_where_officers_see_them_whole()
    {
        using var officer = await fx.SignInAsync("officer");
        (await officer.PostAsync("api/requests", Json("{'request':'SEC-MASK','receivedOn':'2026-06-01','channel':'in-person','applicant':{'type':'natural-person','name':'张三','idNumber':'E12345678','phone':'84123456','address':'聊城市东昌府区某路1号','email':'zs@example.cn'},'subject':'某文件'}"))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var whole = (await officer.GetFromJsonAsync<JsonElement>("api/requests/SEC-MASK")).GetProperty("applicant");
        whole.GetProperty("idNumber").GetString().ShouldBe("E12345678");
        whole.GetProperty("phone").GetString().ShouldBe("84123456");
        (await officer.GetStringAsync("requests/SEC-MASK")).ShouldContain("E12345678");

        foreach (var user in new[] { "auditor", "reporter" })
        {
            using var reader = await fx.SignInAsync(user);
            var api = await reader.GetAsync("api/requests/SEC-MASK");
            api.StatusCode.ShouldBe(HttpStatusCode.OK, user);
            var applicant = (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicant");
            applicant.GetProperty("idNumber").GetString().ShouldBe("E1*****78", user); // 9 characters: two kept at each end
            applicant.GetProperty("phone").GetString().ShouldBe("84****56", user); // a landline without its area code
            (applicant.TryGetProperty("address", out var address) ? address.ValueKind : JsonValueKind.Null).ShouldBe(JsonValueKind.Null, user);
            var page = await reader.GetStringAsync("requests/SEC-MASK");
            page.ShouldNotContain("E12345678", customMessage: user);
            page.ShouldNotContain("84123456", customMessage: user);
            page.ShouldNotContain("zs@example.cn", customMessage: user);
            page.ShouldContain("E1*****78", customMessage: user);
        }
    }

    [Fact]
    public async Task Only_a_system_administrator_loads_the_calendar_and_every_node_uses_the_new_year_without_a_restart()
    {
        const string Notice = """{"source":"国务院办公厅关于2031年部分节假日安排的通知（测试）","years":{"2031":{"holidays":["2031-01-01"],"workdays":[]}}}""";
        async Task<HttpResponseMessage> LoadAsync(HttpClient client)
        {
            var page = await client.GetStringAsync("admin");
            using var form = new MultipartFormDataContent
            {
                { new StringContent(WebFixture.TokenPattern().Match(page).Groups[1].Value), "__RequestVerificationToken" },
                { new StringContent(Notice, Encoding.UTF8, "application/json"), "file", "2031.json" },
            };
            var preview = await client.PostAsync("admin?handler=LoadCalendar", form);
            if (preview.StatusCode != HttpStatusCode.OK)
            {
                return preview;
            }

            // Nothing is loaded until the preview is confirmed.
            var previewPage = await preview.Content.ReadAsStringAsync();
            previewPage.ShouldContain("载入后，所有机关在办申请的法定期限都不变");
            fx.App.Calendar.Current.Covers(2031).ShouldBeFalse();
            return await client.PostAsync("admin?handler=ConfirmCalendar", new FormUrlEncodedContent(
            [
                new("__RequestVerificationToken", WebFixture.TokenPattern().Match(previewPage).Groups[1].Value),
                new("calendar", System.Net.WebUtility.HtmlDecode(Regex.Match(previewPage, "name=\"calendar\" value=\"([^\"]*)\"").Groups[1].Value)),
            ]));
        }

        await using var otherNode = await StartHostAsync(fx.ConnectionString);

        // An agency's administrator may not move every agency's deadlines.
        using (var admin = await fx.SignInAsync("admin"))
        {
            (await admin.GetStringAsync("admin")).ShouldNotContain("handler=LoadCalendar");
            var refused = await LoadAsync(admin);
            ((int)refused.StatusCode).ShouldBe(422);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("只有系统管理员可以载入");
            fx.App.Calendar.Current.Covers(2031).ShouldBeFalse();
        }

        using var sysadmin = await fx.SignInAsync("sysadmin");
        (await LoadAsync(sysadmin)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        fx.App.Calendar.Current.Covers(2031).ShouldBeTrue();

        // The other node was running all along: it takes the new year up within its refresh interval.
        var waited = Stopwatch.StartNew();
        while (!otherNode.App.Calendar.Current.Covers(2031) && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
        }

        otherNode.App.Calendar.Current.Covers(2031).ShouldBeTrue();

        // Nor may an agency's administrator grant the system-wide role.
        using var agencyAdmin = await fx.SignInAsync("admin");
        var adminPage = await agencyAdmin.GetStringAsync("admin");
        adminPage.ShouldNotContain("value=\"system-admin\"");
        var grant = await UpdateUserAsync(agencyAdmin, adminPage, "officer", "李娜", ["officer", "system-admin"]);
        ((int)grant.StatusCode).ShouldBe(422);
        (await UserAccounts.FindAsync(fx.App, "officer"))!.Roles.ShouldBe([Role.Officer]);
    }

    [Fact]
    public async Task A_holiday_notice_lists_the_open_requests_whose_deadlines_it_would_move_before_it_is_loaded()
    {
        // Received Monday 2026-06-29: 20 working days from 06-30 end on Monday 07-27 (no holiday in July). A notice that
        // makes Friday 07-10 a holiday moves the answer to 07-28; the correction-notice window (7 days, to 07-08) stays.
        using (var other = await fx.SignInAsync("other"))
        {
            (await other.PostAsync("api/requests", Json("{'request':'SEC-CAL','receivedOn':'2026-06-29','channel':'online','applicant':{'type':'natural-person','name':'张三'},'subject':'某文件'}"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var year2026 = fx.App.Calendar.Current.Years.Single(y => y.Year == 2026);
        var holidays = year2026.Holidays.Select(d => d.ToString("uuuu-MM-dd", null)).Append("2026-07-10");
        var workdays = year2026.Workdays.Select(d => d.ToString("uuuu-MM-dd", null));
        var notice = JsonSerializer.Serialize(new { source = "2026年补充通知（测试）", years = new Dictionary<string, object> { ["2026"] = new { holidays, workdays } } });

        using var sysadmin = await fx.SignInAsync("sysadmin");
        var page = await sysadmin.GetStringAsync("admin");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebFixture.TokenPattern().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent(notice, Encoding.UTF8, "application/json"), "file", "2026.json" },
        };
        var preview = await sysadmin.PostAsync("admin?handler=LoadCalendar", form);
        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await preview.Content.ReadAsStringAsync();
        var rows = Regex.Matches(html, "<tr>(?:(?!</tr>).)*SEC-CAL(?:(?!</tr>).)*</tr>", RegexOptions.Singleline).Select(m => m.Value).ToList();
        rows.Count.ShouldBe(1, "only the answer deadline of SEC-CAL moves");
        rows[0].ShouldContain("答复期限");
        rows[0].ShouldContain("<td class=\"nowrap\">2026-07-27</td><td class=\"nowrap\">2026-07-28</td>");
        html.ShouldContain("确认载入");
        fx.App.Calendar.Current.IsHoliday(new LocalDate(2026, 7, 10)).ShouldBeFalse("a preview loads nothing");
    }

    /// <summary>The admin screen's account form, posted as its 修改 button would (with the token of <paramref name="adminPage"/>).</summary>
    private static Task<HttpResponseMessage> UpdateUserAsync(HttpClient admin, string adminPage, string userName, string displayName, string[] roles, string? password = null) =>
        admin.PostAsync("admin?handler=UpdateUser", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", WebFixture.TokenPattern().Match(adminPage).Groups[1].Value),
            new("EditUser.UserName", userName),
            new("EditUser.DisplayName", displayName),
            .. roles.Select(r => new KeyValuePair<string, string>("EditUser.Roles", r)),
            .. password is null ? [] : new[] { new KeyValuePair<string, string>("EditUser.Password", password) },
        ]));

    private async Task<(HttpStatusCode Status, string Page)> TrySignInAsync(string userName, string password, string fromAddress)
    {
        using var client = fx.Anonymous();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", fromAddress);
        var form = await client.GetStringAsync("login");
        var response = await client.PostAsync("login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = WebFixture.TokenPattern().Match(form).Groups[1].Value,
        }));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<RunningHost> StartHostAsync(string connectionString, SignInLimits? limits = null)
    {
        var app = CaseFlowWebHost.Build(new WebHostOptions(connectionString)
        {
            Clock = fx.Clock,
            SessionClock = fx.SessionClock,
            Urls = "http://127.0.0.1:0",
            RunBackgroundWork = false,
            SignInLimits = limits ?? SignInLimits.Default,
            CalendarRefresh = TimeSpan.FromMilliseconds(500),
        });
        await app.StartAsync();
        return new RunningHost(app);
    }

    private sealed class RunningHost(WebApplication app) : IAsyncDisposable
    {
        public Uri Address { get; } = new(app.Urls.First().Replace("0.0.0.0", "127.0.0.1") + "/");

        public CaseFlowApp App => (CaseFlowApp)app.Services.GetService(typeof(CaseFlowApp))!;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [GeneratedRegex("<form[^>]*action=\"/logout\"[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex LogoutForm();

    // A data block (type="application/json") is not run, so the policy does not concern it.
    [GeneratedRegex("<script(?![^>]*\\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<[^>]+\\son(click|change|submit|load|input)\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();

    [GeneratedRegex("<p class=\"alert\" role=\"alert\">([^<]*)</p>")]
    private static partial Regex Alert();
}
