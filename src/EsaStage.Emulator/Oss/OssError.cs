namespace EsaStage.Emulator.Oss;

/// <summary>An OSS error: the HTTP status and the <c>Code</c> and <c>Message</c> of the XML body.</summary>
/// <param name="HttpStatus">The HTTP status code.</param>
/// <param name="Code">The error code, e.g. <c>AccessDenied</c>.</param>
/// <param name="Message">The message.</param>
internal sealed record OssError(int HttpStatus, string Code, string Message)
{
    public const string PolicyConditionFailed = "Invalid according to Policy: Policy Condition failed: ";

    public static OssError InvalidArgument(string message) => new(400, "InvalidArgument", message);

    public static OssError AccessDenied(string message) => new(403, "AccessDenied", message);

    public static OssError Malformed() => new(400, "MalformedPOSTRequest",
        "The body of your POST request is not well-formed multipart/form-data.");

    public static OssError KeyMissing() => InvalidArgument(
        "The bucket POST must contain the specified 'key'. If it is specified, please check the order of the fields");
}
