using System.Text.Json;
using CaseFlow.Demo;
using CaseFlow.Infrastructure;
using CaseFlow.Infrastructure.Http;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using NodaTime;

namespace CaseFlow.Web.Hosting;

/// <summary>What a web host is started with; tests set the clock, the database and the address.</summary>
public sealed record WebHostOptions(string ConnectionString)
{
    public IClock Clock { get; init; } = SystemClock.Instance;
    public string Urls { get; init; } = "http://127.0.0.1:5080";
    public bool SeedDemoData { get; init; } = true;

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
}

/// <summary>
/// Builds the CaseFlow web application: API, pages, sign-in, and a Wolverine node (scheduled messages, the async
/// daemon's shards). Used by Program and by tests. Start-up applies the schema, loads the calendar and, on an empty
/// database, seeds the demo data before the server listens.
/// </summary>
public static class CaseFlowWebHost
{
    public const string CookieName = "caseflow.session";

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
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o => o.IncludeScopes = false);
        builder.AddCaseFlow(PolicySettings.Apply(new CaseFlowSettings(options.ConnectionString)
        {
            Node = options.RunBackgroundWork ? CaseFlowNode.Web : CaseFlowNode.Test,
            TimeZone = options.TimeZone,
            Mail = options.Mail,
            StaleNodeTimeout = options.StaleNodeTimeout,
        }, options.Policies), options.Clock);
        if (options.SeedDemoData)
        {
            builder.Services.AddHostedService<DemoSeeding>();
        }

        if (options.RunBackgroundWork)
        {
            builder.Services.AddHostedService<RecurringChains>();
        }

        // Chinese stays readable in the HTML (the default encoder writes every non-ASCII character as an entity).
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.ConfigureHttpJsonOptions(json => CopyConverters(CaseFlowJson.Create(), json.SerializerOptions));
        builder.Services.AddProblemDetails();
        // Malformed JSON reaches the exception handler, which answers with ProblemDetails (code input.malformed).
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CaseFlow API";
            document.Info.Description = "Disclosure requests (依申请公开), their statutory deadlines and the annual report. Sign in with a CaseFlow account; the agency is the account's.";
            return Task.CompletedTask;
        }));
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.SlidingExpiration = true;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
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
        app.UseExceptionHandler(errors => errors.Run(WriteUnexpectedErrorAsync));
        // Pages show an error page; the API answers ProblemDetails even for routes it does not have.
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/error", "?status={0}"));
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages(async context =>
        {
            var status = context.HttpContext.Response.StatusCode;
            await ApiResults.Problem(status, status == StatusCodes.Status404NotFound ? "api.not-found" : "http." + status, "请求无法处理。").ExecuteAsync(context.HttpContext);
        }));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseIdempotencyKeys();
        app.MapOpenApi("/api/openapi/{documentName}.json").AllowAnonymous();
        app.MapGet("/health", HealthAsync).AllowAnonymous();
        app.MapCaseFlowApi();
        app.MapRazorPages();
        return app;
    }

    private static async Task<IResult> HealthAsync(CaseFlowApp app, CancellationToken ct)
    {
        try
        {
            var deadLetters = await DeadLetters.CountAsync(app, ct);
            return Results.Ok(new { status = "ok", database = "ok", deadLetters, calendarYears = app.Calendar.Current.Years.Select(y => y.Year), today = app.Today });
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
        {
            return Results.Json(new { status = "unavailable", database = e.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>On an empty database: the demo city and its health commission (before the server listens).</summary>
    private sealed class DemoSeeding(CaseFlowApp app, ILogger<DemoSeeding> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => DemoData.SeedIfEmptyAsync(app, logger, cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
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
        if (error is BadHttpRequestException bad)
        {
            await ApiResults.Problem(StatusCodes.Status400BadRequest, "input.malformed", $"请求格式错误：{(bad.InnerException as JsonException)?.Message ?? bad.Message}").ExecuteAsync(context);
            return;
        }

        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("CaseFlow.Web");
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
