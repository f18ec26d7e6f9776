using System.Text.Json;
using CaseFlow.Demo;
using CaseFlow.Infrastructure;
using CaseFlow.Infrastructure.Http;
using CaseFlow.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using NodaTime;
using Scalar.AspNetCore;

namespace CaseFlow.Web.Hosting;

/// <summary>What a web host is started with; tests set the clock, the database and the address.</summary>
public sealed record WebHostOptions(string ConnectionString)
{
    public IClock Clock { get; init; } = NodaTime.SystemClock.Instance;
    public string Urls { get; init; } = "http://127.0.0.1:5080";
    /// <summary>Seed the demo city into an empty database (opt-in: <c>ops/run</c> asks for it, a production start never does).</summary>
    public bool SeedDemoData { get; init; }

    /// <summary>The demo accounts' password (ops/run generates one per data directory); null: a random one, logged.</summary>
    public string? DemoPassword { get; init; }

    /// <summary>What session lifetimes are measured by: the real clock, also when tests set the business clock.</summary>
    public IClock SessionClock { get; init; } = NodaTime.SystemClock.Instance;

    /// <summary>How many sign-in attempts are let through (per source address, and for everyone together).</summary>
    public SignInLimits SignInLimits { get; init; } = SignInLimits.Default;

    /// <summary>How often a node re-reads the calendar years, so that a year loaded by another node or the CLI is used here too.</summary>
    public TimeSpan CalendarRefresh { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (<c>CASEFLOW_TRUSTED_PROXIES</c>); loopback always.</summary>
    public string[] TrustedProxies { get; init; } = [];

    /// <summary>A full Wolverine node (scheduled messages, the async daemon); tests may start one without.</summary>
    public bool RunBackgroundWork { get; init; } = true;
    public string TimeZone { get; init; } = "Asia/Shanghai";
    public string[] Args { get; init; } = [];

    /// <summary>How soon a silent node's work moves to the others (<c>CASEFLOW_NODE_STALE_AFTER</c>, seconds); null: a minute.</summary>
    public TimeSpan? StaleNodeTimeout { get; init; }

    /// <summary>SMTP for e-mailed reminders (CASEFLOW_SMTP_* by default); null keeps them in the app.</summary>
    public CaseFlow.Notifications.MailSettings? Mail { get; init; } = CaseFlow.Notifications.MailSettings.FromEnvironment();

    /// <summary>The named policies chosen for this installation (<c>CASEFLOW_POLICIES</c>, see <see cref="PolicySettings"/>).</summary>
    public string? Policies { get; init; }

    /// <summary>A further log provider beside the console (tests read what was logged through it).</summary>
    public ILoggerProvider? LogSink { get; init; }

    /// <summary>Console logs as one JSON object per line (<c>CASEFLOW_LOG_FORMAT=json</c>, the systemd unit), else plain lines.</summary>
    public bool JsonLogs { get; init; }

    /// <summary>Every request and the libraries' information lines (<c>ops/run --verbose</c>); else warnings and CaseFlow's own lines.</summary>
    public bool VerboseLogs { get; init; }
}

/// <summary>Sign-in attempts let through per window: per source address, and overall (ASVS 2.2.1).</summary>
public sealed record SignInLimits(int PerAddress, int Overall, TimeSpan Window)
{
    // A whole office often signs in through one address (the agency's NAT): 30 a minute is a busy morning, not an attack.
    public static readonly SignInLimits Default = new(30, 600, TimeSpan.FromMinutes(1));
}

/// <summary>The clock session lifetimes are measured by (see <see cref="WebHostOptions.SessionClock"/>).</summary>
public sealed record SessionClock(IClock Clock);

/// <summary>What <c>/health</c> answers: <c>healthy</c> or <c>unhealthy</c>.</summary>
public sealed record HealthStatus(string Status);

/// <summary>
/// Builds the CaseFlow web application: API, pages, sign-in, and a Wolverine node (scheduled messages, the async
/// daemon's shards). Used by Program and by tests. Start-up applies the schema, loads the calendar and, on an empty
/// database, seeds the demo data before the server listens.
/// </summary>
public static class CaseFlowWebHost
{
    public const string CookieName = "caseflow.session";

