using System.Net;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using CaseFlow.Agencies.Registering;
using CaseFlow.Infrastructure;
using CaseFlow.Testing;
using CaseFlow.Users;
using CaseFlow.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CaseFlow.Web.Tests;

/// <summary>The real web app on Kestrel at a free loopback port, on a throwaway database, with two agencies and their users.</summary>
public sealed partial class WebFixture : IAsyncLifetime
{
    public const string Password = "test-password-1";
    private readonly TestDatabase _database = new();
    private WebApplication _app = null!;

    public WebFixture() => _contract = new(LoadContractAsync);

    public SettableClock Clock { get; } = new(Instant.FromUtc(2026, 6, 30, 2, 0));

    /// <summary>What session lifetimes are measured by: now, standing still unless a test moves it.</summary>
    public SettableClock SessionClock { get; } = new(SystemClock.Instance.GetCurrentInstant());

    public string ConnectionString => _database.ConnectionString;
    private readonly ConditionalWeakTable<HttpClient, CookieContainer> _cookies = new();
    public Uri BaseAddress { get; private set; } = null!;
    public CaseFlowApp App => _app.Services.GetRequiredService<CaseFlowApp>();

    /// <summary>What the host has logged (Information and above).</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>The host's services (its route table, for tests generated from it).</summary>
    public IServiceProvider Services => _app.Services;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _app = CaseFlowWebHost.Build(new WebHostOptions(_database.ConnectionString)
        {
            Clock = Clock,
            Urls = "http://127.0.0.1:0",
            SeedDemoData = false,
            SessionClock = SessionClock,
            CalendarRefresh = TimeSpan.FromMilliseconds(500),
            // Every test signs in from 127.0.0.1; the throttle has its own tests with its own limits.
            SignInLimits = new SignInLimits(100_000, 100_000, TimeSpan.FromMinutes(1)),
            LogSink = Logs,
        });
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First().Replace("0.0.0.0", "127.0.0.1") + "/");
        var app = App;
        var actor = Actor.System;
        await AgencyRegistration.HandleAsync(app, actor, new RegisterAgencyBody("web-gov", "某市人民政府", null, null), WriteOptions.None, default);
        await AgencyRegistration.HandleAsync(app, actor, new RegisterAgencyBody("web-a", "某市卫生健康委员会", "web-gov", null), WriteOptions.None, default);
        await AgencyRegistration.HandleAsync(app, actor, new RegisterAgencyBody("web-b", "某市自然资源局", "web-gov", null), WriteOptions.None, default);
        await UserAccounts.CreateAsync(app, "officer", "web-a", "李娜", Password, [Role.Officer]);
        await UserAccounts.CreateAsync(app, "approver", "web-a", "王主任", Password, [Role.Officer, Role.Approver]);
        await UserAccounts.CreateAsync(app, "legal", "web-a", "赵敏", Password, [Role.Legal]);
        await UserAccounts.CreateAsync(app, "reporter", "web-a", "陈静", Password, [Role.Reporting]);
        await UserAccounts.CreateAsync(app, "admin", "web-a", "管理员", Password, [Role.Admin]);
        await UserAccounts.CreateAsync(app, "sysadmin", "web-gov", "系统管理员", Password, [Role.Admin, Role.SystemAdmin]);
        await UserAccounts.CreateAsync(app, "auditor", "web-a", "审计", Password, [Role.Auditor]);
        await UserAccounts.CreateAsync(app, "other", "web-b", "外单位", Password, [Role.Officer, Role.Reporting]);
        await UserAccounts.CreateAsync(app, "gov", "web-gov", "市政府", Password, [Role.Reporting]);
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>A client without a session; it sends the API client header, as CaseFlow's own scripts and integrators do.</summary>
    public HttpClient Anonymous()
    {
        var client = Browserless(checkContract: true);
        client.DefaultRequestHeaders.Add(WebSecurity.ClientHeader, "tests");
        return client;
    }

    /// <summary>A client that sends only what a plain form post from a browser would (no API client header).</summary>
    public HttpClient Browserless() => Browserless(checkContract: false);

    private HttpClient Browserless(bool checkContract)
    {
        var cookies = new CookieContainer();
        HttpMessageHandler handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        var client = new HttpClient(checkContract ? new ApiContractCheck(ContractAsync, handler) : handler) { BaseAddress = BaseAddress };
        _cookies.Add(client, cookies);
        return client;
    }

    /// <summary>The session cookie a client holds (null when it holds none).</summary>
    public string? SessionCookieOf(HttpClient client) =>
        _cookies.TryGetValue(client, out var cookies) ? cookies.GetCookies(BaseAddress)[CaseFlowWebHost.CookieName]?.Value : null;

    /// <summary>A client that replays a session cookie (as a stolen or kept cookie would be), to <paramref name="address"/> or this host.</summary>
    public HttpClient Replaying(string sessionCookie, Uri? address = null)
    {
        var client = new HttpClient(new ApiContractCheck(ContractAsync, new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })) { BaseAddress = address ?? BaseAddress };
        client.DefaultRequestHeaders.Add("Cookie", $"{CaseFlowWebHost.CookieName}={sessionCookie}");
        client.DefaultRequestHeaders.Add(WebSecurity.ClientHeader, "tests");
        return client;
    }

    /// <summary>The OpenAPI document the host serves, read once: what every API client's answers are checked against.</summary>
    public Task<ApiContract> ContractAsync() => _contract.Value;

    private readonly Lazy<Task<ApiContract>> _contract;

    private async Task<ApiContract> LoadContractAsync()
    {
        using var plain = new HttpClient { BaseAddress = BaseAddress };
        return new ApiContract(await plain.GetStringAsync("api/openapi/v1.json"));
    }

    /// <summary>A client signed in through the login form (anti-forgery token and all).</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password = Password, string? fromAddress = null)
    {
        var client = Anonymous();
        if (fromAddress is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", fromAddress);
        }

        var form = await client.GetStringAsync("login");
        var token = TokenPattern().Match(form).Groups[1].Value;
        var response = await client.PostAsync("login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-in of {userName}");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    public static partial Regex TokenPattern();
}
