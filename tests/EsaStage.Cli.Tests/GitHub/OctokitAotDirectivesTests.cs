using System.Reflection;
using System.Xml.Linq;
using EsaStage.Tests.Shared;
using Octokit;

namespace EsaStage.Cli.Tests.GitHub;

/// <summary>
/// The Native AOT build reads GitHub's answers through Octokit's reflection, which can only create the generic
/// types that <c>Octokit.rd.xml</c> has compiled ahead of time. These tests hold that file to the models of the
/// answers the tool reads, so an Octokit upgrade that adds such a type fails here instead of on a runner.
/// </summary>
[TestClass]
public sealed class OctokitAotDirectivesTests
{
    // The answers of the calls GitHubReporter makes: deployments, their statuses and issue comments.
    private static readonly Type[] Answers = [typeof(Deployment), typeof(DeploymentStatus), typeof(IssueComment)];

    [TestMethod]
    public void Directives_AnswersTheToolReads_ListEveryGenericTypeOctokitCreatesForThem()
    {
        var listed = ListedTypes().Select(t => t.Name).ToList();

        var needed = GenericTypesIn(Answers).SelectMany(TypesOctokitCreatesFor).Select(DirectiveName).ToList();

        Assert.IsNotEmpty(needed);
        CollectionAssert.IsSubsetOf(needed, listed,
            $"Octokit.rd.xml lacks some of: {string.Join(", ", needed)}");
    }

    [TestMethod]
    public void Directives_EveryListedType_ResolvesInTheOctokitTheToolReferences()
    {
        foreach (var (assembly, name) in ListedTypes())
        {
            var type = Type.GetType($"{name}, {assembly}", throwOnError: false);

            Assert.IsNotNull(type, $"{name} in {assembly}");
            Assert.IsTrue(type.IsConstructedGenericType, name);
        }
    }

    // What Octokit's reader makes, by reflection, for a field of a generic type: a generic value type over one of
    // its own types itself; for a dictionary, a Dictionary that it then wraps read-only for IReadOnlyDictionary.
    private static IEnumerable<Type> TypesOctokitCreatesFor(Type type)
    {
        var arguments = type.GetGenericArguments();
        var definition = type.GetGenericTypeDefinition();
        if (type.IsValueType && arguments.Any(a => a.Assembly == typeof(Deployment).Assembly))
        {
            yield return type;
        }
        else if (definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
        {
            yield return typeof(Dictionary<,>).MakeGenericType(arguments);
            if (definition == typeof(IReadOnlyDictionary<,>))
            {
                yield return typeof(System.Collections.ObjectModel.ReadOnlyDictionary<,>).MakeGenericType(arguments);
            }
        }
    }

    private static HashSet<Type> GenericTypesIn(IEnumerable<Type> roots)
    {
        var seen = new HashSet<Type>();
        var found = new HashSet<Type>();
        var pending = new Stack<Type>(roots);
        while (pending.TryPop(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            if (type.IsConstructedGenericType)
            {
                found.Add(type);
            }

            foreach (var argument in type.IsArray ? [type.GetElementType()!] : type.GetGenericArguments())
            {
                pending.Push(argument);
            }

            if (type.Assembly == typeof(Deployment).Assembly)
            {
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    pending.Push(property.PropertyType);
                }
            }
        }

        return found;
    }

    // The form rd.xml names a constructed generic type in: Name`1[[Argument,Assembly]].
    private static string DirectiveName(Type type) =>
        $"{type.GetGenericTypeDefinition().FullName}[[" +
        string.Join("],[", type.GetGenericArguments().Select(a => $"{a.FullName},{a.Assembly.GetName().Name}")) +
        "]]";

    private static IEnumerable<(string Assembly, string Name)> ListedTypes()
    {
        var file = Path.Combine(RepositoryPaths.Root, "src", "EsaStage.Cli", "GitHub", "Octokit.rd.xml");
        return XDocument.Load(file).Descendants().Where(e => e.Name.LocalName == "Type")
            .Select(e => ((string)e.Parent!.Attribute("Name")!, (string)e.Attribute("Name")!));
    }
}
