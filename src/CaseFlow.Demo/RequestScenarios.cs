using System.Text.Json.Nodes;
using CaseFlow.Deadlines;
using NodaTime;

namespace CaseFlow.Demo;

/// <summary>
/// Generates realistic request histories as import lines (the contract's JSON commands): every kind of fact a case
/// officer records, in a plausible mix, with dates that respect the statutory clock. Deterministic for a seed, so tests,
/// demo data and benchmarks get the same data every time.
/// </summary>
public sealed class RequestScenarios(WorkdayCalendar calendar, int seed)
{
    private static readonly string[] s_subjects =
    [
        "2024年度部门预算执行情况", "某医院医疗废物处置许可材料", "行政处罚决定书（聊卫医罚〔2024〕12号）", "辖区内养老机构名单",
        "城市更新项目征收补偿方案", "某企业环评批复及验收意见", "2023年财政专项资金分配明细", "学校食堂食品安全检查记录",
        "某路段交通信号配时方案", "本人劳动仲裁相关材料", "公立医院收费标准文件", "某小区规划许可证及附图",
    ];

    private static readonly string[] s_surnames = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙"];
    private static readonly string[] s_given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳"];
    private static readonly string[] s_companies = ["聊城市鲁西化工有限公司", "山东某某建设集团有限公司", "某某科技有限公司", "东昌府区某某商贸有限公司"];
    private readonly Random _random = new(seed);
    private IReadOnlyList<string> _officers = [];

    /// <summary>Lines for <paramref name="count"/> requests received between <paramref name="from"/> and <paramref name="to"/>, as of <paramref name="today"/>.</summary>
    /// <remarks>
    /// Each request is given one of <paramref name="officers"/> (user names of the agency's officer accounts, which an
    /// import checks), or no officer when there are none.
    /// </remarks>
    public IReadOnlyList<JsonObject> Requests(string agency, int count, LocalDate from, LocalDate to, LocalDate today, string referencePrefix = "",
        IReadOnlyList<string>? officers = null)
    {
        _officers = officers ?? [];
        var lines = new List<(LocalDate Date, int Order, JsonObject Line)>();
        var span = Period.DaysBetween(from, to);
        var perYear = new Dictionary<int, int>();
        var receipts = Enumerable.Range(0, count).Select(_ => from.PlusDays(_random.Next(span + 1))).Order().ToList();
        var order = 0;
        foreach (var received in receipts)
        {
            var number = perYear[received.Year] = perYear.GetValueOrDefault(received.Year) + 1;
            var reference = $"{referencePrefix}{received.Year}-{number:D4}";
            foreach (var (date, line) in History(agency, reference, received, today))
            {
                lines.Add((date, order++, line));
            }
        }

        // In business-date order, as an agency would record them (a request's own facts keep their order).
        return lines.OrderBy(l => l.Date).ThenBy(l => l.Order).Select(l => l.Line).ToList();
    }

