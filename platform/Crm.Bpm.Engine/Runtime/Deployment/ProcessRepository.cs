using Crm.Bpm.Engine.Model.Processes;
using Crm.Bpm.Engine.Runtime.Compilation;
using Crm.Bpm.Engine.Runtime.Expressions;
using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Engine.Xml;

namespace Crm.Bpm.Engine.Runtime.Deployment;

/// <summary>The compiled processes, cached by definition key and by process id and version; a miss compiles the stored source once.</summary>
internal sealed class ProcessRepository(IProcessStore store, IExpressionLanguage language)
{
    private readonly Dictionary<long, ExecutableProcess> _byKey = [];
    private readonly Dictionary<(string Id, int Version), ExecutableProcess> _byVersion = [];
    private readonly Dictionary<long, string> _checksums = [];

    public IExpressionLanguage Language => language;

    public void Register(ExecutableProcess process, string checksum)
    {
        _byKey[process.Key] = process;
        _byVersion[(process.BpmnProcessId, process.Version)] = process;
        _checksums[process.Key] = checksum;
    }

    public void Forget(ExecutableProcess process)
    {
        _byKey.Remove(process.Key);
        _byVersion.Remove((process.BpmnProcessId, process.Version));
        _checksums.Remove(process.Key);
    }

    public ExecutableProcess? Find(long key)
    {
        if (_byKey.TryGetValue(key, out var process))
        {
            return process;
        }

        var record = store.FindDefinition(key);
        return record is null ? null : Load(record);
    }

    /// <summary>The latest version of the process; <paramref name="toStart"/> when an instance is about to start on it (the store may then answer from a cache it checks when the start commits).</summary>
    public ExecutableProcess? FindLatest(string bpmnProcessId, bool toStart = false)
    {
        var record = toStart ? store.FindLatestDefinitionToStart(bpmnProcessId) : store.FindLatestDefinition(bpmnProcessId);
        if (record is null)
        {
            return null;
        }

        return _byKey.TryGetValue(record.Key, out var process) ? process : Load(record);
    }

    public ExecutableProcess? FindVersion(string bpmnProcessId, int version)
    {
        if (_byVersion.TryGetValue((bpmnProcessId, version), out var process))
        {
            return process;
        }

        foreach (var record in store.Definitions())
        {
            if (record.BpmnProcessId == bpmnProcessId && record.Version == version)
            {
                return Load(record);
            }
        }

        return null;
    }

    private ExecutableProcess? Load(ProcessDefinitionRecord record)
    {
        if (record.Source is null)
        {
            return null;
        }

        var parsed = BpmnParser.ParseString(record.Source, record.ResourceName);
        var model = parsed.Definitions?.Processes.FirstOrDefault(p => p.Id == record.BpmnProcessId);
        if (parsed.Definitions is null || model is null)
        {
            return null;
        }

        var (process, _) = ProcessCompiler.Compile(parsed.Definitions, model, language, record.ResourceName);
        if (process is null)
        {
            return null;
        }

        process.Key = record.Key;
        process.Version = record.Version;
        process.ResourceName = record.ResourceName;
        Register(process, record.Checksum);
        return process;
    }

    internal static bool IsExecutable(Process process) => process.IsExecutable != false;
}
