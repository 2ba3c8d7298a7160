using System.Text.RegularExpressions;

namespace EsaStage.Cli.Tests.Action;

/// <summary>
/// Evaluates the part of GitHub's expression language the action uses, the way the runner does: context paths
/// (<c>inputs.x</c>, <c>steps.id.outputs.y</c>, <c>steps.id.outcome</c>, <c>runner.temp</c>, <c>github.x</c>),
/// string literals, <c>== != &amp;&amp; || !</c>, parentheses and the status functions. Unknown paths are empty
/// strings, comparisons ignore case, and a condition without a status function implies <c>success()</c>.
/// </summary>
/// <param name="lookup">Returns a context path's value, or <see langword="null"/> when it has none.</param>
/// <param name="jobFailed">Whether an earlier step failed.</param>
internal sealed partial class ActionExpression(Func<string, string?> lookup, bool jobFailed)
{
    private List<string> _tokens = [];
    private int _next;

    /// <summary>Replaces every <c>${{ … }}</c> in a value with its result.</summary>
    public string Substitute(string template) =>
        Template().Replace(template, m => AsString(Evaluate(m.Groups[1].Value)));

    /// <summary>Evaluates a step's <c>if:</c>.</summary>
    public bool Condition(string? condition)
    {
        var text = (condition ?? "success()").Trim();
        if (text.StartsWith("${{", StringComparison.Ordinal) && text.EndsWith("}}", StringComparison.Ordinal))
        {
            text = text[3..^2];
        }

        if (!StatusFunction().IsMatch(text))
        {
            text = $"success() && ({text})";
        }

        return Truthy(Evaluate(text));
    }

    private object Evaluate(string expression)
    {
        _tokens = [.. Token().Matches(expression).Select(m => m.Value)];
        _next = 0;
        var value = Or();
        if (_next != _tokens.Count)
        {
            throw new FormatException($"Unexpected '{_tokens[_next]}' in '{expression}'.");
        }

        return value;
    }

    private object Or()
    {
        var left = And();
        while (Accept("||"))
        {
            var right = And();
            left = Truthy(left) ? left : right;
        }

        return left;
    }

    private object And()
    {
        var left = Comparison();
        while (Accept("&&"))
        {
            var right = Comparison();
            left = Truthy(left) ? right : left;
        }

        return left;
    }

    private object Comparison()
    {
        var left = Unary();
        if (Accept("=="))
        {
            return string.Equals(AsString(left), AsString(Unary()), StringComparison.OrdinalIgnoreCase);
        }

        if (Accept("!="))
        {
            return !string.Equals(AsString(left), AsString(Unary()), StringComparison.OrdinalIgnoreCase);
        }

        return left;
    }

    private object Unary()
    {
        if (Accept("!"))
        {
            return !Truthy(Unary());
        }

        if (Accept("("))
        {
            var inner = Or();
            Expect(")");
            return inner;
        }

        var token = _tokens[_next++];
        if (token.StartsWith('\''))
        {
            return token[1..^1].Replace("''", "'", StringComparison.Ordinal);
        }

        if (Accept("("))
        {
            Expect(")");
            return token switch
            {
                "success" => !jobFailed,
                "failure" => jobFailed,
                "always" => true,
                "cancelled" => false,
                _ => throw new FormatException($"The function {token}() is not modelled."),
            };
        }

        return token switch
        {
            "true" => true,
            "false" => false,
            _ => lookup(token) ?? string.Empty,
        };
    }

    private bool Accept(string token)
    {
        if (_next < _tokens.Count && _tokens[_next] == token)
        {
            _next++;
            return true;
        }

        return false;
    }

    private void Expect(string token)
    {
        if (!Accept(token))
        {
            throw new FormatException($"Expected '{token}'.");
        }
    }

    private static bool Truthy(object value) => value is bool b ? b : AsString(value).Length > 0;

    private static string AsString(object value) => value is bool b ? (b ? "true" : "false") : (string)value;

    [GeneratedRegex(@"\$\{\{(.*?)\}\}", RegexOptions.Singleline)]
    private static partial Regex Template();

    [GeneratedRegex(@"\b(success|failure|always|cancelled)\(")]
    private static partial Regex StatusFunction();

    [GeneratedRegex(@"'(?:[^']|'')*'|&&|\|\||==|!=|!|\(|\)|[A-Za-z_][A-Za-z0-9_.\-]*")]
    private static partial Regex Token();
}
