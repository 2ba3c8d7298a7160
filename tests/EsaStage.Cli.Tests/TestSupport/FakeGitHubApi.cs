using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EsaStage.Cli.Tests.TestSupport;

/// <summary>
/// A loopback stand-in for the few GitHub REST endpoints the tool uses, served under <c>/api/v3/</c> as GitHub
/// Enterprise Server serves them: deployments, deployment statuses and issue comments. Its answers carry every
/// field GitHub's REST reference documents for them, so the tool reads answers as full as the real ones (the Native
/// AOT build reads them by reflection). It keeps the comments, so a second run sees what the first one wrote, and
/// records every request.
/// </summary>
internal sealed partial class FakeGitHubApi : IAsyncDisposable
{
    private const string FakeRepository = "https://github.example/api/v3/repos/o/a";

    private readonly Lock _lock = new();
    private readonly List<JsonObject> _comments = [];
    private LoopbackServer _server = null!;
    private long _nextId = 1000;

    /// <summary>Gets or sets the status every deployment request is answered with instead of success.</summary>
    public int? FailDeploymentsWith { get; set; }

    /// <summary>Gets or sets a body every deployment request is answered with, as created, instead of GitHub's.</summary>
    public string? DeploymentAnswer { get; set; }

    public Uri ApiUrl => new(_server.BaseAddress, "api/v3");

    public IReadOnlyList<RecordedHttpRequest> Requests => _server.Requests;

    public IReadOnlyList<JsonObject> Comments
    {
        get
        {
            lock (_lock)
            {
                return [.. _comments.Select(c => (JsonObject)c.DeepClone())];
            }
        }
    }

    public static async Task<FakeGitHubApi> StartAsync(params JsonObject[] existingComments)
    {
        var api = new FakeGitHubApi();
        api._comments.AddRange(existingComments);
        api._server = await LoopbackServer.StartAsync(api.Answer);
        return api;
    }

    public static JsonObject Comment(long id, string body, string login = "octocat")
    {
        var bot = login.EndsWith("[bot]", StringComparison.Ordinal);
        return new JsonObject
        {
            ["url"] = $"{FakeRepository}/issues/comments/{id}",
            ["html_url"] = $"https://github.example/o/a/pull/7#issuecomment-{id}",
            ["issue_url"] = $"{FakeRepository}/issues/7",
            ["id"] = id,
            ["node_id"] = $"IC_{id}",
            ["user"] = User(login, bot ? "Bot" : "User"),
            ["created_at"] = "2026-01-01T00:00:00Z",
            ["updated_at"] = "2026-01-01T00:05:00Z",
            ["author_association"] = bot ? "NONE" : "MEMBER",
            ["body"] = body,
            ["reactions"] = new JsonObject
            {
                ["url"] = $"{FakeRepository}/issues/comments/{id}/reactions",
                ["total_count"] = 1, ["+1"] = 1, ["-1"] = 0, ["laugh"] = 0, ["hooray"] = 0, ["confused"] = 0,
                ["heart"] = 0, ["rocket"] = 0, ["eyes"] = 0,
            },
            ["performed_via_github_app"] = null,
        };
    }

    private static JsonObject User(string login, string type)
    {
        var url = $"https://github.example/api/v3/users/{Uri.EscapeDataString(login)}";
        return new JsonObject
        {
            ["login"] = login,
            ["id"] = 41898282,
            ["node_id"] = "MDM6Qm90NDE4OTgyODI=",
            ["avatar_url"] = "https://avatars.github.example/in/15368?v=4",
            ["gravatar_id"] = "",
            ["url"] = url,
            ["html_url"] = $"https://github.example/{login}",
            ["followers_url"] = $"{url}/followers",
            ["following_url"] = $"{url}/following{{/other_user}}",
            ["gists_url"] = $"{url}/gists{{/gist_id}}",
            ["starred_url"] = $"{url}/starred{{/owner}}{{/repo}}",
            ["subscriptions_url"] = $"{url}/subscriptions",
            ["organizations_url"] = $"{url}/orgs",
            ["repos_url"] = $"{url}/repos",
            ["events_url"] = $"{url}/events{{/privacy}}",
            ["received_events_url"] = $"{url}/received_events",
            ["type"] = type,
            ["user_view_type"] = "public",
            ["site_admin"] = false,
        };
    }

