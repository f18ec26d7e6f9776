using CaseFlow.Infrastructure.Http;
using Microsoft.Net.Http.Headers;

namespace CaseFlow.Web.Hosting;

/// <summary>
/// What every response carries and what every write must show (docs/security.md): the browser is told to run only
/// CaseFlow's own scripts, never to frame or sniff a page, and never to keep personal data in its cache; a write is
/// refused when it comes from another site (its <c>Origin</c> or <c>Sec-Fetch-Site</c>), and an API write made with the
/// session cookie must carry <see cref="ClientHeader"/>, which a cross-site form cannot send.
/// </summary>
public static class WebSecurity
{
    /// <summary>The header an API client sends with every write (any value): a form on another site cannot set it.</summary>
    public const string ClientHeader = "X-CaseFlow-Client";

    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The API reference (Scalar): its page starts itself with an inline script, and shows only the API's document.</summary>
    public const string ApiReferencePath = "/api/reference";

    private static readonly string s_apiReferencePolicy = ContentSecurityPolicy.Replace("script-src 'self'", "script-src 'self' 'unsafe-inline'", StringComparison.Ordinal);

    // Files under these folders are public assets, the same for everyone: they may be cached.
    private static readonly string[] s_publicAssets = ["/css", "/js", "/lib", "/favicon.ico", "/favicon.svg"];

    public static IApplicationBuilder UseCaseFlowSecurity(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var response = context.Response;
        var isAsset = s_publicAssets.Any(p => context.Request.Path.StartsWithSegments(p));
        response.OnStarting(() =>
        {
            var headers = response.Headers;
            headers[HeaderNames.ContentSecurityPolicy] = context.Request.Path.StartsWithSegments(ApiReferencePath) ? s_apiReferencePolicy : ContentSecurityPolicy;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers[HeaderNames.XFrameOptions] = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!isAsset)
            {
                headers[HeaderNames.CacheControl] = "no-store";
                headers.Remove(HeaderNames.Pragma);
            }

            return Task.CompletedTask;
        });

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
            && CrossSite(context) is { } why)
        {
            await ApiResults.Problem(StatusCodes.Status403Forbidden, "access.cross-site", why).ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    /// <summary>A header carries ASCII only: other characters of a return address are sent percent-encoded (UTF-8).</summary>
    public static string AsciiOnly(string url)
    {
        var ascii = new System.Text.StringBuilder(url.Length);
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is > 0x20 and < 0x7F)
            {
                ascii.Append((char)rune.Value);
            }
            else
            {
                ascii.Append(Uri.EscapeDataString(rune.ToString()));
            }
        }

        return ascii.ToString();
    }

    /// <summary>Why a write looks cross-site, or null when it does not.</summary>
    private static string? CrossSite(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers.Origin is [{ } origin] && !SameOrigin(origin, request))
        {
            return "拒绝来自其他网站的写入请求（Origin 不符）。";
        }

        if (request.Headers["Sec-Fetch-Site"] is [{ } site] && site is not ("same-origin" or "none"))
        {
            return "拒绝来自其他网站的写入请求。";
        }

        // Forms of CaseFlow's pages carry the anti-forgery token; the API has none, so a cookie-borne write must show
        // that a script of CaseFlow's own origin (or a non-browser client) sent it.
        if (request.Path.StartsWithSegments("/api") && request.Cookies.ContainsKey(CaseFlowWebHost.CookieName)
            && !request.Headers.ContainsKey(ClientHeader))
        {
            return $"通过登录会话调用接口的写入请求须带请求头 {ClientHeader}。";
        }

        return null;
    }

    private static bool SameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
