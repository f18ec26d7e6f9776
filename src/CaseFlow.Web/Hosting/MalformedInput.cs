using System.Text.Json;
using CaseFlow.Infrastructure;

namespace CaseFlow.Web.Hosting;

/// <summary>
/// The client's mistakes that reach the exception handler (a body that is not the JSON asked for, a route value of the
/// wrong form): their status and what the sender is told, in Chinese, never naming a .NET type.
/// </summary>
public static class MalformedInput
{
    public static (int Status, string Reason)? Describe(Exception? error) => error switch
    {
        BadHttpRequestException { InnerException: JsonException json } bad => (bad.StatusCode, JsonErrors.Describe(json)),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => (StatusCodes.Status415UnsupportedMediaType, "请求内容须为 JSON（Content-Type: application/json）"),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge, "请求内容过大"),
        BadHttpRequestException bad when bad.Message.StartsWith("Failed to bind parameter", StringComparison.Ordinal) => (bad.StatusCode, "地址或查询参数的格式不对"),
        BadHttpRequestException bad when bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) => (bad.StatusCode, "缺少请求内容（一个 JSON 对象）"),
        BadHttpRequestException bad => (bad.StatusCode, "请求无法读取"),
        _ => null,
    };
}
