using System.ComponentModel.DataAnnotations;

namespace Codecov.Grains.Storage;

/// <summary>Where embedded mode keeps its state (<c>Storage:DataDirectory</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Root of grain state, raw uploads, archives and the SQLite index. Default <c>./data</c>.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";
}
