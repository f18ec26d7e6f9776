using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CaseFlow.Reporting.Rendering;

/// <summary>
/// The report as the contract's JSON (<c>report annual --format json</c>): keys in the contract's order, every one of
/// the 23 rows and 7 columns of table 三 and 15 cells of table 四 present (zeros are written, never left out). Fields the
/// contract does not name (version, roll-up scope) come after the contract's own.
/// </summary>
public static class ReportJson
{
    private static readonly JsonWriterOptions s_options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(AnnualReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, s_options))
        {
            Write(json, report);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(Utf8JsonWriter json, AnnualReport report)
    {
        json.WriteStartObject();
        json.WriteString("agency", report.Agency);
        json.WriteString("agencyName", report.AgencyName);
        json.WriteNumber("year", report.Year);

        json.WriteStartObject("table2");
        WriteCounts(json, "regulations", report.Table2.Regulations);
        WriteCounts(json, "normativeDocuments", report.Table2.NormativeDocuments);
        json.WriteNumber("licensing", report.Table2.Licensing);
        json.WriteNumber("penalties", report.Table2.Penalties);
        json.WriteNumber("coercion", report.Table2.Coercion);
        json.WriteNumber("feesWanYuan", report.Table2.FeesWanYuan);
        json.WriteEndObject();

        json.WriteStartObject("table3");
        json.WriteStartArray("columns");
        foreach (var column in report.Table3.Columns)
        {
            json.WriteStringValue(column);
        }

        json.WriteEndArray();
        json.WriteStartObject("rows");
        foreach (var row in report.Table3.Rows)
        {
            WriteRow(json, row, report.Table3);
        }

        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("table4");
        foreach (var group in report.Table4.Rows)
        {
            WriteRow(json, group, report.Table4);
        }

        json.WriteEndObject();

        json.WriteStartArray("checks");
        foreach (var check in report.Checks)
        {
            json.WriteStartObject();
            json.WriteString("name", check.Name);
            json.WriteBoolean("ok", check.Ok);
            json.WriteString("detail", check.Detail);
            json.WriteStartArray("cells");
            foreach (var cell in check.Cells)
            {
                json.WriteStringValue(cell);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteBoolean("includeChildren", report.IncludeChildren);
        json.WriteStartArray("agencies");
        foreach (var agency in report.Agencies)
        {
            json.WriteStringValue(agency);
        }

        json.WriteEndArray();
        if (report.Version is { } version)
        {
            json.WritePropertyName("version");
            WriteVersion(json, version);
        }
        else
        {
            json.WriteNull("version");
        }

        json.WriteStartArray("history");
        foreach (var earlier in report.History)
        {
            WriteVersion(json, earlier);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, DocumentCounts counts)
    {
        json.WriteStartObject(name);
        json.WriteNumber("issued", counts.Issued);
        json.WriteNumber("repealed", counts.Repealed);
        json.WriteNumber("inForce", counts.InForce);
        json.WriteEndObject();
    }

    private static void WriteRow(Utf8JsonWriter json, string row, Grid grid)
    {
        json.WriteStartObject(row);
        foreach (var column in grid.Columns)
        {
            json.WriteNumber(column, grid[row, column]);
        }

        json.WriteEndObject();
    }

    private static void WriteVersion(Utf8JsonWriter json, ReportVersionInfo version)
    {
        json.WriteStartObject();
        json.WriteNumber("number", version.Version);
        json.WriteString("kind", version.Kind);
        json.WriteString("on", version.On.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("hash", version.Hash);
        json.WriteStartArray("differences");
        foreach (var difference in version.Differences)
        {
            json.WriteStringValue(difference);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
