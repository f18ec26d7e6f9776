using System.Globalization;
using System.Threading.RateLimiting;
using CaseFlow.Infrastructure.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace CaseFlow.Web.Hosting;

/// <summary>
/// Limits password guessing before any password is checked: so many sign-in attempts per source address and so many
/// for everyone together per window; beyond either, 429 with Retry-After. Lockout (per account and address) is the
/// second line, in <see cref="CaseFlow.Users.UserAccounts"/>.
/// </summary>
public static class SignInThrottle
{
    public static void Configure(RateLimiterOptions limiter, SignInLimits limits)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignIn(context)
                ? RateLimitPartition.GetFixedWindowLimiter("address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), _ => Window(limits.PerAddress, limits.Window))
                : RateLimitPartition.GetNoLimiter("")),
            PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignIn(context)
                ? RateLimitPartition.GetFixedWindowLimiter("everyone", _ => Window(limits.Overall, limits.Window))
                : RateLimitPartition.GetNoLimiter("")));
        limiter.OnRejected = async (rejected, ct) =>
        {
            var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : (int)limits.Window.TotalSeconds;
            var response = rejected.HttpContext.Response;
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await ApiResults.Problem(StatusCodes.Status429TooManyRequests, "access.too-many-sign-ins", $"登录尝试过于频繁，请 {seconds} 秒后再试。").ExecuteAsync(rejected.HttpContext);
        };
    }

    private static bool IsSignIn(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals("/login", StringComparison.OrdinalIgnoreCase);

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };
}
