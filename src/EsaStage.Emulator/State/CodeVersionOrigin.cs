namespace EsaStage.Emulator.State;

/// <summary>How a code version came to exist.</summary>
public enum CodeVersionOrigin
{
    /// <summary>A staging upload whose OSS callback succeeded ("each staging upload takes one code version").</summary>
    StagingUpload,

    /// <summary><c>CommitRoutineStagingCode</c> made a formal version from the staging code.</summary>
    Commit,
}
