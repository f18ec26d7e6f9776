using System.Text.RegularExpressions;
using CaseFlow.Demo;
using CaseFlow.Importing;
using CaseFlow.Infrastructure;
using Microsoft.Playwright;
using NodaTime;

namespace CaseFlow.Web.Tests;

/// <summary>
/// The web app in a real headless Chromium: an officer's whole request from registration to the annual report, the
/// refusals a user must meet, and every main screen at desktop and tablet widths with basic accessibility checks.
/// Screenshots of each screen are saved as artifacts.
/// </summary>
[Collection("browser")]
public sealed class BrowserTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    private static readonly string s_accessibilityScript = """
        () => {
          const problems = [];
          if (document.documentElement.lang !== 'zh-CN') problems.push('html lang is ' + document.documentElement.lang);
          const h1 = document.querySelectorAll('h1');
          if (h1.length !== 1) problems.push('expected one h1, found ' + h1.length);
          let last = 0;
          document.querySelectorAll('h1, h2, h3, h4').forEach(h => {
            const level = +h.tagName[1];
            if (last && level > last + 1) problems.push('heading level skipped before "' + h.textContent.trim() + '"');
            last = level;
          });
          document.querySelectorAll('input:not([type=hidden]), select, textarea').forEach(el => {
            const labelled = (el.labels && el.labels.length > 0) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.title;
            if (!labelled) problems.push('control without a label: ' + (el.name || el.id || el.outerHTML.slice(0, 60)));
          });
          document.querySelectorAll('img').forEach(i => { if (!i.hasAttribute('alt')) problems.push('img without alt'); });
          document.querySelectorAll('canvas').forEach(c => { if (!c.getAttribute('aria-label')) problems.push('canvas without aria-label'); });
          document.querySelectorAll('table').forEach(t => { if (!t.querySelector('caption') && !t.getAttribute('aria-label')) problems.push('table without caption or label'); });
          const parse = s => { const m = s.match(/rgba?\(([^)]+)\)/); return m ? m[1].split(',').map(x => parseFloat(x)) : null; };
          const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
          const background = el => { for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c && (c.length < 4 || c[3] > 0.5)) return c; } return [255, 255, 255]; };
          document.querySelectorAll('body *').forEach(el => {
            if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) return;
            const st = getComputedStyle(el);
            if (st.display === 'none' || st.visibility === 'hidden' || el.getClientRects().length === 0) return;
            if (el.closest('.sr-only, .skip')) return;
            const fg = parse(st.color); if (!fg) return;
            const l1 = lum(fg), l2 = lum(background(el));
            const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
            const size = parseFloat(st.fontSize), bold = parseInt(st.fontWeight) >= 700;
            if (ratio < ((size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5)) problems.push('contrast ' + ratio.toFixed(2) + ' on "' + el.textContent.trim().slice(0, 24) + '"');
          });
          if (document.scrollingElement.scrollWidth > window.innerWidth + 1) problems.push('page scrolls sideways: ' + document.scrollingElement.scrollWidth + ' > ' + window.innerWidth);
          return problems;
        }
        """;

    [Fact]
    public async Task An_officer_registers_a_request_asks_for_clarification_receives_it_answers_it_and_sees_it_counted_in_the_annual_report()
    {
        var page = await fx.SignInAsync("officer");
        await page.GotoAsync("reports?year=2026");
        var receivedBefore = int.Parse(await page.Locator("td[data-cell='table3:received:natural-person']").InnerTextAsync());
        var disclosedBefore = int.Parse(await page.Locator("td[data-cell='table3:disclosed:total']").InnerTextAsync());

        await page.GotoAsync("requests/new");
        await page.GetByLabel("申请编号").FillAsync("B-0001");
        await page.GetByLabel("姓名或名称").FillAsync("刘洋");
        await page.GetByLabel("身份证件号码").FillAsync("370102199001011231");
        await page.GetByLabel("联系电话").FillAsync("13800000000");
        await page.GetByLabel("所需政府信息的名称、文号或便于查询的其他特征性描述").FillAsync("2025年度部门预算执行情况");
        await fx.ShotAsync(page, "01-new-request");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记申请" }).ClickAsync();

        await page.WaitForURLAsync("**/requests/B-0001");
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("B-0001");
        (await page.Locator(".flash").InnerTextAsync()).ShouldContain("已登记申请 B-0001，收到日期 2026-06-30");
        (await page.Locator(".deadline", new() { HasText = "答复期限" }).InnerTextAsync()).ShouldContain("2026-07-28");
        await fx.ShotAsync(page, "02-request-received");

        await page.Locator("summary", new() { HasText = "补正告知" }).ClickAsync();
        await page.GetByLabel("需要补正的事项（每行一项）").FillAsync("请说明所需预算的具体科目");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记补正告知" }).ClickAsync();
        (await page.Locator(".flash").InnerTextAsync()).ShouldContain("已登记补正告知");
        (await page.Locator("h1 .badge").InnerTextAsync()).ShouldBe("待补正");

        await page.GetByRole(AriaRole.Button, new() { Name = "登记收到补正" }).ClickAsync();
        (await page.Locator(".flash").InnerTextAsync()).ShouldContain("答复期限重新计算");

        await page.Locator("summary", new() { HasText = "答复（办结）" }).ClickAsync();
        await page.Locator("#answer-outcome").SelectOptionAsync("disclosed");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记答复" }).ClickAsync();
        (await page.Locator(".flash").InnerTextAsync()).ShouldContain("已登记答复");
        (await page.Locator("h1 .badge").InnerTextAsync()).ShouldBe("已办结");
        (await page.Locator(".timeline li").CountAsync()).ShouldBe(4);
        await fx.ShotAsync(page, "03-request-answered");

        // The answer letter, made from the template, printable.
        var letter = await page.Context.NewPageAsync();
        await letter.GotoAsync("api/requests/B-0001/letters/answer?format=html");
        (await letter.Locator("h1").InnerTextAsync()).ShouldBe("政府信息公开申请答复书");
        (await letter.Locator("body").InnerTextAsync()).ShouldContain("第三十六条第二项");
        await fx.ShotAsync(letter, "06-answer-letter");
        await letter.CloseAsync();

        await page.GotoAsync("reports?year=2026");
        var received = page.Locator("td[data-cell='table3:received:natural-person'] a");
        int.Parse(await received.InnerTextAsync()).ShouldBe(receivedBefore + 1);
        int.Parse(await page.Locator("td[data-cell='table3:disclosed:total'] a").InnerTextAsync()).ShouldBe(disclosedBefore + 1);
        await fx.ShotAsync(page, "04-annual-report");
        await received.ClickAsync();
        await page.WaitForURLAsync(new Regex("/reports/cell"));
        (await page.Locator("table.grid tbody").InnerTextAsync()).ShouldContain("B-0001");
    }

    [Fact]
    public async Task The_API_reference_renders_the_document_in_a_browser_with_no_script_refused()
    {
        var page = await fx.SignInAsync("officer");
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                refused.Add(message.Text);
            }
        };

        await page.GotoAsync("api/reference/");
        // The document's own title and description, rendered by Scalar from /api/openapi/v1.json; nothing refused by
        // the page's policy (the bundle is local, and no fonts or telemetry are fetched from elsewhere).
        await page.Locator("h1", new() { HasText = "CaseFlow API" }).First.WaitForAsync(new() { Timeout = 30_000 });
        await page.GetByText("application/problem+json with a stable", new() { Exact = false }).First.WaitForAsync(new() { Timeout = 10_000 });
        refused.Where(m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty();
        await fx.ShotAsync(page, "api-reference");
    }

    [Fact]
    public async Task An_officer_asks_for_an_extension_the_approver_approves_it_and_nobody_sees_what_their_role_or_agency_does_not_allow()
    {
        await SeedAsync();
        var page = await fx.SignInAsync("officer");

        // Extensions need the approver (审核人): the officer can only ask, with reasons, and the deadline stays until approved.
        await page.GotoAsync("requests/S-0001");
        (await page.GetByRole(AriaRole.Button, new() { Name = "登记延期" }).CountAsync()).ShouldBe(0);
        (await page.Locator("input[name='Input.ApprovedBy']").CountAsync()).ShouldBe(0);
        await page.Locator("summary", new() { HasText = "报请延期答复" }).ClickAsync();
        await page.Locator("form[action*='AskExtension'] input[name='Input.Reason']").FillAsync("需要调取档案");
        await page.GetByRole(AriaRole.Button, new() { Name = "报请审核人批准" }).First.ClickAsync();
        (await page.Locator(".flash").InnerTextAsync()).ShouldContain("待审核人批准");
        (await page.Locator("#awaiting-title").InnerTextAsync()).ShouldBe("待审批：延长答复期限 20 个工作日");
        (await page.Locator(".timeline li").CountAsync()).ShouldBe(2);
        await fx.ShotAsync(page, "05-extension-asked");

        // The approver finds it on 待审批 and approves it on the request page, in their own name.
        var approver = await fx.SignInAsync("approver");
        await approver.GotoAsync("approvals");
        await approver.GetByRole(AriaRole.Link, new() { Name = "S-0001" }).ClickAsync();
        await approver.GetByRole(AriaRole.Button, new() { Name = "批准", Exact = true }).ClickAsync();
        (await approver.Locator(".flash").InnerTextAsync()).ShouldContain("已批准");
        (await approver.Locator(".timeline").InnerTextAsync()).ShouldContain("经 王主任 同意延长答复期限 20 个工作日");
        await fx.ShotAsync(approver, "05-extension-approved");

        var admin = await page.GotoAsync("admin");
        page.Url.ShouldContain("/denied");
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("无权");

        var foreign = await page.GotoAsync("requests/NR-ONLY-1");
        foreign!.Status.ShouldBe(404);
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("未找到");
        await page.GotoAsync("reports?agency=web-b");
        page.Url.ShouldContain("/denied");
    }

    [Fact]
    public async Task Legal_staff_record_the_copy_of_a_review_application_and_the_agencys_reply_deadline_comes_first_with_its_reasons()
    {
        await SeedAsync();
        var page = await fx.SignInAsync("legal");
        await page.GotoAsync("legal/reviews/FY-2");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记收到副本" }).ClickAsync();
        (await page.Locator(".flash").InnerTextAsync()).ShouldContain("已登记");

        // Copy received Tue 2026-06-30 (today): 10 working days from 07-01 → Tue 2026-07-14 (no holiday in July).
        var first = page.Locator(".deadline").First;
        (await first.Locator(".deadline-head").InnerTextAsync()).ShouldContain("本机关书面答复期限");
        (await first.Locator(".deadline-head").InnerTextAsync()).ShouldContain("2026-07-14");
        (await first.Locator(".explanation").TextContentAsync() ?? "").ShouldContain("第四十八条");
        await fx.ShotAsync(page, "07-review-reply-deadline");

        await page.GotoAsync("legal");
        var row = page.Locator("tr", new() { HasText = "FY-2" });
        (await row.InnerTextAsync()).ShouldContain("本机关书面答复期限 2026-07-14");

        await page.GotoAsync("legal/reviews/FY-2");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记书面答复" }).ClickAsync();
        (await page.Locator(".flash").InnerTextAsync()).ShouldContain("已登记");
        (await page.Locator(".deadlines").InnerTextAsync()).ShouldNotContain("本机关书面答复期限");
        (await page.Locator(".timeline").InnerTextAsync()).ShouldContain("书面答复");
    }

    [Theory]
    [InlineData(1366, 900, "desktop")]
    [InlineData(820, 1180, "tablet")]
    public async Task The_main_screens_render_at_desktop_and_tablet_widths_and_pass_basic_accessibility_checks(int width, int height, string device)
    {
        await SeedAsync();
        var screens = new (string User, string Path, string Name)[]
        {
            ("approver", "?list=open", "worklist"),
            ("approver", "requests/new", "new-request"),
            ("approver", "requests/S-0001", "request"),
            ("legal", "legal", "legal"),
            ("legal", "legal/reviews/FY-1", "review-case"),
            ("reporter", "reports?year=2026", "report"),
            ("gov", "reports?year=2026&agency=web-gov&children=true", "report-rollup"),
            ("reporter", "dashboard", "dashboard"),
            ("admin", "admin", "admin"),
            ("admin", "admin/letters?key=answer", "letter-templates"),
            ("approver", "notifications", "notifications"),
        };
        var problems = new List<string>();
        foreach (var (user, path, name) in screens)
        {
            var page = await fx.SignInAsync(user, width, height);
            var response = await page.GotoAsync(path);
            response!.Status.ShouldBe(200, $"{name} at {device}");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var found = await page.EvaluateAsync<string[]>(s_accessibilityScript);
            problems.AddRange(found.Select(p => $"{name} ({device}): {p}"));
            await fx.ShotAsync(page, $"screen-{name}-{device}");
            await page.Context.CloseAsync();
        }

        problems.ShouldBeEmpty();
    }

    private static readonly SemaphoreSlim s_seeding = new(1, 1);
    private static bool s_seeded;

    /// <summary>Realistic data for the screens: a few dozen requests of web-a, one of web-b, a review case.</summary>
    private async Task SeedAsync()
    {
        await s_seeding.WaitAsync();
        try
        {
            if (s_seeded)
            {
                return;
            }

            var app = fx.Web.App;
            var today = app.Today;
            var lines = new List<string>
            {
                """{"command":"receive","agency":"web-a","request":"S-0001","receivedOn":"2026-06-22","channel":"online","confirmedOn":"2026-06-22","applicant":{"type":"natural-person","name":"孙丽","idNumber":"370102198805051234","phone":"13912345678"},"subject":"学校食堂食品安全检查记录"}""",
                """{"command":"receive","agency":"web-b","request":"NR-ONLY-1","receivedOn":"2026-06-22","channel":"in-person","applicant":{"type":"natural-person","name":"外单位申请人"}}""",
                """{"command":"receive","agency":"web-a","request":"S-0002","receivedOn":"2026-03-02","channel":"in-person","applicant":{"type":"commercial-enterprise","name":"某某科技有限公司"},"subject":"行政处罚决定书"}""",
                """{"command":"answer","agency":"web-a","request":"S-0002","on":"2026-03-20","outcome":"refused-process-information"}""",
                """{"command":"file-review","agency":"web-a","request":"S-0002","case":"FY-1","filedOn":"2026-04-20","reviewBody":"某市人民政府"}""",
                """{"command":"receive","agency":"web-a","request":"S-0003","receivedOn":"2026-04-01","channel":"in-person","applicant":{"type":"natural-person","name":"周敏"},"subject":"征收补偿方案"}""",
                """{"command":"answer","agency":"web-a","request":"S-0003","on":"2026-04-15","outcome":"refused-internal-affairs"}""",
                """{"command":"file-review","agency":"web-a","request":"S-0003","case":"FY-2","filedOn":"2026-06-10","reviewBody":"某市人民政府"}""",
            };
            lines.AddRange(new RequestScenarios(app.Calendar.Current, seed: 5).Requests("web-a", 40, new LocalDate(2025, 1, 6), today.PlusDays(-1), today, "D", officers: ["officer", "approver"]).Select(l => l.ToJsonString()));
            var summary = await JsonlImport.RunAsync(app, Actor.System, new StringReader(string.Join("\n", lines)), false, _ => { }, default);
            summary.Rejected.ShouldBe(0);
            s_seeded = true;
        }
        finally
        {
            s_seeding.Release();
        }
    }
}
