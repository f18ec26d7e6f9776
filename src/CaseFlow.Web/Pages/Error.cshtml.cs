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
            _ => ("出错了", "服务器处理时发生错误，已记录。请稍后重试，或将下面的编号告知管理员。"),
        };
        if (status is { } code)
        {
            Response.StatusCode = code;
        }
    }
}
