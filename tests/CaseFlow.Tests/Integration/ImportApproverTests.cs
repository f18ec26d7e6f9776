using CaseFlow.Importing;
using CaseFlow.Infrastructure;
using CaseFlow.Tests.Support;
using CaseFlow.Users;

namespace CaseFlow.Tests.Integration;

/// <summary>An imported approval names its approver: an account must hold the approver role; an old register's name stays.</summary>
public sealed class ImportApproverTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private async Task<ImportLineResult> LineAsync(int number, string json) =>
        await JsonlImport.RunLineAsync(fx.App, Actor.Cli(), number, json.Replace('\'', '"'), default);

    [Fact]
    public async Task An_account_without_the_approver_role_is_refused_an_approver_is_recorded_by_name_and_an_old_registers_name_is_kept()
    {
        (await LineAsync(1, "{'command':'register-agency','agency':'appr','name':'批准人测试局'}")).Status.ShouldBe(ImportLineStatus.Applied);
        await UserAccounts.CreateAsync(fx.App, "appr.officer", "appr", "李娜", "test-password-1", [Role.Officer]);
        await UserAccounts.CreateAsync(fx.App, "appr.head", "appr", "王主任", "test-password-1", [Role.Approver]);
        foreach (var (n, reference) in new[] { (2, "AP-1"), (3, "AP-2") })
        {
            (await LineAsync(n, $"{{'command':'receive','agency':'appr','request':'{reference}','receivedOn':'2026-06-22','channel':'online','applicant':{{'type':'natural-person','name':'张三'}}}}"))
                .Status.ShouldBe(ImportLineStatus.Applied);
        }

        var refused = await LineAsync(4, "{'command':'extend','agency':'appr','request':'AP-1','on':'2026-06-29','workingDays':10,'approvedBy':'appr.officer'}");
        refused.Status.ShouldBe(ImportLineStatus.Rejected);
        refused.Code.ShouldBe("approver.not-an-approver");
        refused.Message!.ShouldContain("李娜");

        (await LineAsync(5, "{'command':'extend','agency':'appr','request':'AP-1','on':'2026-06-29','workingDays':10,'approvedBy':'appr.head'}")).Status.ShouldBe(ImportLineStatus.Applied);
        (await LineAsync(6, "{'command':'extend','agency':'appr','request':'AP-2','on':'2026-06-29','workingDays':5,'approvedBy':'张局长'}")).Status.ShouldBe(ImportLineStatus.Applied);

        (await fx.RequestStateAsync("appr", "AP-1")).Extensions.Single().ApprovedBy.ShouldBe("王主任");
        (await fx.RequestStateAsync("appr", "AP-2")).Extensions.Single().ApprovedBy.ShouldBe("张局长");
    }
}
