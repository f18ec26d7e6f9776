using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Infrastructure;
using CaseFlow.Infrastructure.Http;

namespace CaseFlow.Web.Hosting;

/// <summary>
/// Holds every write's input to <see cref="InputBounds"/> before routing: a JSON body larger than the bound is 413, a
/// text too long, a list too long or a character that cannot be stored is 422 with its code, and nothing is written.
/// Form posts of the pages are held to the same bounds (their fields are named as in the API).
/// </summary>
public static class InputGuard
{
    public static IApplicationBuilder UseInputBounds(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!(HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method)))
        {
            await next(context);
            return;
        }

        if (request.HasJsonContentType())
        {
            if (request.ContentLength > InputBounds.MaxBodyBytes)
            {
                await TooLargeAsync(context);
                return;
            }

            request.EnableBuffering();
            var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            request.Body.Position = 0;
            if (buffer.Length > InputBounds.MaxBodyBytes)
            {
                await TooLargeAsync(context);
                return;
            }

            JsonNode? body = null;
            try
            {
                body = JsonNode.Parse(buffer.ToArray(), documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
            }
            catch (JsonException)
            {
                // Malformed JSON (a field named twice included) is the endpoint's to answer (400 input.malformed).
            }

            if (body is not null && InputBounds.Check(body) is { } problem)
            {
                await RefuseAsync(context, problem);
                return;
            }
        }
        else if (request.HasFormContentType && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            var form = await request.ReadFormAsync(context.RequestAborted);
            foreach (var (field, values) in form)
            {
                foreach (var value in values)
                {
                    if (value is not null && InputBounds.CheckText(field, value) is { } problem)
                    {
                        await RefuseAsync(context, problem);
                        return;
                    }
                }
            }
        }

        await next(context);
    });

    private static Task TooLargeAsync(HttpContext context) =>
        ApiResults.Problem(StatusCodes.Status413PayloadTooLarge, "input.too-large", $"请求内容最大 {InputBounds.MaxBodyBytes / 1024} KB。").ExecuteAsync(context);

    private static async Task RefuseAsync(HttpContext context, InputProblem problem)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await ApiResults.Problem(StatusCodes.Status422UnprocessableEntity, problem.Code, problem.Message).ExecuteAsync(context);
            return;
        }

        // A page's form: a page in Chinese that says what to change, and the way back.
        context.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>输入有误</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head>" +
            $"<body><main class=\"page\"><section class=\"card narrow\"><h1>输入有误</h1><p class=\"alert\" role=\"alert\">{WebUtility.HtmlEncode(problem.Message)}</p>" +
            $"<p class=\"muted\">代码 {problem.Code}。请返回上一页修改后再提交。</p></section></main></body></html>", context.RequestAborted);
    }
}
