using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using CaseFlow.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CaseFlow.Infrastructure.Http;

/// <summary>
/// How command outcomes and failures look over HTTP: ProblemDetails with a stable <c>code</c> (404 missing, 409 conflict,
/// 412 stale If-Match, 422 rule or input, 401/403 access), ETags carrying the stream version, and the write options a
/// client sends as headers (<c>If-Match</c>, <c>Idempotency-Key</c>).
/// </summary>
public static partial class ApiResults
{
    public static int StatusOf(RejectionKind kind) => kind switch
    {
        RejectionKind.NotFound => StatusCodes.Status404NotFound,
        RejectionKind.Conflict => StatusCodes.Status409Conflict,
        RejectionKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    public static IResult Problem(int status, string code, string message) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = status,
            Title = Title(status),
            Detail = message,
            Type = $"https://caseflow.example/problems/{code}",
            Extensions = { ["code"] = code },
        });

    public static IResult Rejected(CommandOutcome.Rejected rejected) => Problem(StatusOf(rejected.Kind), rejected.Code, rejected.Message);

    public static IResult Forbidden(Role needed) =>
        Problem(StatusCodes.Status403Forbidden, "access.forbidden", $"此操作需要“{UserAccounts.RoleLabel(needed)}”角色。");

    public static IResult NotSignedIn() => Problem(StatusCodes.Status401Unauthorized, "access.not-signed-in", "请先登录。");

    /// <summary>A result with an <c>ETag</c> header carrying the stream version.</summary>
    public static IResult WithETag(IResult inner, long version) => new ETagged(inner, version);

    public static string ETag(long version) => $"\"{version}\"";

    /// <summary>Reads <c>If-Match</c> (<c>"3"</c> or <c>W/"3"</c>) and <c>Idempotency-Key</c>; null when If-Match is malformed.</summary>
    public static WriteOptions? Options(HttpRequest request)
    {
        long? ifMatch = null;
        var header = request.Headers.IfMatch.ToString();
        if (!string.IsNullOrWhiteSpace(header))
        {
            // A version too large for a long is as malformed as one that is not a number.
            var match = ETagPattern().Match(header.Trim());
            if (!match.Success || !long.TryParse(match.Groups[1].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
            {
                return null;
            }

            ifMatch = version;
        }

        var key = request.Headers["Idempotency-Key"].ToString();
        return new WriteOptions(string.IsNullOrWhiteSpace(key) ? null : $"http:{key.Trim()}", ifMatch,
            PayloadHash: request.HttpContext.Items[PayloadHashItem] as string);
    }

    private const string PayloadHashItem = "caseflow.payload-hash";

    /// <summary>
    /// For writes that carry an <c>Idempotency-Key</c>: hashes the method, path and body as sent, so that the key reused
    /// with another payload is refused (409 <c>command.key-reused</c>) rather than answered with the earlier result.
    /// </summary>
    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.Headers.ContainsKey("Idempotency-Key") && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            request.EnableBuffering();
            using var memory = new MemoryStream();
            await request.Body.CopyToAsync(memory, context.RequestAborted);
            request.Body.Position = 0;
            var body = System.Text.Encoding.UTF8.GetString(memory.ToArray());
            context.Items[PayloadHashItem] = Commands.PayloadHash($"{request.Method} {request.Path}{request.QueryString}\n{body}");
        }

        await next(context);
    });

    /// <summary>
    /// The access check every write endpoint starts with: signed in (401), holding <paramref name="role"/> (403), and
    /// well-formed write headers (400). False with the problem to answer; true with the caller and the write options.
    /// </summary>
    public static bool TryWriteAccess(HttpContext http, Role role, [NotNullWhen(true)] out Caller? caller,
        [NotNullWhen(true)] out WriteOptions? options, [NotNullWhen(false)] out IResult? problem)
    {
        caller = Caller.From(http.User);
        options = caller is not null && caller.Has(role) ? Options(http.Request) : null;
        problem = caller is null ? NotSignedIn() : !caller.Has(role) ? Forbidden(role) : options is null ? BadIfMatch() : null;
        return problem is null;
    }

    public static IResult BadIfMatch() => Problem(StatusCodes.Status400BadRequest, "input.if-match-invalid", "If-Match 头格式应为 \"版本号\"，例如 \"3\"。");

    private static string Title(int status) => status switch
    {
        400 => "请求格式错误",
        401 => "未登录",
        403 => "无权操作",
        404 => "未找到",
        409 => "与现有记录冲突",
        412 => "记录已被他人修改",
        422 => "不符合办理规则",
        _ => "处理失败",
    };

    [GeneratedRegex("^(?:W/)?\"(\\d+)\"$")]
    private static partial Regex ETagPattern();

    private sealed class ETagged(IResult inner, long version) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ETag = ETag(version);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
