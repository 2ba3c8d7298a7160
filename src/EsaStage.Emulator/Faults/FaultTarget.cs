namespace EsaStage.Emulator.Faults;

/// <summary>The endpoint a delay or a dropped connection applies to.</summary>
public enum FaultTarget
{
    /// <summary>ESA API requests (not the admin API and not the OSS callback).</summary>
    Esa,

    /// <summary>OSS upload requests.</summary>
    Oss,
}
