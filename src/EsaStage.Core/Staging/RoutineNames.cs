namespace EsaStage.Core.Staging;

/// <summary>ESA's naming rule for routines; the product and the emulator share it.</summary>
public static class RoutineNames
{
    /// <summary>
    /// Whether <paramref name="name"/> is a valid routine name: 2–63 characters of lowercase letters, digits and
    /// <c>-</c>, starting with a letter and not ending with <c>-</c>.
    /// </summary>
    /// <param name="name">The candidate name.</param>
    /// <returns><see langword="true"/> when the name is valid.</returns>
    public static bool IsValid(string? name)
    {
        if (name is null || name.Length is < 2 or > 63 || name[0] is < 'a' or > 'z' || name[^1] == '-')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
