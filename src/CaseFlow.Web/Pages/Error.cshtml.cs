using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseFlow.Web.Pages;

public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "出错了";
    public string Message { get; private set; } = "";
    public string? Trace { get; private set; }

    public void OnGet(int? status, string? trace)
    {
        Trace = trace;
        (Title, Message) = status switch
        {
            403 => ("无权访问", "您的角色或所属机关无权查看或办理此项内容。"),
            404 => ("未找到", "您要查看的内容不存在，或不属于您所在的机关。"),
            429 => ("请求过于频繁", "尝试次数过多，请稍候片刻再试。"),
            _ => ("出错了", "服务器处理时发生错误，已记录。请稍后重试，或将下面的编号告知管理员。"),
        };
        // Only an error status is taken from the address; anything else is shown as the generic error.
        if (status is { } code && code is >= 400 and <= 599)
        {
            Response.StatusCode = code;
        }
    }
}
