using System.Collections.Concurrent;
using System.Diagnostics;

namespace Crm.Bpm.Integration.Tests.Serve;

/// <summary>One <c>crm engine serve</c> server running as its own OS process (<c>dotnet crm.dll</c>), with its output kept for diagnosis.</summary>
internal sealed class EngineServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private EngineServerProcess(string nodeId, Process process)
    {
        NodeId = nodeId;
        _process = process;
    }

    public string NodeId { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the server; <see cref="WaitUntilServing"/> waits for its "serving" line.</summary>
    public static EngineServerProcess Start(string nodeId, IReadOnlyList<string> serveArguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(CrmTool.Path);
        info.ArgumentList.Add("engine");
        info.ArgumentList.Add("serve");
        foreach (var argument in serveArguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.ArgumentList.Add("--node-id");
        info.ArgumentList.Add(nodeId);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var server = new EngineServerProcess(nodeId, process);
        process.OutputDataReceived += (_, e) => server.Received(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => server.Received(e.Data, isError: true);
        process.Exited += (_, _) => server._ready.TrySetException(new InvalidOperationException($"{nodeId} exited with {process.ExitCode} before serving:\n{server.Tail(40)}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Waits (bounded) until the server printed that it serves.</summary>
    public Task WaitUntilServing(TimeSpan bound) => _ready.Task.WaitAsync(bound);

    /// <summary>Kills the process at once with SIGKILL, as a crash would: no shutdown code runs.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    /// <summary>Asks the server to stop (SIGTERM) and waits, bounded, for its exit code.</summary>
    public async Task<int> Terminate(TimeSpan bound)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill!.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(bound);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>The last lines the server printed.</summary>
    public string Tail(int lines) => string.Join('\n', _output.TakeLast(lines));

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Received(string? line, bool isError)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(isError ? $"! {line}" : line);
        while (_output.Count > 2000 && _output.TryDequeue(out _))
        {
        }

        if (!isError && line.Contains(" serving ", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }
}
