using CaseFlow.Agencies.Registering;
using CaseFlow.Demo;
using CaseFlow.Importing;
using CaseFlow.Infrastructure;
using CaseFlow.Users;

namespace CaseFlow.Web.Hosting;

/// <summary>
/// On the first start of an empty database: a demo city government with its health commission, one account per role,
/// and a few hundred realistic requests, so that every screen has something to show.
/// </summary>
public static class DemoData
{
    public const string Password = "caseflow-demo";
    public const string Agency = "lc-health";
    public const string ParentAgency = "lc-gov";

    public static readonly (string UserName, string DisplayName, Role[] Roles)[] Accounts =
    [
        ("li.na", "李娜", [Role.Officer]),
        ("wang.qiang", "王强", [Role.Officer, Role.Approver]),
        ("zhao.min", "赵敏", [Role.Legal]),
        ("chen.jing", "陈静", [Role.Reporting]),
        ("admin", "系统管理员", [Role.Admin]),
        ("audit", "审计员", [Role.Auditor]),
    ];

    public static async Task SeedIfEmptyAsync(CaseFlowApp app, ILogger logger, CancellationToken ct)
    {
        if (await UserAccounts.AnyAsync(app, ct))
        {
            return;
        }

        var actor = new Actor("system:demo", "演示数据");
        await AgencyRegistration.HandleAsync(app, actor, new RegisterAgencyBody(ParentAgency, "聊城市人民政府", null, "government"), WriteOptions.None, ct);
        await AgencyRegistration.HandleAsync(app, actor, new RegisterAgencyBody(Agency, "聊城市卫生健康委员会", ParentAgency, "department"), WriteOptions.None, ct);
        await AgencyRegistration.HandleAsync(app, actor, new RegisterAgencyBody("lc-nr", "聊城市自然资源和规划局", ParentAgency, "department"), WriteOptions.None, ct);
        foreach (var (userName, displayName, roles) in Accounts)
        {
            await UserAccounts.CreateAsync(app, userName, Agency, displayName, Password, roles, $"{userName}@example.gov.cn", ct);
        }

        await UserAccounts.CreateAsync(app, "gov.report", ParentAgency, "市政府年报编制", Password, [Role.Reporting], ct: ct);
        var today = app.Today;
        var scenarios = new RequestScenarios(app.Calendar.Current, seed: 2025);
        // Two years and more of history, and a busy last six weeks so the worklist has work in it.
        var lines = scenarios.Requests(Agency, 230, new NodaTime.LocalDate(today.Year - 2, 1, 4), today.PlusDays(-46), today)
            .Concat(scenarios.Requests(Agency, 32, today.PlusDays(-45), today.PlusDays(-1), today, referencePrefix: "R"))
            .Concat(scenarios.Requests("lc-nr", 120, new NodaTime.LocalDate(today.Year - 2, 1, 4), today.PlusDays(-1), today))
            .Select(l => l.ToJsonString());
        var summary = await JsonlImport.RunAsync(app, actor, new StringReader(string.Join("\n", lines)), stopOnError: false, _ => { }, ct);
        logger.LogInformation("Demo data seeded: {Summary}", summary.ToString());
    }
}
