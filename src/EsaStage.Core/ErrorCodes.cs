namespace EsaStage.Core;

/// <summary>
/// The product's diagnostic codes. <c>ESA1xxx</c>: input rejected locally, before anything remote is spent;
/// <c>ESA2xxx</c>: the ESA OpenAPI refused or failed; <c>ESA3xxx</c>: the OSS upload failed;
/// <c>ESA4xxx</c>: warnings; <c>ESA9xxx</c>: unexpected failures.
/// </summary>
public static class ErrorCodes
{
    /// <summary>The routine name breaks the naming rule.</summary>
    public const string InvalidRoutineName = "ESA1001";

    /// <summary>The code file does not exist.</summary>
    public const string CodeFileNotFound = "ESA1002";

    /// <summary>The code file path names a directory.</summary>
    public const string CodeFileIsDirectory = "ESA1003";

    /// <summary>The code file is empty.</summary>
    public const string CodeFileEmpty = "ESA1004";

    /// <summary>The code file is larger than the size cap.</summary>
    public const string CodeFileTooLarge = "ESA1005";

    /// <summary>The code description is too long or holds characters that cannot be sent.</summary>
    public const string InvalidDescription = "ESA1006";

    /// <summary>The endpoint is blank, malformed or uses plain http to a remote host.</summary>
    public const string InvalidEndpoint = "ESA1007";

    /// <summary>The region id is blank or malformed.</summary>
    public const string InvalidRegion = "ESA1008";

    /// <summary>The publish environment is neither <c>staging</c> nor <c>production</c>.</summary>
    public const string InvalidPublishEnvironment = "ESA1009";

    /// <summary>The code file could not be read.</summary>
    public const string CodeFileUnreadable = "ESA1010";

    /// <summary>The command line or another option value is invalid.</summary>
    public const string InvalidOption = "ESA1011";

    /// <summary>The routine's <c>esa.jsonc</c> or <c>esa.toml</c> cannot be read or parsed.</summary>
    public const string InvalidRoutineConfig = "ESA1012";

    /// <summary>The build host cannot run the MSBuild task (not .NET 10 MSBuild, or no ASP.NET Core runtime).</summary>
    public const string UnsupportedBuildHost = "ESA1013";

    /// <summary>No credentials were found.</summary>
    public const string CredentialsNotFound = "ESA1100";

    /// <summary>A credential value is unusable (blank, or with surrounding whitespace).</summary>
    public const string InvalidCredentials = "ESA1101";

    /// <summary>A configured credential source failed: STS refused, or the metadata service or URI failed.</summary>
    public const string CredentialSourceFailed = "ESA1102";

    /// <summary>The GitHub OIDC role options are incomplete or malformed, e.g. a role without a provider.</summary>
    public const string InvalidOidcOptions = "ESA1120";

    /// <summary>GitHub OIDC was asked for outside GitHub Actions.</summary>
    public const string OidcNotInGitHubActions = "ESA1121";

    /// <summary>The job may not request a GitHub OIDC token: it lacks <c>permissions: id-token: write</c>.</summary>
    public const string OidcTokenNotPermitted = "ESA1122";

    /// <summary>The GitHub OIDC token request failed or its answer held no token.</summary>
    public const string OidcTokenRequestFailed = "ESA1123";

    /// <summary>The ESA OpenAPI answered with an error that has no more specific code.</summary>
    public const string ApiError = "ESA2001";

    /// <summary>The routine has reached its code version limit.</summary>
    public const string VersionQuotaExceeded = "ESA2002";

    /// <summary>The request signature or the AccessKey was refused.</summary>
    public const string AuthenticationFailed = "ESA2003";

    /// <summary>The routine does not exist.</summary>
    public const string RoutineNotFound = "ESA2004";

    /// <summary>The ESA OpenAPI answered with something that is not a response of the expected shape.</summary>
    public const string UnexpectedResponse = "ESA2005";

    /// <summary>The ESA OpenAPI could not be reached or did not answer in time.</summary>
    public const string ApiUnreachable = "ESA2006";

    /// <summary>The service stayed busy or throttled the calls through every attempt.</summary>
    public const string ServiceBusy = "ESA2007";

    /// <summary>The service refused a parameter (<c>InvalidParameter*</c>, <c>MissingParameter</c>).</summary>
    public const string InvalidParameter = "ESA2008";

    /// <summary>The AccessKey is valid but lacks permission (<c>Forbidden*</c>, <c>NoPermission*</c>).</summary>
    public const string AccessDenied = "ESA2009";

    /// <summary>The account's Edge Routine service is halted, usually for an unpaid bill.</summary>
    public const string ServiceHalted = "ESA2010";

    /// <summary>The request's date was refused (<c>InvalidTimeStamp.*</c>): this machine's clock is off.</summary>
    public const string ClockSkew = "ESA2011";

    /// <summary>The service failed internally (<c>InternalError</c>, <c>InternalException</c>, ...).</summary>
    public const string ServiceInternalError = "ESA2012";

    /// <summary>OSS refused the upload.</summary>
    public const string UploadRejected = "ESA3001";

    /// <summary>OSS stored the code but the callback that registers it with ESA failed (HTTP 203).</summary>
    public const string UploadCallbackFailed = "ESA3002";

    /// <summary>The upload form from ESA lacks what an upload needs.</summary>
    public const string UnexpectedUploadForm = "ESA3003";

    /// <summary>The upload could not reach OSS, was cut off, or timed out.</summary>
    public const string UploadFailed = "ESA3004";

    /// <summary>The code file changed while it was being uploaded.</summary>
    public const string CodeFileChanged = "ESA3005";

    /// <summary>The upload form expired before the upload could complete or be retried.</summary>
    public const string UploadFormExpired = "ESA3006";

    /// <summary>A CI output file is not set, so outputs were not written (a warning).</summary>
    public const string CiOutputMissing = "ESA4001";

    /// <summary>The CI summary could not be written (a warning: the staging itself succeeded).</summary>
    public const string SummaryNotWritten = "ESA4002";

    /// <summary>The code was staged, but the result could not be written where it was asked for.</summary>
    public const string ResultNotWritten = "ESA5001";

    /// <summary>A warning: reporting to GitHub (deployment, comment) failed; the staging is unaffected.</summary>
    public const string GitHubReportFailed = "ESA4101";

    /// <summary>A warning: an OIDC role was given while an AccessKey in the environment takes precedence.</summary>
    public const string OidcShadowedByAccessKey = "ESA4102";

    /// <summary>An unexpected failure.</summary>
    public const string Unexpected = "ESA9001";

    /// <summary>The run was cancelled (Ctrl+C, SIGTERM, or a cancelled build).</summary>
    public const string Cancelled = "ESA9002";

    /// <summary>The built-in emulator could not start.</summary>
    public const string EmulatorFailed = "ESA9003";
}