    /// <summary>Demo accounts only when asked for (<c>CASEFLOW_DEMO_DATA=1</c>, as ops/run asks), and never in production.</summary>
    public static bool DemoDataWanted(Func<string, string?> environment) =>
        environment("CASEFLOW_DEMO_DATA") == "1"
        && !string.Equals(environment("ASPNETCORE_ENVIRONMENT") ?? environment("DOTNET_ENVIRONMENT"), "Production", StringComparison.OrdinalIgnoreCase);

    public static WebApplication Build(WebHostOptions options)
    {
        // The application name is this assembly, also when a test runner hosts it: that is where the pages are compiled.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = options.Args,
            ContentRootPath = ContentRoot(),
            ApplicationName = typeof(CaseFlowWebHost).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // The largest upload is a calendar file (1 MB); JSON bodies are bounded far lower (InputBounds).
            kestrel.Limits.MaxRequestBodySize = 4 * 1024 * 1024;
        });
        // Data-protection keys are kept unencrypted in the database on purpose (docs/decisions/0008): no warning each start.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        builder.Logging.ClearProviders();
        if (options.JsonLogs)
        {
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = false);
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }

        if (!options.VerboseLogs)
        {
            foreach (var library in new[] { "Microsoft", "Wolverine", "Marten", "JasperFx", "Npgsql", "Weasel" })
            {
                builder.Logging.AddFilter(library, LogLevel.Warning);
            }
        }

        if (options.LogSink is { } sink)
        {
            builder.Logging.AddProvider(sink);
        }

        builder.AddCaseFlow(PolicySettings.Apply(new CaseFlowSettings(options.ConnectionString)
        {
            Node = options.RunBackgroundWork ? CaseFlowNode.Web : CaseFlowNode.Test,
            TimeZone = options.TimeZone,
            Mail = options.Mail,
            StaleNodeTimeout = options.StaleNodeTimeout,
        }, options.Policies), options.Clock);
        if (options.SeedDemoData)
        {
            builder.Services.AddSingleton(new DemoSeedingOptions(options.DemoPassword));
            builder.Services.AddHostedService<DemoSeeding>();
        }

        if (options.RunBackgroundWork)
        {
            builder.Services.AddHostedService<RecurringChains>();
        }

        builder.Services.AddSingleton(new CalendarRefreshing.Interval(options.CalendarRefresh));
        builder.Services.AddHostedService<CalendarRefreshing>();

        // Chinese stays readable in the HTML (the default encoder writes every non-ASCII character as an entity).
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.ConfigureHttpJsonOptions(json => CopyConverters(CaseFlowJson.Create(), json.SerializerOptions));
        builder.Services.AddProblemDetails();
        // Malformed JSON reaches the exception handler, which answers with ProblemDetails (code input.malformed).
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi("v1", ApiDocument.Configure);
        builder.Services.AddSingleton(new SessionClock(options.SessionClock));
        // The keys that protect the session cookie live in the database: shared by every node, kept over a restart,
        // and different in every installation, so a cookie from elsewhere cannot be read here.
        builder.Services.AddDataProtection().SetApplicationName("CaseFlow");
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<KeyManagementOptions>>(services =>
            new Microsoft.Extensions.Options.ConfigureOptions<KeyManagementOptions>(keys => keys.XmlRepository = new DataProtectionKeyRing(services.GetRequiredService<Marten.IDocumentStore>())));
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in options.TrustedProxies)
            {
                forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        builder.Services.AddRateLimiter(limiter => SignInThrottle.Configure(limiter, options.SignInLimits));
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // Behind the documented TLS proxy the request is https (forwarded headers), so the cookie is Secure.
                cookie.SlidingExpiration = true;
                cookie.ExpireTimeSpan = UserSessions.IdleTimeout;
                cookie.Events.OnValidatePrincipal = ValidateSessionAsync;
                // The sign-in page's ReturnUrl goes into a Location header, which takes ASCII only.
                cookie.Events.OnRedirectToReturnUrl = context =>
                {
                    context.Response.Redirect(WebSecurity.AsciiOnly(context.RedirectUri));
                    return Task.CompletedTask;
                };
                cookie.LoginPath = "/login";
                cookie.AccessDeniedPath = "/denied";
                cookie.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized, "access.not-signed-in", "请先登录。");
                cookie.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden, "access.forbidden", "无权访问。");
            });
        builder.Services.AddAuthorization();
        builder.Services.AddAntiforgery(a =>
        {
            a.Cookie.Name = "caseflow.antiforgery";
            a.Cookie.SameSite = SameSiteMode.Strict;
        });
        builder.Services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/");
            pages.Conventions.AllowAnonymousToPage("/Login");
            pages.Conventions.AllowAnonymousToPage("/Error");
        });

        var app = builder.Build();
        app.UseForwardedHeaders();
        // The handler logs each error once, at its own level: the middleware's own entry (an error with the stack trace,
        // also for a client's malformed body) is suppressed.
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteUnexpectedErrorAsync, SuppressDiagnosticsCallback = _ => true });
        app.UseCaseFlowSecurity();
        // Pages show an error page; the API answers ProblemDetails even for routes it does not have.
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/error", "?status={0}"));
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages(async context =>
        {
            var status = context.HttpContext.Response.StatusCode;
            await ApiResults.Problem(status, status == StatusCodes.Status404NotFound ? "api.not-found" : "http." + status, "请求无法处理。").ExecuteAsync(context.HttpContext);
        }));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseInputBounds();
        app.UseIdempotencyKeys();
        app.MapOpenApi("/api/openapi/{documentName}.json").AllowAnonymous();
        // The API reference for integrators (Scalar), served from the package's own bundle.
        app.MapScalarApiReference(WebSecurity.ApiReferencePath, o => o
            .WithTitle("CaseFlow API")
            .WithOpenApiRoutePattern("/api/openapi/{documentName}.json")
            .DisableDefaultFonts() // nothing fetched from outside: an agency's network may not reach it, and should not have to
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools()).AllowAnonymous();
        app.MapGet("/health", HealthAsync).AllowAnonymous().WithName("Health").WithSummary("健康检查: healthy (200) or not (503), never why")
            .Answers<HealthStatus>().Produces<HealthStatus>(StatusCodes.Status503ServiceUnavailable, ApiContract.Json);
        app.MapCaseFlowApi();
        app.MapRazorPages();
        return app;
    }

    /// <summary>Healthy or not, never why: the reason (a database message, counts) is for the log, not for anyone who asks.</summary>
    private static async Task<IResult> HealthAsync(CaseFlowApp app, ILogger<CaseFlowApp> logger, CancellationToken ct)
    {
        try
        {
            await DeadLetters.CountAsync(app, ct);
            return Results.Ok(new HealthStatus("healthy"));
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            logger.LogWarning("Health check failed: {Reason}", e.Message);
            return Results.Json(new HealthStatus("unhealthy"), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>
    /// On every request with a session cookie: the server-side session must still stand for this account as it is now
    /// (not signed out, not run out, account enabled, same roles), else the cookie is dropped and the caller is anonymous.
    /// </summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var caller = context.Principal is { } principal ? Caller.From(principal) : null;
        var sessionId = context.Principal?.FindFirst(Caller.SessionClaim)?.Value;
        if (caller is not null && sessionId is not null
            && await UserSessions.IsLiveAsync(services.GetRequiredService<CaseFlowApp>(), caller.Agency, sessionId, caller.UserName, caller.Roles,
                services.GetRequiredService<SessionClock>().Clock, context.HttpContext.RequestAborted))
        {
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>On an empty database: the demo city and its health commission (before the server listens).</summary>
    private sealed record DemoSeedingOptions(string? Password);

    private sealed class DemoSeeding(CaseFlowApp app, DemoSeedingOptions options, ILogger<DemoSeeding> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => DemoData.SeedIfEmptyAsync(app, options.Password, logger, cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Re-reads the calendar years now and then: a notice loaded elsewhere moves this node's deadlines too, without a restart.</summary>
    private sealed class CalendarRefreshing(CaseFlowApp app, CalendarRefreshing.Interval interval, ILogger<CalendarRefreshing> logger) : BackgroundService
    {
        public sealed record Interval(TimeSpan Every);

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(interval.Every);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await app.Calendar.ReloadAsync(stoppingToken);
                }
                catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
                {
                    logger.LogWarning("Calendar years not re-read: {Reason}", e.Message);
                }
            }
        }
    }

    /// <summary>The daily digest and the year-end proposal are chains of durable messages: make sure each agency has them.</summary>
    private sealed class RecurringChains(CaseFlowApp app) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => CaseFlow.Reminders.Recurring.EnsureAsync(app, cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>API callers get ProblemDetails; pages get the normal redirect.</summary>
    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status, string code, string message)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }

        return ApiResults.Problem(status, code, message).ExecuteAsync(context.HttpContext);
    }

    /// <summary>No stack trace ever reaches a user: malformed input is a 400, anything else a logged 500 with an id.</summary>
    private static async Task WriteUnexpectedErrorAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("CaseFlow.Web");
        if (MalformedInput.Describe(error) is var (status, reason))
        {
            // A client's mistake: worth a line, not a stack trace.
            logger.LogInformation("Malformed request on {Method} {Path} (trace {TraceId}): {Reason}", context.Request.Method, context.Request.Path, context.TraceIdentifier, reason);
            var code = status switch { StatusCodes.Status413PayloadTooLarge => "input.too-large", StatusCodes.Status415UnsupportedMediaType => "input.media-type", _ => "input.malformed" };
            await ApiResults.Problem(status, code, $"请求格式错误：{reason}").ExecuteAsync(context);
            return;
        }

        logger.LogError(error, "Unhandled error on {Path} (trace {TraceId})", context.Request.Path, context.TraceIdentifier);
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await ApiResults.Problem(StatusCodes.Status500InternalServerError, "server.error", $"服务器内部错误，请联系管理员（编号 {context.TraceIdentifier}）。").ExecuteAsync(context);
            return;
        }

        context.Response.Redirect($"/error?status=500&trace={Uri.EscapeDataString(context.TraceIdentifier)}");
    }

    private static void CopyConverters(JsonSerializerOptions from, JsonSerializerOptions to)
    {
        to.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never;
        // A field named twice is refused rather than read as the last one (a proxy may have read the first).
        to.AllowDuplicateProperties = false;
        // Numbers are numbers: "3" for a count is refused, as the document says (integer, not integer-or-string).
        to.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        foreach (var converter in from.Converters.Reverse())
        {
            to.Converters.Insert(0, converter);
        }
    }

    /// <summary>
    /// Where wwwroot is: beside the binaries when published (ops/run), else the project directory found above them
    /// (a build or test run from the source tree).
    /// </summary>
    private static string ContentRoot()
    {
        if (Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot")))
        {
            return AppContext.BaseDirectory;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CaseFlow.Web.csproj")))
            {
                return dir.FullName;
            }

            var project = Path.Combine(dir.FullName, "src", "CaseFlow.Web");
            if (File.Exists(Path.Combine(project, "CaseFlow.Web.csproj")))
            {
                return project;
            }
        }

        return AppContext.BaseDirectory;
    }
}
