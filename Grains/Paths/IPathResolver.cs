namespace Codecov.Grains.Paths;

/// <summary>Turns a path as a report names it into the repository path, or null to drop the file.</summary>
public interface IPathResolver
{
    string? Resolve(string reportedPath);
}
