using System.Net;
using System.Net.Mail;
using System.Text;
using CaseFlow.Infrastructure;

namespace CaseFlow.Notifications;

/// <summary>The SMTP server reminders are sent through (<c>CASEFLOW_SMTP_*</c>); without it, notifications stay in the app.</summary>
public sealed record MailSettings(string Host, int Port, string From)
{
    public string? UserName { get; init; }
    public string? Password { get; init; }
    public bool Ssl { get; init; }

    /// <summary>The app's address as users reach it, for links in e-mails (e.g. https://caseflow.example.gov.cn).</summary>
    public string? PublicUrl { get; init; }

    public static MailSettings? FromEnvironment() =>
        Environment.GetEnvironmentVariable("CASEFLOW_SMTP_HOST") is { Length: > 0 } host
            ? new MailSettings(host,
                int.TryParse(Environment.GetEnvironmentVariable("CASEFLOW_SMTP_PORT"), out var port) ? port : 25,
                Environment.GetEnvironmentVariable("CASEFLOW_SMTP_FROM") is { Length: > 0 } from ? from : "caseflow@localhost")
            {
                UserName = Environment.GetEnvironmentVariable("CASEFLOW_SMTP_USER") is { Length: > 0 } user ? user : null,
                Password = Environment.GetEnvironmentVariable("CASEFLOW_SMTP_PASSWORD"),
                Ssl = Environment.GetEnvironmentVariable("CASEFLOW_SMTP_SSL") is "true" or "1",
                PublicUrl = Environment.GetEnvironmentVariable("CASEFLOW_PUBLIC_URL"),
            }
            : null;
}

public sealed record MailPayload(string To, string ToName, string Subject, string Body);

/// <summary>One e-mail to send (scheduled with the notification it carries).</summary>
public sealed record SendMail(MailPayload Mail);

/// <summary>
/// The Wolverine handler of <see cref="SendMail"/>: a failure is retried with backoff (<c>WolverineSetup</c>), then ends
/// in the dead-letter table, where administrators see it and can send it again.
/// </summary>
public static class MailHandler
{
    public static async Task Handle(SendMail message, CaseFlowApp app, CancellationToken ct)
    {
        var settings = app.Settings.Mail ?? throw new InvalidOperationException("SMTP is not configured (CASEFLOW_SMTP_HOST).");
        var mail = message.Mail;
        using var email = new MailMessage(new MailAddress(settings.From, "CaseFlow 依申请公开办理系统", Encoding.UTF8), new MailAddress(mail.To, mail.ToName, Encoding.UTF8))
        {
            Subject = mail.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = mail.Body,
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        using var client = new SmtpClient(settings.Host, settings.Port)
        {
            EnableSsl = settings.Ssl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = 30_000,
        };
        if (settings.UserName is { } user)
        {
            client.Credentials = new NetworkCredential(user, settings.Password);
        }

        await client.SendMailAsync(email, ct);
    }
}
