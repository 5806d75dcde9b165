using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Crm.Bpm.Connectors.Tests.Infrastructure;

/// <summary>An HTTP server on 127.0.0.1 (HttpListener) that answers every request with the function's status, content type and body, and records the requests.</summary>
public sealed class HttpTestServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpTestRequest, (int Status, string ContentType, string Body)> _answer;
    private readonly ConcurrentQueue<HttpTestRequest> _requests = new();
    private readonly Task _serving;

    public HttpTestServer(Func<HttpTestRequest, (int Status, string ContentType, string Body)> answer)
    {
        _answer = answer;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public IReadOnlyList<HttpTestRequest> Requests => [.. _requests];

    public void Dispose()
    {
        _listener.Stop();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener's exception.
        }

        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            var request = new HttpTestRequest(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, headers, body);
            _requests.Enqueue(request);
            var (status, contentType, answer) = _answer(request);
            var bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
