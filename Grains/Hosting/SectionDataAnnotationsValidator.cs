using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Codecov.Grains.Hosting;

/// <summary>
/// Data annotations of an options class, reported under the configuration key an operator sets
/// (<c>Embedded:SiloPort: The field SiloPort must be between 1 and 65535.</c>) rather than under the class
/// and member names the stock validator uses.
/// </summary>
public sealed class SectionDataAnnotationsValidator<T>(string sectionName) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(results.Select(Describe));
    }

    private string Describe(ValidationResult result)
    {
        var message = result.ErrorMessage ?? "is not valid.";
        var member = result.MemberNames.FirstOrDefault();
        if (member is null) return message;
        var key = $"{sectionName}:{member}";
        return message.Contains(key, StringComparison.Ordinal) ? message : $"{key}: {message}";
    }
}
