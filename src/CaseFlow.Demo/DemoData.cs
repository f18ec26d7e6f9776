using CaseFlow.Agencies.Registering;
using CaseFlow.Importing;
using CaseFlow.Infrastructure;
using CaseFlow.Users;
using Marten;
using Microsoft.Extensions.Logging;

namespace CaseFlow.Demo;

/// <summary>
/// On the first start of an empty database: a demo city government with its health commission, one account per role,
/// and a few hundred realistic requests, so that every screen has something to show.
/// </summary>
public static class DemoData
{
    public const string Agency = "lc-health";
    public const string ParentAgency = "lc-gov";

    public static readonly (string UserName, string DisplayName, Role[] Roles)[] Accounts =
    [
        ("li.na", "李娜", [Role.Officer]),
        ("wang.qiang", "王强", [Role.Officer, Role.Approver]),
        ("zhao.min", "赵敏", [Role.Legal]),
        ("chen.jing", "陈静", [Role.Reporting]),
        ("admin", "系统管理员", [Role.Admin, Role.SystemAdmin]),
        ("audit", "审计员", [Role.Auditor]),
    ];

    /// <summary>Seeds an empty database; the accounts get <paramref name="password"/>, or a random one that is logged once.</summary>
    public static async Task SeedIfEmptyAsync(CaseFlowApp app, string? password, ILogger logger, CancellationToken ct)
    {
        if (await UserAccounts.AnyAsync(app, ct))
        {
            return;
        }

        if (string.IsNullOrEmpty(password))
        {
            password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
            logger.LogWarning("Demo accounts seeded with the password {Password} (set CASEFLOW_DEMO_PASSWORD to choose one)", password);
        }

        var actor = new Actor("system:demo", "演示数据");
        await AgencyRegistration.HandleAsync(app, actor, new RegisterAgencyBody(ParentAgency, "聊城市人民政府", null, "government"), WriteOptions.None, ct);
        await AgencyRegistration.HandleAsync(app, actor, new RegisterAgencyBody(Agency, "聊城市卫生健康委员会", ParentAgency, "department"), WriteOptions.None, ct);
        await AgencyRegistration.HandleAsync(app, actor, new RegisterAgencyBody("lc-nr", "聊城市自然资源和规划局", ParentAgency, "department"), WriteOptions.None, ct);
        foreach (var (userName, displayName, roles) in Accounts)
        {
            await UserAccounts.CreateAsync(app, userName, Agency, displayName, password, roles, $"{userName}@example.gov.cn", ct);
        }

        await UserAccounts.CreateAsync(app, "gov.report", ParentAgency, "市政府年报编制", password, [Role.Reporting], ct: ct);
        var today = app.Today;
        var scenarios = new RequestScenarios(app.Calendar.Current, seed: 2025);
        // Two years and more of history, and a busy last six weeks so the worklist has work in it.
        string[] officers = [.. Accounts.Where(a => a.Roles.Contains(Role.Officer)).Select(a => a.UserName)];
        var lines = scenarios.Requests(Agency, 230, new NodaTime.LocalDate(today.Year - 2, 1, 4), today.PlusDays(-46), today, officers: officers)
            .Concat(scenarios.Requests(Agency, 32, today.PlusDays(-45), today.PlusDays(-1), today, referencePrefix: "R", officers: officers))
            .Concat(scenarios.Requests("lc-nr", 120, new NodaTime.LocalDate(today.Year - 2, 1, 4), today.PlusDays(-1), today))
            .Select(l => l.ToJsonString());
        var summary = await JsonlImport.RunAsync(app, actor, new StringReader(string.Join("\n", lines)), stopOnError: false, _ => { }, ct);
        var cases = await JsonlImport.RunAsync(app, actor, new StringReader(string.Join("\n", await CaseLinesAsync(app, today, ct))), stopOnError: false, _ => { }, ct);
        // Today's digest, so the officers' inboxes show what the reminders look like.
        await CaseFlow.Reminders.Recurring.DigestAsync(app, Agency, today, ct);
        logger.LogInformation("Demo data seeded: requests {Summary}; review and litigation {Cases}", summary.ToString(), cases.ToString());
    }

    /// <summary>A few review and lawsuit cases against refusals: decided, pending, a suit after review.</summary>
    private static async Task<IEnumerable<string>> CaseLinesAsync(CaseFlowApp app, NodaTime.LocalDate today, CancellationToken ct)
    {
        var until = today.PlusDays(-30);
        List<(string Reference, NodaTime.LocalDate On)> refused;
        await using (var query = app.Query(Agency))
        {
            refused = [.. (await query.Query<Requests.GettingDetails.RequestFile>()
                    .Where(r => (r.Outcome!.StartsWith("refused-") || r.Outcome == "unable-not-held") && r.ConcludedOn <= until)
                    .OrderByDescending(r => r.ConcludedOn).Take(4).ToListAsync(ct))
                .Select(r => (r.Reference, r.ConcludedOn!.Value))];
        }

        static string D(NodaTime.LocalDate d) => d.ToString("yyyy-MM-dd", null);
        NodaTime.LocalDate Upto(NodaTime.LocalDate d) => d > today ? today : d;
        var lines = new List<object>();
        for (var i = 0; i < refused.Count; i++)
        {
            var (request, answered) = refused[i];
            var filed = Upto(answered.PlusDays(20));
            var reviewCase = $"聊政复〔{filed.Year}〕{10 + i}号";
            switch (i)
            {
                case 0: // the most recent: a review still pending, accepted
                    lines.Add(new { command = "file-review", agency = Agency, request, @case = reviewCase, filedOn = D(filed), reviewBody = "聊城市人民政府" });
                    lines.Add(new { command = "accept-review", agency = Agency, @case = reviewCase, on = D(Upto(filed.PlusDays(3))) });
                    break;
                case 1: // a direct suit, registered, pending
                    var suit = $"（{filed.Year}）鲁1502行初{30 + i}号";
                    lines.Add(new { command = "file-lawsuit", agency = Agency, request, @case = suit, filedOn = D(filed), afterReview = false, court = "聊城市东昌府区人民法院" });
                    lines.Add(new { command = "register-lawsuit", agency = Agency, @case = suit, on = D(Upto(filed.PlusDays(5))) });
                    break;
                default: // a review decided (maintained), then for the last one a suit after review, dismissed
                    lines.Add(new { command = "file-review", agency = Agency, request, @case = reviewCase, filedOn = D(filed), reviewBody = "聊城市人民政府" });
                    var decided = Upto(filed.PlusDays(45));
                    lines.Add(new { command = "decide-review", agency = Agency, @case = reviewCase, on = D(decided), decision = "maintained" });
                    if (i == 3 && decided.PlusDays(10) < today)
                    {
                        var after = $"（{decided.Year}）鲁1502行初{40 + i}号";
                        lines.Add(new { command = "file-lawsuit", agency = Agency, request, @case = after, filedOn = D(decided.PlusDays(10)), afterReview = true, reviewCase, court = "聊城市东昌府区人民法院" });
                    }

                    break;
            }
        }

        return lines.Select(l => System.Text.Json.JsonSerializer.Serialize(l));
    }
}
