using System.Runtime.InteropServices;
using Codecov.Grains.Paths;

namespace Codecov.Grains.Uploads.Payload;

/// <summary>
/// A decoded upload body (codecov-upload-protocol §5): the repository file list if the uploader
/// sent one, the coverage report files, the legacy env block, and the line fixes.
/// </summary>
public sealed record UploadPayload(
    IReadOnlyList<string>? Network,
    IReadOnlyList<CoverageFile> Files,
    IReadOnlyDictionary<string, string> Env,
    LineFixes Fixes);

/// <summary>One coverage report inside an upload, named as the uploader named it (often an absolute path; empty when unnamed).</summary>
public sealed record CoverageFile(string FileName, ReadOnlyMemory<byte> Content)
{
    public Stream Open() =>
        MemoryMarshal.TryGetArray(Content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(Content.ToArray(), writable: false);
}