    private IEnumerable<(LocalDate, JsonObject)> History(string agency, string reference, LocalDate received, LocalDate today)
    {
        JsonObject Line(string command, LocalDate? on = null)
        {
            var line = new JsonObject { ["command"] = command, ["agency"] = agency, ["request"] = reference };
            if (on is { } date)
            {
                line["on"] = Iso(date);
            }

            return line;
        }

        var channel = Pick((45, "online"), (20, "in-person"), (15, "registered-mail"), (10, "ordinary-mail"), (5, "fax"), (5, "oral"));
        var type = Pick((80, "natural-person"), (8, "commercial-enterprise"), (2, "research-institution"), (2, "public-interest-org"), (5, "legal-service-org"), (3, "other-org"));
        var applicant = new JsonObject
        {
            ["type"] = type,
            ["name"] = type == "natural-person" ? s_surnames[_random.Next(s_surnames.Length)] + s_given[_random.Next(s_given.Length)] + s_given[_random.Next(s_given.Length)]
                : type == "legal-service-org" ? "山东某某律师事务所" : s_companies[_random.Next(s_companies.Length)],
            ["phone"] = $"13{_random.Next(100000000, 999999999)}",
        };
        if (type == "natural-person")
        {
            applicant["idNumber"] = $"3715{_random.Next(10, 99)}19{_random.Next(60, 99)}{_random.Next(1, 12):D2}{_random.Next(1, 28):D2}{_random.Next(1000, 9999)}";
            if (_random.Next(10) == 0)
            {
                applicant["agent"] = new JsonObject { ["name"] = "王律师", ["type"] = "lawyer" };
            }
        }

        var receive = Line("receive");
        receive["receivedOn"] = Iso(received);
        receive["channel"] = channel;
        receive["applicant"] = applicant;
        receive["subject"] = s_subjects[_random.Next(s_subjects.Length)];
        // Drawn whether or not it is used, so a seed gives the same requests with or without officers.
        var officer = _random.Next(2);
        if (_officers.Count > 0)
        {
            receive["officer"] = _officers[officer % _officers.Count];
        }

        yield return (received, receive);

        var clockStart = received;
        var cursor = received;
        var extension = 0;
        var paused = 0;
        var path = _random.Next(100);

        LocalDate Wd(LocalDate after, int n) => calendar.Count(after, n).End;
        bool Past(LocalDate date) => date > today;

        // Correction (补正): 10 %
        if (path < 10)
        {
            var notice = Wd(received, _random.Next(1, 7));
            if (Past(notice))
            {
                yield break;
            }

            var replyBy = Wd(notice, 15);
            var ask = Line("request-clarification", notice);
            ask["replyBy"] = Iso(replyBy);
            ask["items"] = new JsonArray("请明确所需信息的名称、文号或者便于查询的其他特征性描述");
            yield return (notice, ask);
            if (_random.Next(10) < 3)
            {
                var lapse = replyBy.PlusDays(_random.Next(1, 10));
                if (!Past(lapse))
                {
                    var lapsed = Line("answer", lapse);
                    lapsed["outcome"] = "other-clarification-lapsed";
                    yield return (lapse, lapsed);
                }

                yield break;
            }

            var corrected = Wd(notice, _random.Next(2, 12));
            if (Past(corrected))
            {
                yield break;
            }

            yield return (corrected, Line("receive-clarification", corrected));
            clockStart = cursor = corrected;
            if (_random.Next(5) == 0)
            {
                var unclear = Wd(corrected, _random.Next(3, 15));
                if (!Past(unclear))
                {
                    var answer = Line("answer", unclear);
                    answer["outcome"] = "unable-unclear-after-clarification";
                    yield return (unclear, answer);
                }

                yield break;
            }
        }
        else if (path < 18)
        {
            // Consultation (征求意见): 8 %
            var sent = Wd(received, _random.Next(2, 10));
            var party = _random.Next(3) == 0 ? "other-agency" : "third-party";
            var replied = Wd(sent, _random.Next(3, 15));
            if (Past(sent))
            {
                yield break;
            }

            var start = Line("start-consultation", sent);
            start["party"] = party;
            start["name"] = party == "third-party" ? "某某有限公司" : "聊城市市场监督管理局";
            yield return (sent, start);
            if (Past(replied))
            {
                yield break;
            }

            yield return (replied, Line("end-consultation", replied));
            paused = calendar.WorkingDaysBetween(sent, replied);
            cursor = replied;
        }
        else if (path < 21)
        {
            // Fee (收费): 3 %
            var issued = Wd(received, _random.Next(3, 12));
            if (Past(issued))
            {
                yield break;
            }

            var fee = Line("issue-fee-notice", issued);
            fee["amountYuan"] = 100 * _random.Next(1, 12);
            yield return (issued, fee);
            var payBy = Wd(issued, 20);
            if (_random.Next(10) < 4)
            {
                var lapse = payBy.PlusDays(_random.Next(1, 6));
                if (!Past(lapse))
                {
                    var lapsed = Line("answer", lapse);
                    lapsed["outcome"] = "other-fee-lapsed";
                    yield return (lapse, lapsed);
                }

                yield break;
            }

            var paid = Wd(issued, _random.Next(1, 15));
            if (Past(paid))
            {
                yield break;
            }

            yield return (paid, Line("pay-fee", paid));
            paused = calendar.WorkingDaysBetween(issued, paid);
            cursor = paid;
        }
        else if (path < 24)
        {
            // Withdrawal: 3 %
            var withdrawn = Wd(received, _random.Next(1, 15));
            if (!Past(withdrawn))
            {
                yield return (withdrawn, Line("withdraw", withdrawn));
            }

            yield break;
        }

        var due = Wd(clockStart, 20 + paused);
        if (_random.Next(10) == 0)
        {
            // Extension (延期): about 8 % of what remains, approved before the first period ends.
            var approved = Wd(cursor, _random.Next(1, 4));
            if (approved < due && !Past(approved))
            {
                extension = _random.Next(1, 5) * 5;
                var extend = Line("extend", approved);
                extend["workingDays"] = extension;
                extend["approvedBy"] = "办公室主任";
                yield return (approved, extend);
                cursor = approved;
                due = Wd(clockStart, 20 + paused + extension);
            }
        }

        var latest = Period.DaysBetween(cursor, due);
        var answered = cursor.PlusDays(Math.Max(1, _random.Next(Math.Max(2, latest + 1))));
        if (_random.Next(50) == 0)
        {
            answered = due.PlusDays(_random.Next(1, 10)); // a late answer now and then
        }

        if (Past(answered))
        {
            yield break;
        }

        var line = Line("answer", answered);
        if (_random.Next(20) == 0)
        {
            line["items"] = new JsonArray(
                new JsonObject { ["subject"] = "第一项", ["outcome"] = "disclosed" },
                new JsonObject { ["subject"] = "第二项", ["outcome"] = Pick((50, "unable-not-held"), (30, "refused-process-information"), (20, "disclosed")) });
        }
        else
        {
            line["outcome"] = Pick(
                (45, "disclosed"), (10, "partially-disclosed"), (2, "refused-state-secret"), (1, "refused-prohibited-by-law"), (1, "refused-security-stability"),
                (3, "refused-third-party-rights"), (2, "refused-internal-affairs"), (3, "refused-process-information"), (1, "refused-enforcement-case-file"),
                (1, "refused-administrative-query"), (12, "unable-not-held"), (5, "unable-needs-creation"), (3, "not-processed-complaint"),
                (3, "not-processed-repeat"), (1, "not-processed-publication"), (1, "not-processed-excessive"), (1, "not-processed-confirmation"), (2, "other"));
        }

        if ((string?)line["outcome"] == "not-processed-excessive")
        {
            // Art. 35: the applicant was asked for reasons before the request was refused as excessive.
            yield return (cursor, Line("ask-volume-reasons", cursor));
        }

        yield return (answered, line);
    }

    private string Pick(params (int Weight, string Value)[] choices)
    {
        var roll = _random.Next(choices.Sum(c => c.Weight));
        foreach (var (weight, value) in choices)
        {
            if (roll < weight)
            {
                return value;
            }

            roll -= weight;
        }

        return choices[^1].Value;
    }

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
