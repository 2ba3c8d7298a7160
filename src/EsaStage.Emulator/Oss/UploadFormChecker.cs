namespace EsaStage.Emulator.Oss;

/// <summary>Checks the text fields of an upload form, once all of them have arrived (the file comes last).</summary>
/// <remarks>
/// The order follows what OSS reports first: the key, the credential set, the AccessKey ID, the signature, the
/// policy's expiry, its conditions, fields the policy does not name, and the callback. Field names match exactly:
/// <c>Policy</c> is not <c>policy</c>.
/// </remarks>
internal static class UploadFormChecker
{
    /// <summary>The largest object OSS stores from a form.</summary>
    public const long MaxObjectBytes = 5L * 1024 * 1024 * 1024;

    private static readonly HashSet<string> StandardFields = new(StringComparer.Ordinal)
    {
        "OSSAccessKeyId", "Signature", "policy", "key", "callback", "x-oss-security-token", "success_action_status",
        "file",
    };

    public static UploadGrant Check(UploadProgress form, string ossAccessKeyId, string ossSecret, DateTimeOffset now)
    {
        var key = form.Field("key") ?? throw new OssException(OssError.KeyMissing());

        var credentialFields = new[] { "OSSAccessKeyId", "policy", "Signature" }.Count(form.Has);
        if (credentialFields == 0)
        {
            throw new OssException(OssError.AccessDenied(
                "You have no right to access this object because of bucket acl."));
        }

        if (credentialFields < 3)
        {
            throw new OssException(OssError.InvalidArgument(
                "Bucket POST must contain the fields OSSAccessKeyId, policy and Signature together."));
        }

        if (!string.Equals(form.Field("OSSAccessKeyId"), ossAccessKeyId, StringComparison.Ordinal))
        {
            throw new OssException(new OssError(403, "InvalidAccessKeyId",
                "The OSS Access Key Id you provided does not exist in our records."));
        }

        var policy = form.Field("policy")!;
        if (!PostSignature.Matches(ossSecret, policy, form.Field("Signature")!))
        {
            throw new OssException(new OssError(403, "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided. "
                + "Check your key and signing method."));
        }

        var document = PostPolicyDocument.Parse(policy);
        if (document.Expiration < now)
        {
            throw new OssException(OssError.AccessDenied("Invalid according to Policy: Policy expired."));
        }

        foreach (var condition in document.Conditions.Where(c => !c.IsSizeRange))
        {
            var value = condition.Field == "bucket" ? OssBucket.Name : form.Field(condition.Field);
            if (!condition.IsSatisfiedBy(value))
            {
                throw new OssException(OssError.AccessDenied(OssError.PolicyConditionFailed + condition));
            }
        }

        var named = document.Conditions.Select(c => c.Field).ToHashSet(StringComparer.Ordinal);
        var extra = form.Fields.Select(f => f.Key)
            .FirstOrDefault(n => !StandardFields.Contains(n) && !named.Contains(n)
                && !n.StartsWith("x:", StringComparison.Ordinal));
        if (extra is not null)
        {
            throw new OssException(OssError.AccessDenied(OssError.PolicyConditionFailed
                + $"the form field \"{extra}\" is not named by the policy."));
        }

        var range = document.Conditions.FirstOrDefault(c => c.IsSizeRange);
        var callback = form.Field("callback") is { } encoded ? CallbackSpec.Parse(encoded) : null;
        return new UploadGrant(key, range?.Min ?? 0, Math.Min(range?.Max ?? MaxObjectBytes, MaxObjectBytes),
            callback);
    }
}
