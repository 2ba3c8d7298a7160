using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EsaStage.Cli.Tests.TestSupport;

/// <summary>
/// A loopback stand-in for the few GitHub REST endpoints the tool uses, served under <c>/api/v3/</c> as GitHub
/// Enterprise Server serves them: deployments, deployment statuses and issue comments. It keeps the comments, so
/// a second run sees what the first one wrote, and records every request.
/// </summary>
internal sealed partial class FakeGitHubApi : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly List<JsonObject> _comments = [];
    private LoopbackServer _server = null!;
    private long _nextId = 1000;

    /// <summary>Gets or sets the status every deployment request is answered with instead of success.</summary>
    public int? FailDeploymentsWith { get; set; }

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

    public static JsonObject Comment(long id, string body, string login = "octocat") => new()
    {
        ["id"] = id,
        ["body"] = body,
        ["user"] = new JsonObject { ["login"] = login, ["id"] = 1, ["type"] = "User" },
        ["created_at"] = "2026-01-01T00:00:00Z",
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
                    : Created(new JsonObject
                    {
                        ["id"] = ++_nextId,
                        ["state"] = JsonNode.Parse(request.Body)!["state"]!.DeepClone(),
                        ["deployment_url"] = $"{ApiUrl}/deployments/{status.Groups[1].Value}",
                    });
            }

            if (Deployments().IsMatch(path) && request.Method == "POST")
            {
                return FailDeploymentsWith is { } failure
                    ? Error(failure)
                    : Created(new JsonObject { ["id"] = ++_nextId, ["sha"] = "0", ["task"] = "deploy" });
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
