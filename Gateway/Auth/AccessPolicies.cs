namespace Codecov.Gateway.Auth;

/// <summary>The authorization policies endpoint groups require, by name, and the claims they read.</summary>
public static class AccessPolicies
{
    /// <summary>Operators and site administrators: grain statistics, admin pages, the Orleans dashboard.</summary>
    public const string SiteAdmin = "site-admin";
}

/// <summary>Claim types the product's own authentication handlers issue.</summary>
public static class AccessClaims
{
    /// <summary>Present (value <c>true</c>) on a site administrator's principal.</summary>
    public const string SiteAdmin = "codecov:site_admin";
}
