using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Bpm.Connectors.Jobs;
using Crm.Bpm.Engine.Hosting;

namespace Crm.Bpm.Connectors.Http;

/// <summary><c>crm:http</c>: calls a web service with a request built by FEEL over the job's variables and maps the response back with FEEL.</summary>
/// <remarks>
/// Inputs (headers as <c>=FEEL</c> or text, or variables): <c>url</c> (http or https), <c>method</c> (default GET),
/// <c>headers</c> (a context of header names to values), <c>body</c> (a string is sent as it is; anything else as
/// JSON), <c>timeout</c> (seconds, default 30). The response is <c>response</c> = <c>{status, headers, body}</c> (body
/// parsed when it is JSON, else text). Header <c>resultExpression</c>: FEEL over <c>response</c> and the job's
/// variables, giving a context whose entries become process variables (Camunda's result expression); header
/// <c>resultVariable</c>: the whole response in one variable. Without either, the job completes with no variables.
/// Status 408, 429 and 5xx, timeouts and unreachable servers fail with retries; another 4xx throws the BPMN error of
/// header <c>errorCode</c> (with <c>response</c> as a variable) or, without one, fails without retries.
/// </remarks>
public sealed class HttpHandler(HttpClient client) : ConnectorHandler
{
    public const string JobType = "crm:http";

    /// <inheritdoc/>
    public override string Type => JobType;

    /// <inheritdoc/>
    protected override async Task<JobOutcome> RunAsync(JobInputs inputs, JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(context);
        var url = inputs.RequiredText("url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ConnectorInputException($"Job '{Type}': url '{url}' is not an http or https address.");
        }

        var method = new HttpMethod((inputs.Text("method") ?? "GET").ToUpperInvariant());
        var timeout = TimeSpan.FromSeconds(inputs.Integer("timeout", 30));
        using var request = new HttpRequestMessage(method, uri);
        if (inputs.Node("body") is { } body)
        {
            request.Content = body.GetValueKind() == JsonValueKind.String
                ? new StringContent(body.GetValue<string>(), Encoding.UTF8, "text/plain")
                : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in inputs.Object("headers") ?? [])
        {
            var text = value is null ? string.Empty : value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) && request.Content is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(text);
            }
            else if (!request.Headers.TryAddWithoutValidation(name, text) && request.Content is not null)
            {
                request.Content.Headers.TryAddWithoutValidation(name, text);
            }
        }

        JsonObject response;
        int status;
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            using var reply = await client.SendAsync(request, timeoutSource.Token).ConfigureAwait(false);
            status = (int)reply.StatusCode;
            response = await Response(reply, timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return JobOutcome.Fail($"{method} {uri} gave no answer within {timeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException e)
        {
            return JobOutcome.Fail($"{method} {uri} failed: {e.Message}");
        }

        if (status is 408 or 429 or >= 500)
        {
            return JobOutcome.Fail($"{method} {uri} answered {status}{Excerpt(response)}; it will be tried again.");
        }

        if (status >= 400)
        {
            var text = $"{method} {uri} answered {status}{Excerpt(response)}.";
            return inputs.ErrorCode is { } code
                ? JobOutcome.Error(code, text, new Dictionary<string, object?> { ["response"] = response })
                : JobOutcome.Fail(text + " Set the task header errorCode to handle it as a BPMN error.", retries: 0);
        }

        var variables = new Dictionary<string, object?>();
        if (context.CustomHeaders.TryGetValue("resultVariable", out var resultVariable) && !string.IsNullOrWhiteSpace(resultVariable))
        {
            variables[resultVariable.Trim()] = response.DeepClone();
        }

        if (context.CustomHeaders.TryGetValue("resultExpression", out var resultExpression) && !string.IsNullOrWhiteSpace(resultExpression))
        {
            var mapped = inputs.Evaluate("resultExpression", resultExpression, new Dictionary<string, JsonNode?> { ["response"] = response });
            if (mapped is not JsonObject entries)
            {
                throw new ConnectorInputException($"Job '{Type}': resultExpression must give a context (its entries become variables), not {mapped?.ToJsonString() ?? "null"}.");
            }

            foreach (var (name, value) in entries)
            {
                variables[name] = value?.DeepClone();
            }
        }

        return JobOutcome.Complete(variables);
    }

    private static async Task<JsonObject> Response(HttpResponseMessage reply, CancellationToken cancellationToken)
    {
        var headers = new JsonObject();
        foreach (var (name, values) in reply.Headers.Concat(reply.Content.Headers))
        {
            headers[name.ToLowerInvariant()] = string.Join(", ", values);
        }

        var text = await reply.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonNode? body = text.Length == 0 ? null : JsonValue.Create(text);
        var mediaType = reply.Content.Headers.ContentType?.MediaType;
        if (text.Length > 0 && (mediaType is null || mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
        {
            try
            {
                body = JsonNode.Parse(text);
            }
            catch (JsonException) when (mediaType is null)
            {
                // No content type and not JSON: keep the text.
            }
            catch (JsonException e)
            {
                throw new HttpRequestException($"the response says it is JSON but is not: {e.Message}", e, reply.StatusCode);
            }
        }

        return new JsonObject { ["status"] = (int)reply.StatusCode, ["headers"] = headers, ["body"] = body };
    }

    private static string Excerpt(JsonObject response)
    {
        var body = response["body"];
        if (body is null)
        {
            return string.Empty;
        }

        var text = body.GetValueKind() == JsonValueKind.String ? body.GetValue<string>() : body.ToJsonString();
        return text.Length <= 200 ? $": {text}" : $": {text[..200]}...";
    }
}