    private static JsonObject Deployment(long id, JsonNode request) => new()
    {
        ["url"] = $"{FakeRepository}/deployments/{id}",
        ["id"] = id,
        ["node_id"] = $"DE_{id}",
        ["sha"] = "a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d",
        ["ref"] = request["ref"]?.DeepClone(),
        ["task"] = request["task"]?.DeepClone() ?? "deploy",
        ["payload"] = request["payload"]?.DeepClone() ?? new JsonObject(),
        ["original_environment"] = request["environment"]?.DeepClone(),
        ["environment"] = request["environment"]?.DeepClone(),
        ["description"] = request["description"]?.DeepClone(),
        ["creator"] = User("github-actions[bot]", "Bot"),
        ["created_at"] = "2026-01-01T00:00:00Z",
        ["updated_at"] = "2026-01-01T00:00:00Z",
        ["statuses_url"] = $"{FakeRepository}/deployments/{id}/statuses",
        ["repository_url"] = FakeRepository,
        ["transient_environment"] = request["transient_environment"]?.DeepClone() ?? false,
        ["production_environment"] = request["production_environment"]?.DeepClone() ?? false,
    };

    private static JsonObject DeploymentStatus(long id, string deployment, JsonNode request) => new()
    {
        ["url"] = $"{FakeRepository}/deployments/{deployment}/statuses/{id}",
        ["id"] = id,
        ["node_id"] = $"DES_{id}",
        ["state"] = request["state"]?.DeepClone(),
        ["creator"] = User("github-actions[bot]", "Bot"),
        ["description"] = request["description"]?.DeepClone() ?? "",
        ["environment"] = request["environment"]?.DeepClone() ?? "esa-staging",
        ["target_url"] = request["log_url"]?.DeepClone() ?? "",
        ["log_url"] = request["log_url"]?.DeepClone() ?? "",
        ["environment_url"] = request["environment_url"]?.DeepClone() ?? "",
        ["created_at"] = "2026-01-01T00:00:00Z",
        ["updated_at"] = "2026-01-01T00:00:00Z",
        ["deployment_url"] = $"{FakeRepository}/deployments/{deployment}",
        ["repository_url"] = FakeRepository,
        ["performed_via_github_app"] = null,
    };

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private LoopbackAnswer Answer(RecordedHttpRequest request)
    {
        var path = request.Path;
        lock (_lock)
        {
            if (DeploymentStatuses().Match(path) is { Success: true } status && request.Method == "POST")
            {
                return FailDeploymentsWith is { } failure
                    ? Error(failure)
                    : Created(DeploymentStatus(++_nextId, status.Groups[1].Value, JsonNode.Parse(request.Body)!));
            }

            if (Deployments().IsMatch(path) && request.Method == "POST")
            {
                return FailDeploymentsWith is { } failure
                    ? Error(failure)
                    : DeploymentAnswer is { } answer
                        ? new LoopbackAnswer(201, answer)
                        : Created(Deployment(++_nextId, JsonNode.Parse(request.Body)!));
            }

            if (IssueComments().Match(path) is { Success: true } list)
            {
                return request.Method switch
                {
                    "GET" => new LoopbackAnswer(200, new JsonArray([.. _comments.Select(c => c.DeepClone())])
                        .ToJsonString()),
                    "POST" => AddComment(request),
                    _ => Error(405),
                };
            }

            if (SingleComment().Match(path) is { Success: true } one && request.Method == "PATCH")
            {
                var comment = _comments.SingleOrDefault(c => c["id"]!.GetValue<long>() ==
                    long.Parse(one.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
                if (comment is null)
                {
                    return Error(404);
                }

                comment["body"] = JsonNode.Parse(request.Body)!["body"]!.GetValue<string>();
                return new LoopbackAnswer(200, comment.ToJsonString());
            }

            return Error(404);
        }
    }

    private LoopbackAnswer AddComment(RecordedHttpRequest request)
    {
        var body = JsonNode.Parse(request.Body)!["body"]!.GetValue<string>();
        var comment = Comment(++_nextId, body, "github-actions[bot]");
        _comments.Add(comment);
        return Created(comment);
    }

    private static LoopbackAnswer Created(JsonObject body) => new(201, body.ToJsonString());

    private static LoopbackAnswer Error(int status) =>
        new(status, JsonSerializer.Serialize(new { message = "Resource not accessible by integration" }));

    [GeneratedRegex("^/api/v3/repos/[^/]+/[^/]+/deployments/([0-9]+)/statuses$")]
    private static partial Regex DeploymentStatuses();

    [GeneratedRegex("^/api/v3/repos/[^/]+/[^/]+/deployments$")]
    private static partial Regex Deployments();

    [GeneratedRegex("^/api/v3/repos/[^/]+/[^/]+/issues/([0-9]+)/comments$")]
    private static partial Regex IssueComments();

    [GeneratedRegex("^/api/v3/repos/[^/]+/[^/]+/issues/comments/([0-9]+)$")]
    private static partial Regex SingleComment();
}
