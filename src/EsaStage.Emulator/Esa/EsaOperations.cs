namespace EsaStage.Emulator.Esa;

/// <summary>The operations the emulator serves, by <c>x-acs-action</c>.</summary>
internal static class EsaOperations
{
    private static readonly Dictionary<string, EsaOperation> ByAction = new(StringComparer.Ordinal)
    {
        ["GetRoutineStagingCodeUploadInfo"] = StagingOperations.GetUploadInfo,
        ["CommitRoutineStagingCode"] = StagingOperations.Commit,
        ["PublishRoutineCodeVersion"] = StagingOperations.Publish,
        ["GetRoutine"] = RoutineOperations.GetRoutine,
        ["CreateRoutine"] = RoutineOperations.CreateRoutine,
        ["ListRoutineCodeVersions"] = RoutineOperations.ListCodeVersions,
        ["DeleteRoutineCodeVersion"] = RoutineOperations.DeleteCodeVersion,
        ["GetErService"] = RoutineOperations.GetErService,
    };

    public static EsaOperation? Find(string action) => ByAction.GetValueOrDefault(action);
}
