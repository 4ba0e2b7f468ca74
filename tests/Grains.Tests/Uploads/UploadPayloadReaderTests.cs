using System.IO.Compression;
using System.Text;
using Codecov.Grains.Paths;
using Codecov.Grains.Uploads.Payload;

namespace Codecov.Grains.Tests.Uploads;

// Envelopes as codecov-upload-protocol §4 and §5 describe what each uploader sends.
public sealed class UploadPayloadReaderTests
{
    private const string Lcov = "TN:\nSF:/home/runner/work/acme/acme/src/a.js\nDA:1,1\nDA:2,0\nend_of_record";

    private static UploadPayload Read(string body, bool cli = false) =>
        UploadPayloadReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(body)), cli);

    private static string Text(CoverageFile file) => Encoding.UTF8.GetString(file.Content.Span);

    internal static byte[] Gzip(byte[] data)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(data);
        return output.ToArray();
    }

    internal static byte[] Zlib(byte[] data)
    {
        var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(data);
        return output.ToArray();
    }

    [Fact]
    public void The_npm_codecov_payload_yields_env_network_and_the_report_under_its_absolute_path()
    {
        // npm codecov 3.8.3: env block, git ls-files + "\n<<<<<< network\n", then "# path=<abs>\n<content>\n<<<<<< EOF\n".
        var body = "CI=true\nNODE_VERSION=20.1.0\n<<<<<< ENV\n" +
                   "src/a.js\nlib/b.js\n<<<<<< network\n" +
                   "# path=/home/runner/work/acme/acme/coverage/lcov.info\n" + Lcov + "\n<<<<<< EOF\n";

        var payload = Read(body);

        Assert.Equal(["src/a.js", "lib/b.js"], payload.Network);
        Assert.Equal("true", payload.Env["CI"]);
        Assert.Equal("20.1.0", payload.Env["NODE_VERSION"]);
        var file = Assert.Single(payload.Files);
        Assert.Equal("/home/runner/work/acme/acme/coverage/lcov.info", file.FileName);
        Assert.Equal(Lcov, Text(file));
        Assert.True(payload.Fixes.IsEmpty);
    }

    [Fact]
    public void The_node_uploader_gzip_body_is_inflated_and_separators_need_no_preceding_newline()
    {
        // codecov/uploader gzips the text and writes "<<<<<< EOF" straight after the report bytes.
        var text = "src/Foo.cs\n<<<<<< network\n# path=./coverage.cobertura.xml\n<coverage></coverage><<<<<< EOF" +
                   "# path=lcov.info\n" + Lcov + "<<<<<< EOF";

        var payload = UploadPayloadReader.Read(new MemoryStream(Gzip(Encoding.UTF8.GetBytes(text))), createdByCli: false,
            declaredGzip: true, PayloadLimits.Default);

        Assert.Equal(["src/Foo.cs"], payload.Network);
        Assert.Equal(["./coverage.cobertura.xml", "lcov.info"], payload.Files.Select(f => f.FileName));
        Assert.Equal("<coverage></coverage>", Text(payload.Files[0]));
        Assert.Equal(Lcov, Text(payload.Files[1]));
    }

    [Fact]
    public void A_gzip_body_is_detected_by_its_magic_bytes_without_a_header()
    {
        var payload = UploadPayloadReader.Read(new MemoryStream(Gzip(Encoding.UTF8.GetBytes("# path=a.info\n" + Lcov))), false);

        Assert.Equal(Lcov, Text(Assert.Single(payload.Files)));
    }

    [Fact]
    public void The_fixes_block_becomes_line_fixes_and_not_a_report()
    {
        var body = "# path=app.gcov\n        1:    1:int x;\n<<<<<< EOF\n# path=fixes\nsrc/a.c:3,4\nEOF: 9 src/a.c\n<<<<<< EOF\n";

        var payload = Read(body);

        Assert.Equal("app.gcov", Assert.Single(payload.Files).FileName);
        var fixes = payload.Fixes.Resolve(new PathFixer(PathFixingRules.None, null, null));
        Assert.Equal(new HashSet<int> { 3, 4 }, fixes["src/a.c"].Lines);
        Assert.Equal(9, fixes["src/a.c"].Eof);
    }

    [Fact]
    public void Everything_after_the_ignore_marker_is_dropped()
    {
        var body = "# path=lcov.info\n" + Lcov + "\n<<<<<< EOF\n==FROMNOWONIGNOREDBYCODECOV==>>>\n# path=other.info\nSF:x\n<<<<<< EOF\n";

        var payload = Read(body);

        Assert.Equal("lcov.info", Assert.Single(payload.Files).FileName);
    }

    [Fact]
    public void Sections_are_trimmed_and_blank_sections_skipped()
    {
        var body = "\n\n  # path=lcov.info  \r\n\n" + Lcov + "\n\n  <<<<<< EOF\n   \n<<<<<< EOF\n\n";

        var file = Assert.Single(Read(body).Files);

        Assert.Equal("lcov.info", file.FileName);
        Assert.Equal(Lcov, Text(file));
    }

    [Fact]
    public void A_bare_report_without_an_envelope_is_one_unnamed_file()
    {
        var file = Assert.Single(Read(Lcov).Files);

        Assert.Equal("", file.FileName);
        Assert.Equal(Lcov, Text(file));
    }

    [Fact]
    public void A_quoted_git_path_in_the_network_is_unquoted()
    {
        var payload = Read("\"docs/caf\\303\\251.md\"\nsrc\\win\\a.c\n./b.c\n<<<<<< network\n# path=x\n" + Lcov);

        Assert.Equal(["docs/café.md", "src/win/a.c", "b.c"], payload.Network);
    }

    [Fact]
    public void The_cli_json_envelope_inflates_zlib_base64_files()
    {
        var report = Encoding.UTF8.GetBytes(Lcov);
        var json = $$"""
            {"report_fixes":{"format":"legacy","value":{"src/a.js":{"eof":30,"lines":[1,2,17]} } },
             "network_files":["src/a.js","lib/b.js"],
             "coverage_files":[{"filename":"/home/runner/work/acme/acme/coverage/lcov.info","format":"base64+compressed",
                                "data":"{{Convert.ToBase64String(Zlib(report))}}","labels":""}],
             "metadata":{} }
            """;

        var payload = Read(json, cli: true);

        Assert.Equal(["src/a.js", "lib/b.js"], payload.Network);
        var file = Assert.Single(payload.Files);
        Assert.Equal("/home/runner/work/acme/acme/coverage/lcov.info", file.FileName);
        Assert.Equal(report, file.Content.ToArray());
        Assert.Empty(payload.Env);
        var fixes = payload.Fixes.Resolve(new PathFixer(PathFixingRules.None, null, null));
        Assert.Equal(30, fixes["src/a.js"].Eof);
        Assert.Equal(new HashSet<int> { 1, 2, 17 }, fixes["src/a.js"].Lines);
    }

    [Fact]
    public void The_old_path_fixes_key_is_accepted_and_its_paths_used_as_given()
    {
        var json = $$"""
            {"path_fixes":{"format":"legacy","value":{"/abs/not/fixed.c":{"eof":null,"lines":[5]} } },
             "network_files":[],
             "coverage_files":[{"filename":"a.info","format":"base64+compressed","data":"{{Convert.ToBase64String(Zlib(Encoding.UTF8.GetBytes(Lcov)))}}","labels":""}]}
            """;

        var payload = Read(json, cli: true);

        var fixes = payload.Fixes.Resolve(new PathFixer(PathFixingRules.None, null, null));
        Assert.Equal(new HashSet<int> { 5 }, fixes["/abs/not/fixed.c"].Lines);
        Assert.Null(fixes["/abs/not/fixed.c"].Eof);
        Assert.Equal([], payload.Network);
    }

    [Fact]
    public void A_file_in_an_unknown_format_is_used_as_is()
    {
        var json = """{"network_files":[],"coverage_files":[{"filename":"a.info","format":"plain","data":"SF:x\nend_of_record","labels":""}]}""";

        Assert.Equal("SF:x\nend_of_record", Text(Assert.Single(Read(json, cli: true).Files)));
    }

    [Fact]
    public void A_json_body_from_a_legacy_endpoint_is_read_as_legacy_text()
    {
        var json = """{"coverage":{"src/a.py":{"1":1}}}""";

        var file = Assert.Single(Read(json, cli: false).Files);

        Assert.Equal(json, Text(file));
    }

    [Fact]
    public void A_cli_body_that_is_not_a_json_object_is_read_as_legacy_text()
    {
        Assert.Equal("lcov.info", Assert.Single(Read("# path=lcov.info\n" + Lcov, cli: true).Files).FileName);
    }

    [Fact]
    public void An_empty_body_is_rejected_as_report_empty()
    {
        var e = Assert.Throws<PayloadRejectedException>(() => UploadPayloadReader.Read(new MemoryStream(), false));

        Assert.Equal(PayloadRejectedException.ReportEmpty, e.Code);
        Assert.Contains("empty", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_whitespace_body_is_rejected_as_report_empty()
    {
        Assert.Equal(PayloadRejectedException.ReportEmpty, Assert.Throws<PayloadRejectedException>(() => Read(" \n\r\n\t")).Code);
    }

    [Fact]
    public void An_envelope_with_only_a_network_is_rejected_as_report_empty()
    {
        var e = Assert.Throws<PayloadRejectedException>(() => Read("src/a.c\n<<<<<< network\n# path=empty.info\n<<<<<< EOF"));

        Assert.Equal(PayloadRejectedException.ReportEmpty, e.Code);
        Assert.Contains("no coverage report", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cli_envelope_with_no_coverage_files_is_rejected_as_report_empty()
    {
        var e = Assert.Throws<PayloadRejectedException>(() => Read("""{"network_files":["a"],"coverage_files":[]}""", cli: true));

        Assert.Equal(PayloadRejectedException.ReportEmpty, e.Code);
    }

    [Fact]
    public void Invalid_base64_in_a_cli_file_is_rejected_with_the_file_name()
    {
        var json = """{"coverage_files":[{"filename":"cov.xml","format":"base64+compressed","data":"not base64!!","labels":""}]}""";

        var e = Assert.Throws<PayloadRejectedException>(() => Read(json, cli: true));

        Assert.Contains("cov.xml", e.Message, StringComparison.Ordinal);
        Assert.Contains("base64", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_cli_json_is_rejected_as_unreadable()
    {
        var e = Assert.Throws<PayloadRejectedException>(() => Read("""{"coverage_files": [ }""", cli: true));

        Assert.Equal(PayloadRejectedException.Unreadable, e.Code);
    }
}
