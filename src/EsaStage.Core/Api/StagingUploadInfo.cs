namespace EsaStage.Core.Api;

/// <summary>The answer of <c>GetRoutineStagingCodeUploadInfo</c>.</summary>
/// <remarks>
/// <see cref="CodeVersion"/> is known before anything is uploaded; it must not be reported until the upload and its
/// callback have succeeded.
/// </remarks>
/// <param name="CodeVersion">The code version the upload will become, as its exact digits.</param>
/// <param name="OssPostConfig">The upload form entries, in the order received, names byte for byte.</param>
/// <param name="RequestId">The request id.</param>
public sealed record StagingUploadInfo(
    string CodeVersion,
    IReadOnlyList<KeyValuePair<string, string>> OssPostConfig,
    string? RequestId);
