using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Codecov.Grains.Reports;

/// <summary>
/// Writes and reads a whole <see cref="CoverageReport"/> as a compact line-oriented UTF-8 text,
/// streamed both ways (a commit's report can have hundreds of thousands of lines):
/// <code>
/// codecov-report-archive 1
/// S 1,2                      the report's session ids
/// F src/a.py 2               a file: escaped path, number of line records that follow
/// 3 l 1,5,?,_;2,0,?,_        line number, kind (l/b/m), sessions: id,coverage,missing,complexity
/// 7 b 1,1/2,=0|1,3/4
/// END 1 2                    trailer: file and line counts, so truncation is detected
/// </code>
/// Missing branches: <c>?</c> unknown, <c>!</c> known and empty, <c>=a|b</c> the ids. Complexity:
/// <c>_</c> none, <c>v</c> or <c>v/t</c>. Paths and branch ids are %-escaped (<see cref="ArchiveText"/>).
/// Anything that does not parse is an <see cref="InvalidDataException"/> naming the line.
/// </summary>
public static class ReportArchive
{
    internal const string Header = "codecov-report-archive 1";
    private const int BufferSize = 65536;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task WriteAsync(CoverageReport report, Stream destination, CancellationToken cancellationToken = default)
    {
        await using var writer = new StreamWriter(destination, Utf8, BufferSize, leaveOpen: true) { NewLine = "\n" };
        await writer.WriteLineAsync(Header);
        await writer.WriteLineAsync("S " + string.Join(',', report.SessionIds.Select(Invariant)));
        int fileCount = 0, lineCount = 0;
        var line = new StringBuilder(256);
        foreach (var file in report.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            fileCount++;
            await writer.WriteLineAsync($"F {ArchiveText.Escape(file.Path)} {Invariant(file.Count)}");
            foreach (var (number, reportLine) in file.Lines)
            {
                lineCount++;
                line.Clear();
                ArchiveLine.Append(line, number, reportLine);
                await writer.WriteLineAsync(line);
            }
        }
        await writer.WriteLineAsync($"END {Invariant(fileCount)} {Invariant(lineCount)}");
        await writer.FlushAsync(cancellationToken);
    }

    public static async Task<CoverageReport> ReadAsync(Stream source, CancellationToken cancellationToken = default)
    {
        var report = new CoverageReport();
        await foreach (var file in ReadFilesAsync(source, report.AddSession, cancellationToken)) report.Add(file);
        return report;
    }

    /// <summary>
    /// Reads the archive one file at a time, so a caller that writes each file out as it comes (API v2
    /// <c>report/</c>) holds one file in memory, never the whole report. The session ids go to
    /// <paramref name="session"/> before the first file. A damaged archive fails as it is read.
    /// </summary>
    public static async IAsyncEnumerable<FileReport> ReadFilesAsync(Stream source, Action<int>? session = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(source, Utf8, detectEncodingFromByteOrderMarks: false, BufferSize, leaveOpen: true);
        var cursor = new ArchiveCursor(reader);
        if (await cursor.NextAsync(cancellationToken) != Header)
            throw cursor.Corrupt($"the header is not '{Header}'");
        var sessions = await cursor.NextAsync(cancellationToken);
        if (sessions is null || !sessions.StartsWith("S ", StringComparison.Ordinal)) throw cursor.Corrupt("the session list is missing");
        foreach (var id in sessions[2..].Split(',', StringSplitOptions.RemoveEmptyEntries)) session?.Invoke(cursor.Int(id, "session id"));

        int fileCount = 0, lineCount = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = await cursor.NextAsync(cancellationToken) ?? throw cursor.Corrupt("it ends before its END trailer (truncated)");
            if (text.StartsWith("END ", StringComparison.Ordinal))
            {
                CheckTrailer(cursor, text, fileCount, lineCount);
                if (await cursor.NextAsync(cancellationToken) is not null) throw cursor.Corrupt("there is data after the END trailer");
                yield break;
            }
            var file = await ReadFileAsync(cursor, text, seen, cancellationToken);
            lineCount += file.Count;
            fileCount++;
            yield return file;
        }
    }

    private static async Task<FileReport> ReadFileAsync(ArchiveCursor cursor, string text, HashSet<string> seen, CancellationToken cancellationToken)
    {
        var parts = text.Split(' ');
        if (parts.Length != 3 || parts[0] != "F") throw cursor.Corrupt("a file record ('F <path> <count>') was expected");
        var path = cursor.Unescape(parts[1]);
        var count = cursor.Int(parts[2], "line count");
        if (count < 0) throw cursor.Corrupt("the line count is negative");
        if (!seen.Add(path)) throw cursor.Corrupt($"the file '{path}' appears twice");
        var file = new FileReport(path);
        for (var i = 0; i < count; i++)
        {
            var lineText = await cursor.NextAsync(cancellationToken) ?? throw cursor.Corrupt($"the file '{path}' ends after {i} of {count} lines (truncated)");
            var (number, line) = ArchiveLine.Parse(cursor, lineText);
            if (file[number] is not null) throw cursor.Corrupt($"line {number} of '{path}' appears twice");
            file.Set(number, line);
        }
        return file;
    }

    private static void CheckTrailer(ArchiveCursor cursor, string text, int fileCount, int lineCount)
    {
        var parts = text.Split(' ');
        if (parts.Length != 3) throw cursor.Corrupt("the END trailer is malformed");
        var files = cursor.Int(parts[1], "file count");
        var lines = cursor.Int(parts[2], "line count");
        if (files != fileCount || lines != lineCount)
            throw cursor.Corrupt($"the trailer counts {files} files and {lines} lines but the archive holds {fileCount} and {lineCount}");
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
