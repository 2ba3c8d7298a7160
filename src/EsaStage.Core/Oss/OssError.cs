namespace EsaStage.Core.Oss;

/// <summary>The fields of an OSS error answer (an XML <c>Error</c> document).</summary>
/// <param name="HttpStatus">The HTTP status.</param>
/// <param name="Code">The OSS error code, e.g. <c>AccessDenied</c>.</param>
/// <param name="Message">The OSS message.</param>
/// <param name="RequestId">The OSS request id.</param>
/// <param name="HostId">The host id.</param>
/// <param name="Ec">The error-centre code, e.g. <c>0006-00000227</c>, on newer answers.</param>
public sealed record OssError(int HttpStatus, string Code, string Message, string? RequestId, string? HostId,
    string? Ec);
