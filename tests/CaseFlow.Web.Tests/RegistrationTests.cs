using System.Net;

namespace CaseFlow.Web.Tests;

/// <summary>Registering a request on the form: what the officer is asked to confirm before anything is stored.</summary>
public sealed class RegistrationTests(WebFixture fx) : IClassFixture<WebFixture>
{
    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) => new(
    [
        new("__RequestVerificationToken", WebFixture.TokenPattern().Match(page).Groups[1].Value),
        new("Input.FormId", Guid.NewGuid().ToString()),
        new("Input.Channel", "in-person"),
        new("Input.ArrivedOn", "2026-06-30"),
        new("Input.ApplicantType", "natural-person"),
        new("Input.ApplicantName", "刘洋"),
        new("Input.Subject", "2025年度部门预算执行情况"),
        .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)),
    ]);

    [Fact]
    public async Task A_resident_identity_number_with_a_wrong_check_digit_or_an_odd_phone_is_questioned_before_anything_is_stored()
    {
        using var officer = await fx.SignInAsync("officer");
        var page = await officer.GetStringAsync("requests/new");

        // 37010219900101123 sums to 198 under GB 11643's weights; 198 mod 11 = 0, so the check character is 1, not 4.
        var questioned = await officer.PostAsync("requests/new", Form(page, ("Input.Reference", "REG-1"), ("Input.IdNumber", "370102199001011234"), ("Input.Phone", "1380013800")));
        questioned.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await questioned.Content.ReadAsStringAsync();
        html.ShouldContain("身份证号码校验位不符（按前17位应为 1）");
        html.ShouldContain("电话号码 1380013800 的位数不常见");
        (await officer.GetAsync("api/requests/REG-1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Written right, nothing is questioned about them and the request is registered.
        var registered = await officer.PostAsync("requests/new", Form(page, ("Input.Reference", "REG-2"), ("Input.IdNumber", "370102199001011231"), ("Input.Phone", "13800138000")));
        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await officer.GetAsync("api/requests/REG-2")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
