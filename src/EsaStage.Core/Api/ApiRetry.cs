using System.Globalization;
using EsaStage.Core.Diagnostics;
using Polly;
using Polly.Retry;

namespace EsaStage.Core.Api;

/// <summary>Builds the Polly retry pipelines of the API clients and the upload.</summary>
internal static class ApiRetry
{
    /// <summary>Builds a pipeline that retries what <paramref name="describe"/> calls transient.</summary>
    /// <param name="options">Attempts and delays.</param>
    /// <param name="time">The clock the waits run on.</param>
    /// <param name="log">Receives one line per retry, saying why.</param>
    /// <param name="what">What is retried, for the log line, e.g. <c>GetRoutine</c>.</param>
    /// <param name="describe">Returns why a failure is transient, or <see langword="null"/> to give up.</param>
    /// <returns>The pipeline; one attempt and no retries when <see cref="RetryOptions.MaxAttempts"/> is 1.</returns>
    public static ResiliencePipeline Create(RetryOptions options, TimeProvider time, IStageLog log,
        Func<string> what, Func<Exception, string?> describe)
    {
        if (options.MaxAttempts <= 1)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } failure
                    && describe(failure) is not null
                    && !(RetryAfter(failure) > options.MaxRetryAfter)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Exception)),
                OnRetry = args =>
                {
                    var failure = args.Outcome.Exception!;
                    var delay = args.RetryDelay.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
                    log.Info($"{what()} attempt {args.AttemptNumber + 1} of {options.MaxAttempts} failed: " +
                        $"{describe(failure)?.TrimEnd('.')}. Retrying in {delay} s" +
                        (RetryAfter(failure) is null ? "." : " as the service asked (x-acs-retry-after)."));
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    private static TimeSpan? RetryAfter(Exception? failure) =>
        failure is EsaApiException { Error.RetryAfter: { } delay } ? delay : null;
}
